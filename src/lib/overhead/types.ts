/**
 * The public contract of the overhead model (design.md, "The overhead model contract").
 * These declarations are fixed: other code and independent conformance checks call them.
 */

export type IpVersion = 4 | 6;

export type Protocol = 'ikev2' | 'l2tp' | 'wireguard' | 'openvpn';

export type Encapsulation = 'none' | 'udp' | 'tcp';

/**
 * What a tunnel looks like on the wire. Fields the chosen protocol and encapsulation do not
 * use (esp for WireGuard and OpenVPN, l2tp/ppp for IKEv2, tcpOptionBytes over UDP,
 * wireguardMtu for ESP) are ignored and not checked; every field they use is checked.
 */
export interface TunnelSpec {
  protocol: Protocol;
  /** Family of the path: the outer header is 20 (IPv4) or 40 (IPv6) bytes. */
  outer: IpVersion;
  /** Family of the packets carried inside the tunnel. */
  inner: IpVersion;
  /**
   * ikev2 | l2tp (required there): one strongSwan ESP proposal, e.g. 'aes256gcm16',
   * 'aes128-sha1', 'aes256-sha256', 'chacha20poly1305', '3des-md5', 'null-sha256',
   * 'aes128ctr-sha256', 'aes128gmac'. Key-exchange, PRF and 'esn'/'noesn' tokens cost 0 bytes.
   */
  esp?: string;
  /**
   * ikev2 | l2tp: 'none' = ESP as IP protocol 50, 'udp' = NAT-T on port 4500 (RFC 3948),
   * 'tcp' = ESP in TCP (RFC 9329). openvpn: 'udp' | 'tcp'. wireguard: 'udp' only.
   * Default 'udp'.
   */
  encapsulation?: Encapsulation;
  /** Options in the outer TCP header (0..40, a multiple of 4); used only over TCP. Default 0. */
  tcpOptionBytes?: number;
  /** Optional L2TPv2 data-header fields (RFC 2661 §3.1); default off, giving a 6-byte header. */
  l2tp?: { length?: boolean; sequence?: boolean };
  /** PPP field compression (RFC 1661 §6.5, §6.6); default off: FF 03 + 2-byte protocol. */
  ppp?: { acfc?: boolean; pfc?: boolean };
  /** WireGuard interface MTU, which caps the padding (Linux calculate_skb_padding). Default 1420. */
  wireguardMtu?: number;
}

export interface Layer {
  name: string;
  bytes: number;
}

export interface PacketSize {
  /** Size of the outer IP packet on the path. */
  outerBytes: number;
  /** outerBytes - inner packet bytes. */
  overheadBytes: number;
  /** Cipher padding (ESP pad, WireGuard pad); 0 where there is none. */
  paddingBytes: number;
  /** Outermost first; their bytes sum to outerBytes. Zero-byte layers are left out. */
  layers: Layer[];
}

/** Every name a Layer can carry, in a stable spelling that diagrams can key on. */
export const LAYER_NAMES = [
  'Outer IPv4 header',
  'Outer IPv6 header',
  'UDP (NAT-T)',
  'UDP (WireGuard)',
  'UDP (OpenVPN)',
  'TCP header',
  'TCP options',
  'ESP-in-TCP length',
  'OpenVPN TCP length',
  'ESP header (SPI + sequence)',
  'ESP IV',
  'UDP (L2TP, port 1701)',
  'L2TP header',
  'PPP header',
  'WireGuard header',
  'OpenVPN header',
  'OpenVPN packet ID',
  'AES-GCM tag',
  'Inner packet',
  'ESP padding',
  'ESP pad length + next header',
  'ESP ICV',
  'WireGuard padding',
  'Poly1305 tag',
] as const;

export type LayerName = (typeof LAYER_NAMES)[number];

/** A Layer whose name is one of LAYER_NAMES: what packetSize actually returns. */
export interface NamedLayer extends Layer {
  name: LayerName;
}
