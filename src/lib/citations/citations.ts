// The one citation type of the models (decision, reachability and any new tool): what a
// conclusion rests on. links.ts turns them into links at build time; references.ts resolves a
// document id to its address.
//
// Three kinds, each with a stable `id` the page can show or link:
//   - an RFC, optionally with a section: id 'RFC 7296 §2.23';
//   - a guide chapter: id is its path relative to the site root without the
//     base path ('/guide/ikev2/'); the page prepends the base;
//   - a vendor or project document: id is '<publisher>: <title>'.
// Every citation the models emit is built with the constructors below, so the
// tests can check all of them against these lists.

/** Chapter slugs of the guide (paths relative to the site root, no base path). */
export const CHAPTER_PATHS = [
  '/guide/how-vpn-protocols-work/',
  '/guide/ipsec/',
  '/guide/ikev2/',
  '/guide/l2tp/',
  '/guide/security/',
  '/guide/performance/',
  '/guide/mobility/',
  '/guide/nat-firewalls/',
  '/guide/platforms/',
  '/guide/setup/',
  '/guide/troubleshooting/',
  '/guide/verdict/',
  '/guide/faq/',
] as const;
export type ChapterPath = (typeof CHAPTER_PATHS)[number];

/** Publishers whose documents the models cite. */
export const PUBLISHERS = [
  'Apple',
  'Google',
  'Microsoft',
  'strongSwan',
  'libreswan',
  'WireGuard',
  'netfilter',
  'MikroTik',
  'AOSP',
  'hwdsl2/setup-ipsec-vpn',
  'nmap',
  'ike-scan',
] as const;
export type Publisher = (typeof PUBLISHERS)[number];

export type Citation =
  | { readonly kind: 'rfc'; readonly id: string; readonly rfc: number; readonly section?: string }
  | { readonly kind: 'chapter'; readonly id: ChapterPath; readonly path: ChapterPath }
  | { readonly kind: 'vendor'; readonly id: string; readonly publisher: Publisher; readonly title: string };

/** An RFC citation; `section` is the dotted section number without '§'. */
export function rfc(number: number, section?: string): Citation {
  const id = section === undefined ? `RFC ${number}` : `RFC ${number} §${section}`;
  return section === undefined ? { kind: 'rfc', id, rfc: number } : { kind: 'rfc', id, rfc: number, section };
}

export function chapter(path: ChapterPath): Citation {
  return { kind: 'chapter', id: path, path };
}

export function vendor(publisher: Publisher, title: string): Citation {
  return { kind: 'vendor', id: `${publisher}: ${title}`, publisher, title };
}

/** Shape an RFC id must have: 'RFC <n>' or 'RFC <n> §<dotted number>' (or §A.1 for appendices). */
export const RFC_ID_PATTERN = /^RFC [1-9]\d{0,4}( §([1-9]\d*|[A-Z])(\.\d+)*)?$/;

/** True if a citation is well formed and points at a known chapter or publisher. */
export function isResolvableCitation(citation: Citation): boolean {
  switch (citation.kind) {
    case 'rfc':
      return (
        RFC_ID_PATTERN.test(citation.id) &&
        citation.id === (citation.section === undefined ? `RFC ${citation.rfc}` : `RFC ${citation.rfc} §${citation.section}`)
      );
    case 'chapter':
      return (CHAPTER_PATHS as readonly string[]).includes(citation.path) && citation.id === citation.path;
    case 'vendor':
      return (
        (PUBLISHERS as readonly string[]).includes(citation.publisher) &&
        citation.title.trim().length > 0 &&
        citation.id === `${citation.publisher}: ${citation.title}`
      );
  }
}

/** Sources read for this model (see the comments where each is used). */
export const SOURCES = {
  // RFC 7296 §1.2: IKE_SA_INIT + IKE_AUTH, four messages.
  ikev2Exchanges: rfc(7296, '1.2'),
  // RFC 7296 §2.11: IKE uses UDP 500 and 4500.
  ikePorts: rfc(7296, '2.11'),
  // RFC 7296 §2.15: shared-key authentication and its dictionary-attack risk.
  ikev2SharedKey: rfc(7296, '2.15'),
  // RFC 7296 §2.16: EAP in IKEv2; the responder still signs with a public key.
  ikev2Eap: rfc(7296, '2.16'),
  // RFC 7296 §2.23: NAT traversal is part of base IKEv2 (NAT-D, UDP 4500).
  ikev2NatTraversal: rfc(7296, '2.23'),
  // RFC 4555 §3.5: MOBIKE moves SAs to new addresses with UPDATE_SA_ADDRESSES.
  mobike: rfc(4555, '3.5'),
  // RFC 4303: ESP, IP protocol 50.
  esp: rfc(4303),
  // RFC 3948: ESP in UDP on port 4500 when a NAT is detected.
  espInUdp: rfc(3948),
  // RFC 3947: NAT traversal for IKEv1 (used by L2TP/IPsec).
  ikev1NatTraversal: rfc(3947),
  // RFC 2661 §8.1: L2TP over UDP, port 1701.
  l2tpUdp: rfc(2661, '8.1'),
  // RFC 3193: L2TP secured by IPsec (ESP transport mode around UDP 1701).
  l2tpIpsec: rfc(3193),
  // RFC 9395: IKEv1 deprecated, RFC 2407/2408/2409 moved to Historic.
  ikev1Deprecated: rfc(9395),
  // RFC 8247: IKEv2 algorithm requirements (e.g. MODP-1024 SHOULD NOT).
  ikev2Algorithms: rfc(8247),
  // RFC 8221: ESP algorithm requirements.
  espAlgorithms: rfc(8221),
  // RFC 9370: multiple key exchanges in IKEv2 (hybrid post-quantum).
  multipleKeyExchanges: rfc(9370),
  // RFC 9329 (obsoletes RFC 8229): TCP encapsulation of IKE and ESP, TCP port 4500.
  tcpEncapsulation: rfc(9329),
  // RFC 7383: IKEv2 message fragmentation.
  ikeFragmentation: rfc(7383),
  // RFC 2637: PPTP (Informational).
  pptp: rfc(2637),
  // RFC 2409 §5.4: IKEv1 main-mode pre-shared keys are selected by peer IP address.
  ikev1MainModePsk: rfc(2409, '5.4'),

  appleVpnOverview: vendor('Apple', 'VPN overview for Apple device deployment'),
  androidIkev2Profile: vendor('AOSP', 'Ikev2VpnProfile (API level 30) and VpnIkev2Utils.java'),
  chromeosNetworks: vendor('Google', 'Chrome Enterprise help: Manage networks'),
  chromeosAndroidVpn: vendor('Google', 'Chrome Enterprise help: Set up Android VPN apps'),
  msSstp: vendor('Microsoft', '[MS-SSTP]: Secure Socket Tunneling Protocol'),
  msNewNetFirewallRule: vendor('Microsoft', 'New-NetFirewallRule (NetSecurity module)'),
  msRasEvents: vendor('Microsoft', 'RAS Connection Establishment Issues (events 20220-20227)'),
  msL2tpNatT: vendor('Microsoft', 'Configure an L2TP/IPsec server behind a NAT-T device (KB 926179)'),
  msVpnIpsecConfig: vendor('Microsoft', 'Set-VpnConnectionIPsecConfiguration'),
  msPresharedKey: vendor('Microsoft', 'Including a Preshared Key (Routing and Remote Access)'),
  applePostQuantum: vendor('Apple', 'NEVPNIKEv2PostQuantumKeyExchangeMethod'),
  strongswanWindowsClients: vendor('strongSwan', 'Windows Clients'),
  strongswanEncap: vendor('strongSwan', 'swanctl.conf: encap'),
  strongswanMobike: vendor('strongSwan', 'swanctl.conf: mobike'),
  libreswanEnableTcp: vendor('libreswan', 'ipsec.conf(5): enable-tcp'),
  libreswanListenTcp: vendor('libreswan', 'ipsec.conf(5): listen-tcp'),
  libreswanMobike: vendor('libreswan', 'ipsec.conf(5): mobike'),
  libreswanAutheap: vendor('libreswan', 'ipsec.conf(5): leftautheap'),
  wireguardLimitations: vendor('WireGuard', 'Known Limitations'),
  wireguardPsk: vendor('WireGuard', 'wg(8): preshared-key'),
  hwdsl2Clients: vendor('hwdsl2/setup-ipsec-vpn', 'docs/clients.md'),
  hwdsl2Readme: vendor('hwdsl2/setup-ipsec-vpn', 'README.md'),
  iptablesPolicy: vendor('netfilter', 'iptables-extensions(8): policy'),
  nftMetaIpsec: vendor('netfilter', 'nft(8): meta ipsec'),
  routerosDefconf: vendor('MikroTik', 'RouterOS default configuration (defconf) firewall filter'),
  nmapUdpScan: vendor('nmap', 'Nmap Reference Guide: UDP scan (-sU)'),
  nmapConnectScan: vendor('nmap', 'Nmap Reference Guide: TCP connect scan (-sT)'),
  ikeScan: vendor('ike-scan', 'ike-scan(1)'),
} as const satisfies Record<string, Citation>;
