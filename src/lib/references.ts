/**
 * Every document the guide cites, in one place. Chapters name these in their `sources`
 * frontmatter and in inline <Cite> tags; the References page is generated from this list.
 *
 * A citation is written the way a reader would say it:
 *   'RFC 7296 §2.23'              an RFC, optionally with a section (links to that section)
 *   'strongswan-windows-clients'  any other document, by its id below
 */

export interface Reference {
  /** 'RFC 7296' for RFCs; a short kebab-case id for everything else. */
  id: string;
  title: string;
  url: string;
  /** Who published it: 'IETF', 'Microsoft', 'strongSwan project', … */
  publisher: string;
  /** Publication month for RFCs ('2014-10'); year or date for others where known. */
  date?: string;
  kind: 'rfc' | 'draft' | 'vendor' | 'source-code' | 'paper' | 'secondary';
  /** One line on what status the document has today, e.g. 'Obsoleted by RFC 9329'. */
  status?: string;
}

const rfc = (
  num: number,
  title: string,
  date: string,
  status?: string,
): Reference => ({
  id: `RFC ${num}`,
  title,
  url: `https://www.rfc-editor.org/rfc/rfc${num}`,
  publisher: 'IETF',
  date,
  kind: 'rfc',
  ...(status ? { status } : {}),
});

export const references: readonly Reference[] = [
  rfc(768, 'User Datagram Protocol', '1980-08'),
  rfc(791, 'Internet Protocol', '1981-09'),
  rfc(1191, 'Path MTU Discovery', '1990-11'),
  rfc(1332, 'The PPP Internet Protocol Control Protocol (IPCP)', '1992-05'),
  rfc(1661, 'The Point-to-Point Protocol (PPP)', '1994-07'),
  rfc(1662, 'PPP in HDLC-like Framing', '1994-07'),
  rfc(1994, 'PPP Challenge Handshake Authentication Protocol (CHAP)', '1996-08'),
  rfc(2341, 'Cisco Layer Two Forwarding (Protocol) "L2F"', '1998-05', 'Historic'),
  rfc(2404, 'The Use of HMAC-SHA-1-96 within ESP and AH', '1998-11'),
  rfc(2409, 'The Internet Key Exchange (IKE)', '1998-11', 'Historic (RFC 9395)'),
  rfc(2410, 'The NULL Encryption Algorithm and Its Use With IPsec', '1998-11'),
  rfc(2451, 'The ESP CBC-Mode Cipher Algorithms', '1998-11'),
  rfc(2637, 'Point-to-Point Tunneling Protocol (PPTP)', '1999-07', 'Informational'),
  rfc(2661, 'Layer Two Tunneling Protocol "L2TP"', '1999-08'),
  rfc(2759, 'Microsoft PPP CHAP Extensions, Version 2', '2000-01', 'Informational'),
  rfc(3193, 'Securing L2TP using IPsec', '2001-11'),
  rfc(3526, 'More Modular Exponential (MODP) Diffie-Hellman groups for Internet Key Exchange (IKE)', '2003-05'),
  rfc(3566, 'The AES-XCBC-MAC-96 Algorithm and Its Use With IPsec', '2003-09'),
  rfc(3602, 'The AES-CBC Cipher Algorithm and Its Use with IPsec', '2003-09'),
  rfc(3686, 'Using Advanced Encryption Standard (AES) Counter Mode With IPsec Encapsulating Security Payload (ESP)', '2004-01'),
  rfc(3706, 'A Traffic-Based Method of Detecting Dead Internet Key Exchange (IKE) Peers', '2004-02', 'Informational'),
  rfc(3748, 'Extensible Authentication Protocol (EAP)', '2004-06'),
  rfc(3931, 'Layer Two Tunneling Protocol - Version 3 (L2TPv3)', '2005-03'),
  rfc(3947, 'Negotiation of NAT-Traversal in the IKE', '2005-01'),
  rfc(3948, 'UDP Encapsulation of IPsec ESP Packets', '2005-01'),
  rfc(4106, 'The Use of Galois/Counter Mode (GCM) in IPsec Encapsulating Security Payload (ESP)', '2005-06'),
  rfc(4301, 'Security Architecture for the Internet Protocol', '2005-12'),
  rfc(4302, 'IP Authentication Header', '2005-12'),
  rfc(4303, 'IP Encapsulating Security Payload (ESP)', '2005-12'),
  rfc(4306, 'Internet Key Exchange (IKEv2) Protocol', '2005-12', 'Obsoleted by RFC 5996'),
  rfc(4309, 'Using Advanced Encryption Standard (AES) CCM Mode with IPsec Encapsulating Security Payload (ESP)', '2005-12'),
  rfc(4543, 'The Use of Galois Message Authentication Code (GMAC) in IPsec ESP and AH', '2006-05'),
  rfc(4555, 'IKEv2 Mobility and Multihoming Protocol (MOBIKE)', '2006-06'),
  rfc(4739, 'Multiple Authentication Exchanges in the Internet Key Exchange (IKEv2) Protocol', '2006-11', 'Experimental'),
  rfc(4821, 'Packetization Layer Path MTU Discovery', '2007-03'),
  rfc(4868, 'Using HMAC-SHA-256, HMAC-SHA-384, and HMAC-SHA-512 with IPsec', '2007-05'),
  rfc(5114, 'Additional Diffie-Hellman Groups for Use with IETF Standards', '2008-01', 'Informational'),
  rfc(5216, 'The EAP-TLS Authentication Protocol', '2008-03'),
  rfc(5685, 'Redirect Mechanism for the Internet Key Exchange Protocol Version 2 (IKEv2)', '2009-11'),
  rfc(5903, 'Elliptic Curve Groups modulo a Prime (ECP Groups) for IKE and IKEv2', '2010-06', 'Informational'),
  rfc(5996, 'Internet Key Exchange Protocol Version 2 (IKEv2)', '2010-09', 'Obsoleted by RFC 7296'),
  rfc(5998, 'An Extension for EAP-Only Authentication in IKEv2', '2010-09'),
  rfc(6691, 'TCP Options and Maximum Segment Size (MSS)', '2012-07', 'Informational'),
  rfc(7296, 'Internet Key Exchange Protocol Version 2 (IKEv2)', '2014-10', 'Internet Standard (STD 79)'),
  rfc(7383, 'Internet Key Exchange Protocol Version 2 (IKEv2) Message Fragmentation', '2014-11'),
  rfc(7427, 'Signature Authentication in the Internet Key Exchange Version 2 (IKEv2)', '2015-01'),
  rfc(7634, 'ChaCha20, Poly1305, and Their Use in the Internet Key Exchange Protocol (IKE) and IPsec', '2015-08'),
  rfc(8031, 'Curve25519 and Curve448 for the Internet Key Exchange Protocol Version 2 (IKEv2) Key Agreement', '2016-12'),
  rfc(8200, 'Internet Protocol, Version 6 (IPv6) Specification', '2017-07', 'Internet Standard (STD 86)'),
  rfc(8201, 'Path MTU Discovery for IP version 6', '2017-07', 'Internet Standard (STD 87)'),
  rfc(8221, 'Cryptographic Algorithm Implementation Requirements and Usage Guidance for Encapsulating Security Payload (ESP) and Authentication Header (AH)', '2017-10'),
  rfc(8229, 'TCP Encapsulation of IKE and IPsec Packets', '2017-08', 'Obsoleted by RFC 9329'),
  rfc(8247, 'Algorithm Implementation Requirements and Usage Guidance for the Internet Key Exchange Protocol Version 2 (IKEv2)', '2017-09'),
  rfc(8784, 'Mixing Preshared Keys in the Internet Key Exchange Protocol Version 2 (IKEv2) for Post-quantum Security', '2020-06'),
  rfc(9242, 'Intermediate Exchange in the Internet Key Exchange Protocol Version 2 (IKEv2)', '2022-05'),
  rfc(9329, 'TCP Encapsulation of the Internet Key Exchange Protocol (IKE) and IPsec Packets', '2022-11'),
  rfc(9370, 'Multiple Key Exchanges in the Internet Key Exchange Protocol Version 2 (IKEv2)', '2023-05'),
  rfc(9395, 'Deprecation of the Internet Key Exchange Version 1 (IKEv1) Protocol and Obsoleted Algorithms', '2023-04'),
  {
    id: 'strongswan-windows-clients',
    title: 'strongSwan documentation: Windows Clients',
    url: 'https://docs.strongswan.org/docs/latest/interop/windowsClients.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-windows-cert-requirements',
    title: 'strongSwan documentation: Windows Certificate Requirements',
    url: 'https://docs.strongswan.org/docs/latest/interop/windowsCertRequirements.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-apple-clients',
    title: 'strongSwan documentation: iOS and macOS',
    url: 'https://docs.strongswan.org/docs/latest/interop/ios.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-swanctl-conf',
    title: 'strongSwan documentation: swanctl.conf',
    url: 'https://docs.strongswan.org/docs/latest/swanctl/swanctlConf.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-conf',
    title: 'strongSwan documentation: strongswan.conf',
    url: 'https://docs.strongswan.org/docs/latest/config/strongswanConf.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-retransmission',
    title: 'strongSwan documentation: Retransmission',
    url: 'https://docs.strongswan.org/docs/latest/config/retransmission.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-networkmanager',
    title: 'strongSwan documentation: NetworkManager',
    url: 'https://docs.strongswan.org/docs/latest/features/networkManager.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'libreswan-ipsec-conf',
    title: 'libreswan: ipsec.conf(5) manual page',
    url: 'https://libreswan.org/man/ipsec.conf.5.html',
    publisher: 'libreswan project',
    kind: 'vendor',
  },
  {
    id: 'ms-set-vpnconnectionipsecconfiguration',
    title: 'Microsoft Learn: Set-VpnConnectionIPsecConfiguration',
    url: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/set-vpnconnectionipsecconfiguration',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-add-vpnconnection',
    title: 'Microsoft Learn: Add-VpnConnection',
    url: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/add-vpnconnection',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-sstp',
    title: '[MS-SSTP]: Secure Socket Tunneling Protocol (SSTP)',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-sstp/',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'apple-vpn-overview',
    title: 'Apple Platform Deployment: VPN overview for Apple device deployment',
    url: 'https://support.apple.com/guide/deployment/vpn-overview-depae3d361d0/web',
    publisher: 'Apple',
    kind: 'vendor',
  },
  {
    id: 'android-ikev2vpnprofile',
    title: 'Android Developers: Ikev2VpnProfile',
    url: 'https://developer.android.com/reference/android/net/Ikev2VpnProfile',
    publisher: 'Google',
    kind: 'vendor',
  },
  {
    id: 'hwdsl2-clients',
    title: 'setup-ipsec-vpn: Configure IPsec/L2TP VPN Clients',
    url: 'https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/docs/clients.md',
    publisher: 'hwdsl2/setup-ipsec-vpn',
    kind: 'source-code',
  },
  {
    id: 'hwdsl2-ikev2',
    title: 'setup-ipsec-vpn: Guide: How to Set Up and Use IKEv2 VPN',
    url: 'https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/docs/ikev2-howto.md',
    publisher: 'hwdsl2/setup-ipsec-vpn',
    kind: 'source-code',
  },
  {
    id: 'wireguard-paper',
    title: 'WireGuard: Next Generation Kernel Network Tunnel (whitepaper)',
    url: 'https://www.wireguard.com/papers/wireguard.pdf',
    publisher: 'J. A. Donenfeld',
    kind: 'paper',
  },
  {
    id: 'linux-xfrm-state',
    title: 'Linux kernel source: net/xfrm/xfrm_state.c (xfrm_state_mtu)',
    url: 'https://github.com/torvalds/linux/blob/master/net/xfrm/xfrm_state.c',
    publisher: 'Linux kernel',
    kind: 'source-code',
  },
  {
    id: 'linux-l2tp-core',
    title: 'Linux kernel source: net/l2tp/l2tp_core.c (L2TPv2 data header)',
    url: 'https://github.com/torvalds/linux/blob/master/net/l2tp/l2tp_core.c',
    publisher: 'Linux kernel',
    kind: 'source-code',
  },
  {
    id: 'linux-wireguard-send',
    title: 'Linux kernel source: drivers/net/wireguard/send.c (calculate_skb_padding)',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/net/wireguard/send.c',
    publisher: 'Linux kernel',
    kind: 'source-code',
  },
  {
    id: 'openvpn-mtu',
    title: 'OpenVPN source: src/openvpn/mtu.c and crypto.c (data channel overhead)',
    url: 'https://github.com/OpenVPN/openvpn/blob/master/src/openvpn/mtu.c',
    publisher: 'OpenVPN project',
    kind: 'source-code',
  },
  {
    id: 'felsch-2018',
    title: 'The Dangers of Key Reuse: Practical Attacks on IPsec IKE (USENIX Security 2018)',
    url: 'https://www.usenix.org/conference/usenixsecurity18/presentation/felsch',
    publisher: 'Felsch, Grothe, Schwenk, Czubak, Szymanek',
    date: '2018-08',
    kind: 'paper',
  },
  rfc(3078, 'Microsoft Point-To-Point Encryption (MPPE) Protocol', '2001-03', 'Informational'),
  {
    id: 'ms-chap-security',
    title: '[MS-CHAP]: Extensible Authentication Protocol Method for Microsoft CHAP, Security Considerations for Implementers',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-chap/9b028a25-9205-48dd-a02c-df0f555a0558',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'openvpn-manual',
    title: 'OpenVPN 2.x reference manual (doc/man-sections: link options, TLS options)',
    url: 'https://github.com/OpenVPN/openvpn/tree/master/doc/man-sections',
    publisher: 'OpenVPN project',
    kind: 'source-code',
  },
  {
    id: 'wireguard-home',
    title: 'WireGuard: fast, modern, secure VPN tunnel (project home page)',
    url: 'https://www.wireguard.com/',
    publisher: 'WireGuard project',
    kind: 'vendor',
  },
  {
    id: 'wireguard-linux-compat',
    title: 'wireguard-linux-compat: WireGuard backport for Linux 3.10 to 5.5 (README)',
    url: 'https://git.zx2c4.com/wireguard-linux-compat/',
    publisher: 'WireGuard project',
    kind: 'source-code',
  },
  {
    id: 'draft-beaulieu-ike-xauth',
    title: 'Extended Authentication within IKE (XAUTH), draft-beaulieu-ike-xauth-02',
    url: 'https://datatracker.ietf.org/doc/html/draft-beaulieu-ike-xauth-02',
    publisher: 'IETF (individual Internet-Draft, expired)',
    kind: 'draft',
  },
  {
    id: 'strongswan-news',
    title: 'strongSwan NEWS (release notes)',
    url: 'https://github.com/strongswan/strongswan/blob/master/NEWS',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
  {
    id: 'strongswan-6-1-0-release',
    title: 'strongSwan 6.1.0 Released (IKEv1 disabled by default)',
    url: 'https://www.strongswan.org/blog/2026/09/07/strongswan-6.1.0-released.html',
    publisher: 'strongSwan project',
    date: '2026-09-07',
    kind: 'vendor',
  },
  {
    id: 'libreswan-changes',
    title: 'libreswan source: CHANGES (release notes)',
    url: 'https://github.com/libreswan/libreswan/blob/main/CHANGES',
    publisher: 'libreswan project',
    kind: 'source-code',
  },
  {
    id: 'opnsense-ikev1-deprecation',
    title: 'OPNsense core issue #10874: VPN: IPsec: Deprecate IKEv1',
    url: 'https://github.com/opnsense/core/issues/10874',
    publisher: 'OPNsense project',
    date: '2026-09-14',
    kind: 'vendor',
  },
  {
    id: 'petri-rras-deprecation',
    title: 'Microsoft to Phase Out PPTP and L2TP Protocols to Boost VPN Security in Windows Server',
    url: 'https://petri.com/microsoft-deprecate-pptp-l2tp-protocols-windows-server/',
    publisher: 'Petri',
    date: '2024-10-15',
    kind: 'secondary',
  },
  {
    id: 'cisco-asa-l2tp-ipsec',
    title: 'Cisco ASA Series VPN CLI Configuration Guide 9.6: L2TP over IPsec',
    url: 'https://cisco.com/c/en/us/td/docs/security/asa/asa96/configuration/vpn/asa-96-vpn-config/vpn-l2tp-ipsec.html',
    publisher: 'Cisco',
    kind: 'vendor',
  },
  {
    id: 'fortinet-vpn-l2tp-cli',
    title: 'FortiOS CLI Reference: config vpn l2tp',
    url: 'https://docs.fortinet.com/document/fortigate/6.2.14/cli-reference/348620',
    publisher: 'Fortinet',
    kind: 'vendor',
  },
  {
    id: 'fortinet-ike-mode-config',
    title: 'FortiOS Cookbook: IKE Mode Config clients',
    url: 'https://docs.fortinet.com/document/fortigate/6.2.6/cookbook/526306',
    publisher: 'Fortinet',
    kind: 'vendor',
  },
  {
    id: 'mikrotik-ipsec',
    title: 'MikroTik RouterOS documentation: IPsec',
    url: 'https://help.mikrotik.com/docs/display/ROS/IPsec',
    publisher: 'MikroTik',
    kind: 'vendor',
  },
  {
    id: 'pfsense-l2tp-ipsec',
    title: 'pfSense documentation (archived): L2TP/IPsec',
    url: 'https://github.com/pfsense/docs/blob/master/source/vpn/ipsec/l2tp-ipsec.rst',
    publisher: 'Netgate',
    kind: 'vendor',
  },
  {
    id: 'pfsense-ikev2-eap-mschapv2',
    title: 'pfSense documentation (archived): IPsec remote access mobile VPN using IKEv2 with EAP-MSCHAPv2',
    url: 'https://github.com/pfsense/docs/blob/master/source/vpn/ipsec/configuring-an-ipsec-remote-access-mobile-vpn-using-ikev2-with-eap-mschapv2.rst',
    publisher: 'Netgate',
    kind: 'vendor',
  },
  {
    id: 'google-chrome-admin-networks',
    title: 'Google Chrome Enterprise and Education Help: Manage networks',
    url: 'https://support.google.com/chrome/a/answer/2634553',
    publisher: 'Google',
    kind: 'vendor',
  },
  {
    id: 'nm-libreswan-readme',
    title: 'NetworkManager-libreswan: README',
    url: 'https://github.com/NetworkManager/NetworkManager-libreswan/blob/main/README',
    publisher: 'NetworkManager project',
    kind: 'source-code',
  },
  {
    id: 'xl2tpd-conf-man',
    title: 'xl2tpd source: doc/xl2tpd.conf.5 (configuration manual page)',
    url: 'https://github.com/xelerance/xl2tpd/blob/master/doc/xl2tpd.conf.5',
    publisher: 'xl2tpd project',
    kind: 'source-code',
  },
  {
    id: 'softether-issue-1373',
    title: 'SoftEther VPN issue #1373: Add Android 12 built-in IKEv2/IPSec VPN support',
    url: 'https://github.com/SoftEtherVPN/SoftEtherVPN/issues/1373',
    publisher: 'SoftEther VPN project (user report)',
    date: '2021-06-16',
    kind: 'secondary',
  },
  {
    id: 'apple-wiki-pptp',
    title: 'Apple Wiki: Point-to-Point Tunneling Protocol',
    url: 'https://apple.fandom.com/wiki/Point-to-Point_Tunneling_Protocol',
    publisher: 'Apple Wiki (community)',
    kind: 'secondary',
  },
  {
    id: 'aosp-vpnikev2utils',
    title: 'Android source: VpnIkev2Utils.java (platform VPN IKEv2 proposals)',
    url: 'https://github.com/aosp-mirror/platform_frameworks_base/blob/master/services/core/java/com/android/server/connectivity/VpnIkev2Utils.java',
    publisher: 'Android Open Source Project',
    kind: 'source-code',
  },
  rfc(2408, 'Internet Security Association and Key Management Protocol (ISAKMP)', '1998-11', 'Historic (RFC 9395)'),
  rfc(3715, 'IPsec-Network Address Translation (NAT) Compatibility Requirements', '2004-03', 'Informational'),
  {
    id: 'strongswan-kernel-libipsec',
    title: 'strongSwan documentation: kernel-libipsec Plugin',
    url: 'https://docs.strongswan.org/docs/latest/plugins/kernel-libipsec.html',
    publisher: 'strongSwan project',
    kind: 'vendor',
  },
  {
    id: 'strongswan-issue-2186',
    title: 'strongSwan issue #2186: support for RFC 8229 (IKE and ESP over TCP)',
    url: 'https://github.com/strongswan/strongswan/issues/2186',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
  {
    id: 'hwdsl2-readme',
    title: 'setup-ipsec-vpn: README, Important notes',
    url: 'https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/README.md',
    publisher: 'hwdsl2/setup-ipsec-vpn',
    kind: 'source-code',
  },
  {
    id: 'ms-fasp-ipsec-through-nat',
    title: '[MS-FASP] Firewall and Advanced Security Protocol, 2.2.41: values for IPsec through NAT',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-fasp/69a0da19-6470-4195-8a32-a204566fa813',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'iptables-extensions',
    title: 'iptables-extensions(8) manual page (TCPMSS target, policy match)',
    url: 'https://man7.org/linux/man-pages/man8/iptables-extensions.8.html',
    publisher: 'netfilter project',
    kind: 'vendor',
  },
  {
    id: 'nft-manpage',
    title: 'nft(8) manual page (meta ipsec, rt ipsec)',
    url: 'https://www.netfilter.org/projects/nftables/manpage.html',
    publisher: 'netfilter project',
    kind: 'vendor',
  },
  {
    id: 'android-vpnprofilestate',
    title: 'Android Developers: VpnProfileState (always-on and lockdown)',
    url: 'https://developer.android.com/reference/android/net/VpnProfileState',
    publisher: 'Google',
    kind: 'vendor',
  },
  {
    id: 'android-ikesessionparams',
    title: 'Android Developers: IkeSessionParams (IKE_OPTION_MOBIKE)',
    url: 'https://developer.android.com/reference/android/net/ipsec/ike/IkeSessionParams',
    publisher: 'Google',
    kind: 'vendor',
  },  rfc(894, 'A Standard for the Transmission of IP Datagrams over Ethernet Networks', '1984-04'),
  rfc(2516, 'A Method for Transmitting PPP Over Ethernet (PPPoE)', '1999-02', 'Informational'),
  {
    id: 'gcp-vpc-mtu',
    title: 'Google Cloud VPC documentation: Maximum transmission unit',
    url: 'https://cloud.google.com/vpc/docs/mtu',
    publisher: 'Google',
    kind: 'vendor',
  },
  {
    id: 'strongswan-kernel-netlink-opt',
    title: 'strongSwan source: conf/plugins/kernel-netlink.opt (mtu and mss on installed routes)',
    url: 'https://github.com/strongswan/strongswan/blob/master/conf/plugins/kernel-netlink.opt',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
  {
    id: 'linux-espintcp',
    title: 'Linux kernel source: net/xfrm/espintcp.c (ESP and IKE in TCP, RFC 8229)',
    url: 'https://github.com/torvalds/linux/blob/master/net/xfrm/espintcp.c',
    publisher: 'Linux kernel',
    kind: 'source-code',
  },
  {
    id: 'apple-nevpn-pq',
    title: 'Apple Developer: NEVPNIKEv2PostQuantumKeyExchangeMethod',
    url: 'https://developer.apple.com/documentation/networkextension/nevpnikev2postquantumkeyexchangemethod',
    publisher: 'Apple',
    kind: 'vendor',
  },
  {
    id: 'draft-ietf-ipsecme-ikev2-mlkem',
    title: 'Post-quantum Hybrid Key Exchange with ML-KEM in the Internet Key Exchange Protocol Version 2 (IKEv2), draft-ietf-ipsecme-ikev2-mlkem',
    url: 'https://datatracker.ietf.org/doc/draft-ietf-ipsecme-ikev2-mlkem/',
    publisher: 'IETF ipsecme working group',
    kind: 'draft',
  },
  {
    id: 'felsch-2018-psk-blog',
    title: 'Practical Dictionary Attack on IPsec IKE (blog post)',
    url: 'https://web-in-security.blogspot.com/2018/08/practical-dictionary-attack-on-ipsec-ike.html',
    publisher: 'Ruhr-University Bochum, Chair for Network and Data Security (blog of the paper authors)',
    date: '2018-08-13',
    kind: 'paper',
  },
  {
    id: 'xl2tpd-source',
    title: 'xl2tpd source: call.c',
    url: 'https://github.com/xelerance/xl2tpd/blob/master/call.c',
    publisher: 'xl2tpd project',
    kind: 'source-code',
  },
  {
    id: 'openbsd-npppd-l2tp',
    title: 'OpenBSD source: npppd',
    url: 'https://github.com/openbsd/src/tree/master/usr.sbin/npppd',
    publisher: 'OpenBSD project',
    kind: 'source-code',
  },
  {
    id: 'hwdsl2-vpnsetup',
    title: 'setup-ipsec-vpn: vpnsetup_ubuntu.sh',
    url: 'https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/vpnsetup_ubuntu.sh',
    publisher: 'hwdsl2/setup-ipsec-vpn',
    kind: 'source-code',
  },
  {
    id: 'ms-including-preshared-key',
    title: 'Microsoft Learn: Including a Preshared Key',
    url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd672872(v=ws.10)',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-chap-applicability',
    title: '[MS-CHAP]: Applicability Statement',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-chap/7ec5768d-e544-47a8-9d84-e1de309c7d2e',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-rrasm-ikev2-policy',
    title: '[MS-RRASM]: ROUTER_CUSTOM_IKEv2_POLICY_0',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-rrasm/10f3a637-ab9c-49fe-b819-a5337ad54098',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'cisco-technote-200340',
    title: 'Cisco TechNote 200340: L2TP over IPsec, Windows and ASA',
    url: 'https://www.cisco.com/c/en/us/support/docs/ip/layer-two-tunnel-protocol-l2tp/200340-Configure-L2TP-Over-IPsec-Between-Window.html',
    publisher: 'Cisco',
    kind: 'vendor',
  },
  {
    id: 'strongswan-proposal-c',
    title: 'strongSwan source: proposal.c',
    url: 'https://github.com/strongswan/strongswan/blob/master/src/libstrongswan/crypto/proposal/proposal.c',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
  {
    id: 'libreswan-ike-info',
    title: 'libreswan source: ike_info.c and esp_info.c',
    url: 'https://github.com/libreswan/libreswan/tree/main/lib/libswan',
    publisher: 'libreswan project',
    kind: 'source-code',
  },
  {
    id: 'apple-pq-key-exchange',
    title: 'Apple Developer: NEVPNIKEv2PostQuantumKeyExchangeMethod',
    url: 'https://developer.apple.com/documentation/networkextension/nevpnikev2postquantumkeyexchangemethod',
    publisher: 'Apple',
    kind: 'vendor',
  },
  {
    id: 'iana-ikev2-parameters',
    title: 'IANA: IKEv2 Parameters',
    url: 'https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml',
    publisher: 'IANA',
    kind: 'vendor',
  },
  rfc(5116, 'An Interface and Algorithms for Authenticated Encryption', '2008-01'),
  {
    id: 'ms-system-error-codes-12000',
    title: 'Microsoft Learn: System Error Codes (12000-15999)',
    url: 'https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--12000-15999-',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-rras-error-codes',
    title: 'Microsoft Learn: Routing and Remote Access Error Codes',
    url: 'https://learn.microsoft.com/en-us/windows/win32/rras/routing-and-remote-access-error-codes',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-l2tp-nat-t',
    title: 'Microsoft Learn: Configure an L2TP/IPsec server behind a NAT-T device (KB 926179)',
    url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/configure-l2tp-ipsec-server-behind-nat-t-device',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-aovpn-certificates',
    title: 'Microsoft Learn: Deploy Always On VPN: Configure Certificate Authority templates',
    url: 'https://learn.microsoft.com/en-us/windows-server/remote/remote-access/tutorial-aovpn-deploy-create-certificates',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-ikee',
    title: '[MS-IKEE]: Internet Key Exchange Protocol Extensions',
    url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-ikee/',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'strongswan-task-manager-v2',
    title: 'strongSwan source: src/libcharon/sa/ikev2/task_manager_v2.c (retransmission log messages)',
    url: 'https://github.com/strongswan/strongswan/blob/master/src/libcharon/sa/ikev2/task_manager_v2.c',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
  {
    id: 'libreswan-retransmit',
    title: 'libreswan source: programs/pluto/retransmit.c (retransmission log messages)',
    url: 'https://github.com/libreswan/libreswan',
    publisher: 'libreswan project',
    kind: 'source-code',
  },
  {
    id: 'iptables-tcpmss',
    title: 'iptables source: extensions/libxt_TCPMSS.man (TCPMSS target manual)',
    url: 'https://android.googlesource.com/platform/external/iptables/+/84e5e86/extensions/libxt_TCPMSS.man',
    publisher: 'netfilter project (Android mirror)',
    kind: 'source-code',
  },
  {
    id: 'schneier-mschapv2-1999',
    title: "Cryptanalysis of Microsoft's PPTP Authentication Extensions (MS-CHAPv2) (CQRE 1999)",
    url: 'https://doi.org/10.1007/3-540-46701-7_17',
    publisher: 'Schneier, Mudge, Wagner',
    date: '1999-10',
    kind: 'paper',
  },
  // Documents the decision and reachability models cite (src/lib/decision/citations.ts SOURCES),
  // so the wizard and the checklist can link them (src/lib/decision/citation-links.ts).
  {
    id: 'ms-new-netfirewallrule',
    title: 'Microsoft Learn: New-NetFirewallRule (NetSecurity)',
    url: 'https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'ms-ras-connection-establishment',
    title: 'Microsoft TechNet: RAS Connection Establishment Issues (events 20220 and 20227)',
    url: 'https://technet.microsoft.com/library/3060ebb9-d91a-4f85-903f-dc865bd0692c',
    publisher: 'Microsoft',
    kind: 'vendor',
  },
  {
    id: 'google-chrome-android-vpn-apps',
    title: 'Google Chrome Enterprise and Education Help: Set up Android VPN apps',
    url: 'https://support.google.com/chrome/a/answer/10038919',
    publisher: 'Google',
    kind: 'vendor',
  },
  {
    id: 'wireguard-known-limitations',
    title: 'WireGuard: Known Limitations',
    url: 'https://www.wireguard.com/known-limitations/',
    publisher: 'WireGuard project',
    kind: 'vendor',
  },
  {
    id: 'wg-manpage',
    title: 'wg(8) manual page',
    url: 'https://man7.org/linux/man-pages/man8/wg.8.html',
    publisher: 'WireGuard project',
    kind: 'vendor',
  },
  {
    id: 'nmap-port-scanning-techniques',
    title: 'Nmap Reference Guide: Port Scanning Techniques',
    url: 'https://nmap.org/book/man-port-scanning-techniques.html',
    publisher: 'Nmap project',
    kind: 'vendor',
  },
  {
    id: 'ike-scan',
    title: 'ike-scan: the IKE scanner (source and manual page)',
    url: 'https://github.com/royhills/ike-scan',
    publisher: 'Roy Hills',
    kind: 'source-code',
  },
  {
    id: 'strongswan-kernel-netlink-net',
    title: 'strongSwan source: kernel_netlink_net.c (ROAM_DELAY)',
    url: 'https://github.com/strongswan/strongswan/blob/master/src/libcharon/plugins/kernel_netlink/kernel_netlink_net.c',
    publisher: 'strongSwan project',
    kind: 'source-code',
  },
];

const byId = new Map(references.map((ref) => [ref.id.toLowerCase(), ref]));

/** A citation resolved to its document (src/lib/citations holds the models' citations). */
export interface ResolvedCitation {
  reference: Reference;
  /** Section within the document, without the '§' ('2.23', 'Appendix A'). */
  section?: string;
  /** How the citation reads in running text: 'RFC 7296 §2.23', or a document's title. */
  label: string;
  /** Link to the document, or to the section where the publisher supports it. */
  href: string;
}

const CITATION = /^\s*(RFC\s*\d+|[a-z0-9][a-z0-9-]*)\s*(?:§\s*(.+?))?\s*$/i;

/** Resolves 'RFC 7296 §2.23' or 'strongswan-windows-clients'; undefined when unknown. */
export function resolveCitation(text: string): ResolvedCitation | undefined {
  const match = CITATION.exec(text);
  if (!match) return undefined;
  const [, rawId = '', section] = match;
  const id = rawId.replace(/^rfc\s*/i, 'RFC ');
  const reference = byId.get(id.toLowerCase());
  if (!reference) return undefined;
  // RFCs read as 'RFC 7296 §2.23'; other documents by their title.
  const name = reference.kind === 'rfc' ? reference.id : reference.title;
  const label = section ? `${name} §${section}` : name;
  // rfc-editor.org HTML renderings carry an anchor per numbered section.
  const anchor =
    reference.kind === 'rfc' && section && /^\d+(\.\d+)*$/.test(section)
      ? `#section-${section}`
      : reference.kind === 'rfc' && section && /^Appendix [A-Z](\.\d+)*$/.test(section)
        ? `#appendix-${section.slice('Appendix '.length)}`
        : '';
  return { reference, section, label, href: reference.url + anchor };
}
