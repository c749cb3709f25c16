// The VPN options the evaluator ranks, and what each client platform offers
// for them. Support levels are hard constraints: an option is only ever
// assigned to a platform where it is built in, or where it needs an app and
// the reader has not ruled apps out.
import { chapter, SOURCES, type Citation } from './citations';
import type { PlatformId } from './questions';

export const OPTION_IDS = ['ikev2', 'ikev2-tcp', 'l2tp', 'sstp', 'openvpn-tcp', 'wireguard', 'pptp'] as const;
export type OptionId = (typeof OPTION_IDS)[number];

/** How the option's packets travel, which decides whether a UDP 500/4500 block stops it. */
export type Transport = 'ipsec-udp' | 'udp-other-port' | 'tcp' | 'tcp-and-gre';

export interface VpnOption {
  readonly id: OptionId;
  readonly label: string;
  readonly transport: Transport;
  /** Starting weight before the answers adjust it: it orders options, it measures nothing. */
  readonly baseWeight: number;
  /** Facts that hold whatever the answers are; every option has at least one. */
  readonly baseline: readonly { readonly text: string; readonly effect: 'for' | 'against'; readonly citations: readonly Citation[] }[];
}

// Base weights encode the evidence-based order of the guide (verdict chapter):
// IKEv2 first; WireGuard, TLS-over-TCP tunnels and IKEv2-over-TCP as
// alternatives for particular needs; L2TP/IPsec last among the usable ones.
export const OPTIONS: Readonly<Record<OptionId, VpnOption>> = {
  ikev2: {
    id: 'ikev2',
    label: 'IKEv2/IPsec',
    transport: 'ipsec-udp',
    baseWeight: 100,
    baseline: [
      {
        text: 'IKEv2 (RFC 7296) is the current IETF standard and sets up a tunnel in four messages.',
        effect: 'for',
        citations: [SOURCES.ikev2Exchanges, chapter('/guide/ikev2/')],
      },
      {
        text: 'Built into Windows, macOS, iOS/iPadOS, Android 11 and newer and ChromeOS; strongSwan or libreswan provide it on Linux.',
        effect: 'for',
        citations: [SOURCES.appleVpnOverview, SOURCES.androidIkev2Profile, SOURCES.strongswanWindowsClients, chapter('/guide/platforms/')],
      },
    ],
  },
  'ikev2-tcp': {
    id: 'ikev2-tcp',
    label: 'IKEv2 over TCP (RFC 9329)',
    transport: 'tcp',
    baseWeight: 60,
    baseline: [
      {
        text: 'Carries IKE and ESP over TCP (port 4500 by default) for networks that block UDP; both ends must implement RFC 9329.',
        effect: 'for',
        citations: [SOURCES.tcpEncapsulation, SOURCES.libreswanListenTcp, chapter('/guide/nat-firewalls/')],
      },
      {
        text: 'Among the implementations this guide covers only libreswan supports it; strongSwan does not, and the sources used here document it for no built-in client on Windows, Apple or Android.',
        effect: 'against',
        citations: [SOURCES.libreswanEnableTcp, chapter('/guide/platforms/')],
      },
    ],
  },
  l2tp: {
    id: 'l2tp',
    label: 'L2TP/IPsec',
    transport: 'ipsec-udp',
    baseWeight: 30,
    baseline: [
      {
        text: 'Depends on IKEv1, which RFC 9395 deprecated in 2023; keep it only for clients that cannot do IKEv2.',
        effect: 'against',
        citations: [SOURCES.ikev1Deprecated, chapter('/guide/l2tp/'), chapter('/guide/verdict/')],
      },
      {
        text: 'Still built into Windows, macOS, iOS/iPadOS, ChromeOS and Android up to 11.',
        effect: 'for',
        citations: [SOURCES.appleVpnOverview, SOURCES.chromeosNetworks, SOURCES.hwdsl2Clients, chapter('/guide/platforms/')],
      },
    ],
  },
  sstp: {
    id: 'sstp',
    label: 'SSTP (TCP 443)',
    transport: 'tcp',
    baseWeight: 55,
    baseline: [
      {
        text: 'Microsoft designed SSTP (PPP over HTTPS on TCP 443) for networks that block IPsec; Windows has it built in.',
        effect: 'for',
        citations: [SOURCES.msSstp, chapter('/guide/nat-firewalls/')],
      },
      {
        text: 'No built-in client on macOS, iOS, Android or ChromeOS.',
        effect: 'against',
        citations: [SOURCES.appleVpnOverview, SOURCES.androidIkev2Profile, chapter('/guide/platforms/')],
      },
    ],
  },
  'openvpn-tcp': {
    id: 'openvpn-tcp',
    label: 'OpenVPN over TCP 443',
    transport: 'tcp',
    baseWeight: 55,
    baseline: [
      {
        text: 'A TLS-based tunnel that can run on TCP 443 and so passes networks that allow only web traffic; vendor TLS VPNs fill the same role.',
        effect: 'for',
        citations: [chapter('/guide/nat-firewalls/'), chapter('/guide/verdict/')],
      },
      {
        text: 'Needs an app everywhere except ChromeOS (built-in client) and Linux (distribution packages).',
        effect: 'against',
        citations: [SOURCES.chromeosNetworks, SOURCES.appleVpnOverview, chapter('/guide/platforms/')],
      },
    ],
  },
  wireguard: {
    id: 'wireguard',
    label: 'WireGuard',
    transport: 'udp-other-port',
    baseWeight: 70,
    baseline: [
      {
        text: 'A small, fixed-suite protocol in the Linux kernel; a simpler alternative where an app is acceptable. It is not IPsec.',
        effect: 'for',
        citations: [chapter('/guide/how-vpn-protocols-work/'), chapter('/guide/verdict/')],
      },
      {
        text: 'Needs an app on every platform except Linux, and runs over UDP only.',
        effect: 'against',
        citations: [SOURCES.wireguardLimitations, chapter('/guide/platforms/')],
      },
    ],
  },
  pptp: {
    id: 'pptp',
    label: 'PPTP',
    transport: 'tcp-and-gre',
    baseWeight: 0,
    baseline: [
      {
        text: 'Never use PPTP: its MS-CHAPv2 authentication and RC4-based MPPE encryption are broken.',
        effect: 'against',
        citations: [SOURCES.pptp, chapter('/guide/security/'), chapter('/guide/verdict/')],
      },
    ],
  },
};

export type SupportLevel = 'native' | 'app' | 'none';
export interface Support {
  readonly level: SupportLevel;
  readonly note: string;
  readonly citations: readonly Citation[];
}

const none = (note: string, ...citations: Citation[]): Support => ({ level: 'none', note, citations });
const native = (note: string, ...citations: Citation[]): Support => ({ level: 'native', note, citations });
const app = (note: string, ...citations: Citation[]): Support => ({ level: 'app', note, citations });

const NO_TCP_ENCAP = 'No built-in RFC 9329 support documented.';
const LEGACY_ONLY_L2TP = 'These devices offer L2TP/IPsec and nothing newer.';
const NO_SSTP = 'No built-in SSTP client; third-party apps were not assessed, so the model never relies on them.';

/** What each platform offers for each option (PPTP is never offered by the model). */
export const SUPPORT: Readonly<Record<Exclude<OptionId, 'pptp'>, Readonly<Record<PlatformId, Support>>>> = {
  ikev2: {
    windows: native('Built in since Windows 7.', SOURCES.strongswanWindowsClients),
    macos: native('Built in (System Settings) since macOS 10.11.', SOURCES.appleVpnOverview),
    ios: native('Built in since iOS 9 (iOS 8 by profile).', SOURCES.appleVpnOverview),
    android10: app('No built-in IKEv2 client before Android 11; use the strongSwan app.', SOURCES.androidIkev2Profile, SOURCES.hwdsl2Clients),
    android11: native('Built in since Android 11 (IKEv2/IPSec MSCHAPv2, PSK, RSA).', SOURCES.androidIkev2Profile),
    android12: native('Built in; the only built-in VPN type for new profiles.', SOURCES.androidIkev2Profile, SOURCES.hwdsl2Clients),
    chromeos: native('Built-in "IPsec (IKEv2)" provider in current ChromeOS releases.', SOURCES.hwdsl2Clients),
    linux: native('strongSwan or libreswan, with NetworkManager plugins.', chapter('/guide/platforms/')),
    legacy: none(LEGACY_ONLY_L2TP),
  },
  'ikev2-tcp': {
    windows: none(NO_TCP_ENCAP),
    macos: none(NO_TCP_ENCAP),
    ios: none(NO_TCP_ENCAP),
    android10: none(NO_TCP_ENCAP),
    android11: none(NO_TCP_ENCAP),
    android12: none(NO_TCP_ENCAP),
    chromeos: none(NO_TCP_ENCAP),
    linux: native('libreswan: enable-tcp=fallback on the client, listen-tcp=yes on the server.', SOURCES.libreswanEnableTcp, SOURCES.libreswanListenTcp),
    legacy: none(LEGACY_ONLY_L2TP),
  },
  l2tp: {
    windows: native('Built in ("L2TP/IPsec with pre-shared key / certificate").', SOURCES.hwdsl2Clients),
    macos: native('Built in.', SOURCES.appleVpnOverview),
    ios: native('Built in.', SOURCES.appleVpnOverview),
    android10: native('Built in ("L2TP/IPSec PSK / RSA").', SOURCES.hwdsl2Clients),
    android11: native('Built in ("L2TP/IPSec PSK / RSA").', SOURCES.hwdsl2Clients),
    android12: none('Android 12 and newer cannot create new L2TP profiles.', SOURCES.hwdsl2Clients),
    chromeos: native('Built in (pre-shared key or user certificate).', SOURCES.chromeosNetworks),
    linux: native('xl2tpd with strongSwan or libreswan, or NetworkManager-l2tp.', SOURCES.hwdsl2Clients),
    legacy: native(LEGACY_ONLY_L2TP),
  },
  sstp: {
    windows: native('Built in.', SOURCES.msSstp),
    macos: none(NO_SSTP, SOURCES.appleVpnOverview),
    ios: none(NO_SSTP, SOURCES.appleVpnOverview),
    android10: none(NO_SSTP),
    android11: none(NO_SSTP, SOURCES.androidIkev2Profile),
    android12: none(NO_SSTP, SOURCES.androidIkev2Profile),
    chromeos: none(NO_SSTP, SOURCES.chromeosNetworks),
    linux: native('sstp-client from the distribution.'),
    legacy: none(LEGACY_ONLY_L2TP),
  },
  'openvpn-tcp': {
    windows: app('Needs the OpenVPN client app.'),
    macos: app('Needs a companion app (Network Extension).', SOURCES.appleVpnOverview),
    ios: app('Needs a companion app (Network Extension).', SOURCES.appleVpnOverview),
    android10: app('Needs the OpenVPN app.'),
    android11: app('Needs the OpenVPN app.'),
    android12: app('Needs the OpenVPN app.'),
    chromeos: native('Built-in OpenVPN client (settings pushed by the admin console or an ONC file).', SOURCES.chromeosNetworks),
    linux: native('openvpn or NetworkManager-openvpn from the distribution.'),
    legacy: none(LEGACY_ONLY_L2TP),
  },
  wireguard: {
    windows: app('Needs the WireGuard app.', SOURCES.hwdsl2Clients),
    macos: app('Needs the WireGuard app.', SOURCES.appleVpnOverview),
    ios: app('Needs the WireGuard app.', SOURCES.appleVpnOverview),
    android10: app('Needs the WireGuard app.'),
    android11: app('Needs the WireGuard app.'),
    android12: app('Needs the WireGuard app.'),
    chromeos: app('Needs the WireGuard Android app.', SOURCES.chromeosAndroidVpn),
    linux: native('In the kernel; wg-quick or NetworkManager configure it.'),
    legacy: none(LEGACY_ONLY_L2TP),
  },
};

const PPTP_NEVER: Support = none('The model never offers PPTP.', SOURCES.pptp);

/** Support of any option, PPTP included (never usable). */
export function supportOf(option: OptionId, platform: PlatformId): Support {
  return option === 'pptp' ? PPTP_NEVER : SUPPORT[option][platform];
}

/** Platforms assumed when the platform question is unanswered: current mainstream clients. */
export const MAINSTREAM_PLATFORMS: readonly PlatformId[] = [
  'windows',
  'macos',
  'ios',
  'android11',
  'android12',
  'chromeos',
  'linux',
];

/** Whether an option works where only web traffic (TCP) gets out. */
export function passesUdpBlock(option: OptionId): boolean {
  return OPTIONS[option].transport === 'tcp';
}

// Post-quantum (hybrid ML-KEM key exchange via RFC 9370 for IKEv2, optional
// pre-shared key for WireGuard). Only support our sources document counts.
// Apple iOS/macOS 26, strongSwan 6.0, libreswan 5.4 (libreswan also does RFC 9329 TCP).
// A pre-shared key mixed into the keys counts only when it can be strong, secret and per
// peer (RFC 8784 §1): WireGuard sets one per peer; L2TP/IPsec road-warrior servers share one
// group key, because IKEv1 main mode picks the key by IP address (RFC 2409 §5.4).
const PQ_IKEV2: ReadonlySet<PlatformId> = new Set(['macos', 'ios', 'linux']);

export function meetsPostQuantum(option: OptionId, platform: PlatformId): boolean {
  if (option === 'ikev2' || option === 'ikev2-tcp') return PQ_IKEV2.has(platform);
  return option === 'wireguard';
}

/**
 * FIPS 140-3 approved algorithms: AES, SHA-2 and NIST curves or RFC 3526 MODP groups of 2048
 * bits and more (NIST SP 800-56A Rev. 3). Every IPsec or TLS option can be configured so;
 * WireGuard's suite (Curve25519, ChaCha20-Poly1305, BLAKE2s) is fixed.
 */
export function meetsFipsAlgorithms(option: OptionId): boolean {
  return option !== 'wireguard' && option !== 'pptp';
}

// CNSA 2.0 needs ML-KEM-1024 next to AES-256, SHA-384 and ECP-384 or MODP-3072+. Documented
// for IKEv2 in strongSwan 6.0 (Linux) and Apple's 26 releases; libreswan 5.4, the only
// RFC 9329 TCP implementation here, documents ML-KEM-768 only.
const CNSA2_IKEV2: ReadonlySet<PlatformId> = new Set(['macos', 'ios', 'linux']);

export function meetsCnsa2(option: OptionId, platform: PlatformId): boolean {
  return option === 'ikev2' && CNSA2_IKEV2.has(platform);
}
