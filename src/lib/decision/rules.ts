// How each answer moves each option. A rule fires when its question has the
// given answer (and, where `whenPlatform` is set, that platform is among the
// platforms considered). Weights only order the options: they encode the
// guidance of the verdict chapter and measure nothing.
import { chapter, SOURCES, type Citation } from './citations';
import type { OptionId } from './options';
import type { Answers, PlatformId, QuestionId } from './questions';

export interface Effect {
  readonly option: OptionId;
  /** 'reason' changes the score by `weight`; 'caveat' only warns. */
  readonly kind: 'reason' | 'caveat';
  readonly weight: number;
  readonly text: string;
  readonly citations: readonly Citation[];
  /** Fire only if this platform is considered. */
  readonly whenPlatform?: PlatformId;
  /** Fire only if none of these platforms is considered. */
  readonly unlessPlatforms?: readonly PlatformId[];
}

export interface Rule {
  readonly question: Exclude<QuestionId, 'platforms'>;
  readonly answer: string;
  readonly effects: readonly Effect[];
}

const reason = (option: OptionId, weight: number, text: string, ...citations: Citation[]): Effect => ({
  option,
  kind: 'reason',
  weight,
  text,
  citations,
});
const caveat = (option: OptionId, text: string, ...citations: Citation[]): Effect => ({
  option,
  kind: 'caveat',
  weight: 0,
  text,
  citations,
});

const TCP_MOVES_RECONNECT = 'A TCP connection is bound to the client address, so every network change forces a reconnect.';
const TCP_OVER_TCP =
  'Tunnelling over TCP performs worse than over UDP (TCP-over-TCP); with UDP 500/4500 open there is no reason to pay that cost.';
const PASSES_WEB_ONLY = 'Runs over TCP, so it passes networks that let only web traffic out.';
const IPSEC_NEEDS_UDP = 'Needs UDP 500 and 4500 (plus ESP when there is no NAT); networks that block them stop it.';
const NO_PQ_DOCUMENTED = 'No post-quantum key exchange is documented for it in the sources this guide uses.';
// One rule for every pre-shared key mixed into the key derivation (IKEv1 PSK, WireGuard PSK):
// it resists a quantum attacker only if it is strong, secret and per peer (RFC 8784 §1, cited
// in the security chapter).
const PSK_PQ_RULE = 'A pre-shared key mixed into the keys resists a quantum attacker only if it is strong, secret and set per peer.';
const NO_FIPS_WIREGUARD = "WireGuard's suite is fixed (Curve25519, ChaCha20-Poly1305, BLAKE2s); none of it is a FIPS 140-3 approved choice.";

export const RULES: readonly Rule[] = [
  {
    question: 'roaming',
    answer: 'yes',
    effects: [
      reason(
        'ikev2',
        15,
        'MOBIKE moves the existing tunnel to the new address in one exchange instead of reconnecting; the Windows and Apple clients support it.',
        SOURCES.mobike,
        chapter('/guide/mobility/'),
      ),
      caveat(
        'ikev2',
        'Enable MOBIKE on the server: strongSwan has it on by default, libreswan needs mobike=yes.',
        SOURCES.strongswanMobike,
        SOURCES.libreswanMobike,
      ),
      reason(
        'wireguard',
        10,
        'WireGuard follows a peer to its new address without a new handshake.',
        SOURCES.wireguardLimitations,
        chapter('/guide/mobility/'),
      ),
      reason(
        'l2tp',
        -15,
        'IKEv1 has no MOBIKE: each address change means new IKEv1, L2TP and PPP negotiations and a visible drop.',
        SOURCES.mobike,
        chapter('/guide/mobility/'),
      ),
      reason('sstp', -10, TCP_MOVES_RECONNECT, chapter('/guide/mobility/')),
      reason('openvpn-tcp', -10, TCP_MOVES_RECONNECT, chapter('/guide/mobility/')),
      reason('ikev2-tcp', -10, TCP_MOVES_RECONNECT, chapter('/guide/mobility/')),
    ],
  },
  {
    question: 'roaming',
    answer: 'no',
    effects: [
      reason('ikev2', 0, 'Clients stay on one network, so MOBIKE brings no advantage here.', chapter('/guide/mobility/')),
      reason('l2tp', 0, 'Clients stay on one network, so L2TP/IPsec rarely pays its slow reconnect.', chapter('/guide/mobility/')),
    ],
  },
  {
    question: 'udpBlocked',
    answer: 'yes',
    effects: [
      reason('ikev2', -60, IPSEC_NEEDS_UDP, SOURCES.ikePorts, chapter('/guide/nat-firewalls/')),
      reason('l2tp', -60, IPSEC_NEEDS_UDP, SOURCES.ikePorts, chapter('/guide/nat-firewalls/')),
      reason(
        'wireguard',
        -30,
        'WireGuard uses one UDP port of your choice and has no TCP mode; networks that let only web traffic out block it too.',
        SOURCES.wireguardLimitations,
      ),
      reason('sstp', 20, PASSES_WEB_ONLY, SOURCES.msSstp, chapter('/guide/nat-firewalls/')),
      reason('openvpn-tcp', 20, PASSES_WEB_ONLY, chapter('/guide/nat-firewalls/')),
      reason('ikev2-tcp', 20, PASSES_WEB_ONLY, SOURCES.tcpEncapsulation, chapter('/guide/nat-firewalls/')),
      caveat(
        'ikev2-tcp',
        'libreswan listens on TCP 4500 by default; where only port 443 gets out, set a different port with leftikeport= and tcp-remoteport=.',
        SOURCES.libreswanListenTcp,
      ),
    ],
  },
  {
    question: 'udpBlocked',
    answer: 'sometimes',
    effects: [
      reason('ikev2', -5, 'Fails on the networks that block UDP 500/4500; plan a TCP fallback for them.', SOURCES.ikePorts, chapter('/guide/nat-firewalls/')),
      reason('l2tp', -5, 'Fails on the networks that block UDP 500/4500.', SOURCES.ikePorts, chapter('/guide/nat-firewalls/')),
      reason('sstp', 5, 'Works as a TCP 443 fallback where IPsec is blocked.', SOURCES.msSstp),
      reason('openvpn-tcp', 5, 'Works as a TCP 443 fallback where IPsec is blocked.', chapter('/guide/nat-firewalls/')),
      reason('ikev2-tcp', 5, 'libreswan can fall back to TCP only after UDP fails (enable-tcp=fallback).', SOURCES.libreswanEnableTcp),
    ],
  },
  {
    question: 'udpBlocked',
    answer: 'no',
    effects: [
      reason('ikev2', 0, 'UDP 500/4500 get through, so IPsec over UDP works.', SOURCES.ikePorts),
      reason('sstp', -10, TCP_OVER_TCP, SOURCES.wireguardLimitations, chapter('/guide/performance/')),
      reason('openvpn-tcp', -10, TCP_OVER_TCP, SOURCES.wireguardLimitations, chapter('/guide/performance/')),
      reason('ikev2-tcp', -10, TCP_OVER_TCP, SOURCES.libreswanEnableTcp, chapter('/guide/performance/')),
    ],
  },
  {
    question: 'serverNat',
    answer: 'yes',
    effects: [
      reason(
        'ikev2',
        5,
        'NAT traversal is part of IKEv2 itself (NAT detection, then UDP 4500), so a server behind NAT needs no client changes.',
        SOURCES.ikev2NatTraversal,
        chapter('/guide/nat-firewalls/'),
      ),
      caveat('ikev2', 'Forward UDP 500 and UDP 4500 from the NAT device to the server.', SOURCES.ikev2NatTraversal, chapter('/guide/nat-firewalls/')),
      {
        ...reason(
          'l2tp',
          -15,
          'Windows refuses NAT traversal to an L2TP/IPsec server behind NAT (error 809) until AssumeUDPEncapsulationContextOnSendRule is set in the registry and the PC rebooted.',
          SOURCES.hwdsl2Clients,
          chapter('/guide/troubleshooting/'),
        ),
        whenPlatform: 'windows',
      },
      {
        ...reason('l2tp', 0, 'IKEv1 NAT traversal (RFC 3947/3948) handles a server behind NAT.', SOURCES.ikev1NatTraversal, SOURCES.espInUdp),
        unlessPlatforms: ['windows'],
      },
      caveat('l2tp', 'Forward UDP 500 and UDP 4500 from the NAT device to the server; never forward UDP 1701.', SOURCES.l2tpIpsec, chapter('/guide/nat-firewalls/')),
    ],
  },
  {
    question: 'clientNat',
    answer: 'yes',
    effects: [
      reason('ikev2', 5, 'IKEv2 detects client-side NAT and switches to UDP 4500 on its own.', SOURCES.ikev2NatTraversal, chapter('/guide/nat-firewalls/')),
      caveat(
        'ikev2',
        'Give every client its own certificate or identity; clients sharing one behind the same NAT can disrupt each other.',
        SOURCES.hwdsl2Readme,
      ),
      reason('l2tp', -10, 'Several L2TP/IPsec clients behind the same NAT often cannot connect at the same time.', SOURCES.hwdsl2Readme, chapter('/guide/l2tp/')),
    ],
  },
  {
    question: 'clientNat',
    answer: 'no',
    effects: [
      reason('ikev2', 0, 'Without NAT, ESP travels as IP protocol 50: the firewall must let it through.', SOURCES.esp, chapter('/guide/nat-firewalls/')),
      reason('l2tp', 0, 'Without NAT, ESP travels as IP protocol 50: the firewall must let it through.', SOURCES.esp, chapter('/guide/nat-firewalls/')),
    ],
  },
  {
    question: 'auth',
    answer: 'certificate',
    effects: [
      reason(
        'ikev2',
        10,
        'Certificate authentication (machine or user certificates, EAP-TLS) is built into every IKEv2 client.',
        SOURCES.appleVpnOverview,
        SOURCES.androidIkev2Profile,
        SOURCES.strongswanWindowsClients,
        chapter('/guide/security/'),
      ),
      reason('l2tp', 0, 'Certificates can replace the group key at the IPsec layer; users still log in through PPP.', SOURCES.appleVpnOverview),
      reason('wireguard', -10, 'WireGuard authenticates peers by static public keys only; there are no certificates to reuse.', chapter('/guide/how-vpn-protocols-work/')),
    ],
  },
  {
    question: 'auth',
    answer: 'eap',
    effects: [
      reason(
        'ikev2',
        10,
        'Username and password via EAP-MSCHAPv2 is built into Windows, Apple and Android 11+ clients; the server still proves itself with a certificate.',
        SOURCES.ikev2Eap,
        SOURCES.appleVpnOverview,
        SOURCES.androidIkev2Profile,
      ),
      caveat('ikev2', 'libreswan implements only EAP-TLS, so password logins need a server such as strongSwan.', SOURCES.libreswanAutheap),
      reason('l2tp', 0, 'Passwords are checked in PPP (MS-CHAPv2), under a shared IPsec key.', SOURCES.appleVpnOverview, chapter('/guide/l2tp/')),
      reason('sstp', 5, 'SSTP checks users with PPP methods (MS-CHAPv2, EAP) inside TLS.', SOURCES.msSstp),
      reason('openvpn-tcp', 5, 'OpenVPN can check a username and password in addition to certificates.', chapter('/guide/how-vpn-protocols-work/')),
      reason('wireguard', -20, 'WireGuard has no username/password login, only per-device keys.', chapter('/guide/how-vpn-protocols-work/')),
    ],
  },
  {
    question: 'auth',
    answer: 'psk',
    effects: [
      reason(
        'ikev2',
        -5,
        'A weak shared key can be attacked offline; use a long random key, or better certificates or EAP.',
        SOURCES.ikev2SharedKey,
        chapter('/guide/security/'),
      ),
      reason(
        'l2tp',
        -10,
        'L2TP/IPsec servers usually hold one group key for every user (IKEv1 main mode picks the key by IP address), and Microsoft calls pre-shared keys a relatively weak method.',
        SOURCES.ikev1MainModePsk,
        SOURCES.msPresharedKey,
        chapter('/guide/security/'),
      ),
      reason('sstp', -10, 'SSTP has no shared-key mode: the server needs a TLS certificate.', SOURCES.msSstp),
      reason('wireguard', 0, 'WireGuard uses per-peer keys; its optional pre-shared key is an extra layer, not a login.', SOURCES.wireguardPsk),
    ],
  },
  {
    question: 'security',
    answer: 'current',
    effects: [
      reason('ikev2', 5, 'Current IKEv2 servers meet RFC 8247/8221 out of the box.', SOURCES.ikev2Algorithms, SOURCES.espAlgorithms, chapter('/guide/security/')),
      {
        ...caveat(
          'ikev2',
          "Windows' built-in client proposes MODP-1024 by default, which RFC 8247 rates SHOULD NOT: raise it with Set-VpnConnectionIPsecConfiguration or the NegotiateDH2048_AES256 registry value.",
          SOURCES.strongswanWindowsClients,
          SOURCES.msVpnIpsecConfig,
          SOURCES.ikev2Algorithms,
        ),
        whenPlatform: 'windows',
      },
      reason(
        'l2tp',
        -15,
        "IKEv1 is deprecated (RFC 9395), and Android's built-in L2TP client proposes MODP-1024, which RFC 8247 rates SHOULD NOT.",
        SOURCES.ikev1Deprecated,
        SOURCES.ikev2Algorithms,
        SOURCES.hwdsl2Clients,
      ),
    ],
  },
  {
    question: 'security',
    answer: 'fips',
    effects: [
      reason(
        'ikev2',
        10,
        'IKEv2 can be limited to FIPS 140-3 approved algorithms: AES, SHA-2, and NIST ECP groups or MODP-2048 and larger; Windows offers GCMAES256 and ECP384, Android MODP-2048 to 4096.',
        SOURCES.msVpnIpsecConfig,
        SOURCES.androidIkev2Profile,
        chapter('/guide/security/'),
      ),
      reason('wireguard', -40, NO_FIPS_WIREGUARD, chapter('/guide/security/')),
      reason('l2tp', -15, 'IKEv1 is deprecated (RFC 9395).', SOURCES.ikev1Deprecated),
    ],
  },
  {
    question: 'security',
    answer: 'cnsa2',
    effects: [
      reason(
        'ikev2',
        10,
        'CNSA 2.0 needs ML-KEM-1024 as an additional key exchange (RFC 9370) with AES-256, SHA-384 and ECP-384 or MODP-3072+; strongSwan 6.0 and the iOS/macOS 26 clients document ML-KEM-1024.',
        SOURCES.multipleKeyExchanges,
        SOURCES.applePostQuantum,
        chapter('/guide/security/'),
      ),
      {
        ...caveat('ikev2', "Windows' built-in IKEv2 client offers no ML-KEM, so it cannot meet CNSA 2.0.", SOURCES.msVpnIpsecConfig),
        whenPlatform: 'windows',
      },
      {
        ...caveat('ikev2', "Android's built-in IKEv2 client offers no ML-KEM, so it cannot meet CNSA 2.0.", SOURCES.androidIkev2Profile),
        whenPlatform: 'android11',
      },
      {
        ...caveat('ikev2', "Android's built-in IKEv2 client offers no ML-KEM, so it cannot meet CNSA 2.0.", SOURCES.androidIkev2Profile),
        whenPlatform: 'android12',
        unlessPlatforms: ['android11'],
      },
      reason('wireguard', -40, NO_FIPS_WIREGUARD, chapter('/guide/security/')),
      reason('l2tp', -40, 'IKEv1 is deprecated (RFC 9395) and has no ML-KEM key exchange.', SOURCES.ikev1Deprecated, chapter('/guide/security/')),
      reason('sstp', -10, NO_PQ_DOCUMENTED, chapter('/guide/security/')),
      reason('openvpn-tcp', -10, 'CNSA 2.0 needs ML-KEM-1024; OpenVPN gets what its TLS library negotiates, and OpenSSL 3.5 defaults to the hybrid X25519MLKEM768, which is not it.', chapter('/guide/security/')),
    ],
  },
  {
    question: 'security',
    answer: 'pq',
    effects: [
      reason(
        'ikev2',
        10,
        'Hybrid post-quantum key exchange (RFC 9370 with ML-KEM) ships in strongSwan 6.0, libreswan 5.4 and the iOS/macOS 26 clients; other built-in clients do not document it yet.',
        SOURCES.multipleKeyExchanges,
        SOURCES.applePostQuantum,
        chapter('/guide/security/'),
      ),
      reason(
        'wireguard',
        5,
        `${PSK_PQ_RULE} WireGuard sets one per peer, so it can meet that; each key must be generated and distributed securely.`,
        SOURCES.wireguardPsk,
        chapter('/guide/security/'),
      ),
      reason(
        'l2tp',
        -40,
        `IKEv1 has no post-quantum key exchange. ${PSK_PQ_RULE} L2TP/IPsec servers for roaming users hold one group key (IKEv1 main mode picks the key by IP address), and certificate mode has none.`,
        SOURCES.ikev1MainModePsk,
        SOURCES.ikev1Deprecated,
        chapter('/guide/security/'),
      ),
      reason('sstp', -10, NO_PQ_DOCUMENTED, chapter('/guide/security/')),
      reason(
        'openvpn-tcp',
        -5,
        'Depends on the TLS library: OpenSSL 3.5 and later negotiate the hybrid X25519MLKEM768 by default, and the data-channel keys come from that TLS session; check what both ends are built with.',
        chapter('/guide/security/'),
      ),
    ],
  },
  {
    question: 'appInstall',
    answer: 'yes',
    effects: [
      reason('wireguard', 20, "An app is acceptable, so WireGuard's simpler design is an option.", chapter('/guide/verdict/')),
      reason('openvpn-tcp', 5, 'An app is acceptable, so OpenVPN over TCP 443 can serve clients that IPsec cannot reach.', chapter('/guide/verdict/')),
    ],
  },
];

/** Rules that fire for the given answers and considered platforms. */
export function firedEffects(answers: Answers, platforms: ReadonlySet<PlatformId>): { rule: Rule; effect: Effect }[] {
  const fired: { rule: Rule; effect: Effect }[] = [];
  for (const rule of RULES) {
    if (answers[rule.question] !== rule.answer) continue;
    for (const effect of rule.effects) {
      if (effect.whenPlatform !== undefined && !platforms.has(effect.whenPlatform)) continue;
      if (effect.unlessPlatforms?.some((p) => platforms.has(p)) === true) continue;
      fired.push({ rule, effect });
    }
  }
  return fired;
}
