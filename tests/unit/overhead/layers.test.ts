// Layer lists (what a diagram draws), L2TP/PPP header variants, padding boundaries and
// which layers are encrypted/authenticated.
import { describe, expect, it } from 'vitest';
import { LAYER_NAMES, layerProtection, packetSize, type TunnelSpec } from '../../../src/lib/overhead';

const gcm: TunnelSpec = { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256gcm16', encapsulation: 'udp' };
const l2tp: TunnelSpec = { protocol: 'l2tp', outer: 4, inner: 4, esp: 'aes256-sha1', encapsulation: 'udp' };


describe('layers, outermost first', () => {
  it.each([
    {
      source: 'RFC 3948 §2.1 + RFC 4303 §2: IKEv2 GCM-16 over NAT-T, tunnel mode',
      spec: gcm, inner: 100,
      layers: [['Outer IPv4 header', 20], ['UDP (NAT-T)', 8], ['ESP header (SPI + sequence)', 8], ['ESP IV', 8], ['Inner packet', 100], ['ESP padding', 2], ['ESP pad length + next header', 2], ['ESP ICV', 16]],
    },
    {
      source: 'ministryofjay/ipsec-overhead-calculator src/App.tsx@c431d99: default example 20+8+16+100+10+1+1+12',
      spec: { ...gcm, esp: 'aes128-sha1', encapsulation: 'none' as const }, inner: 100,
      layers: [['Outer IPv4 header', 20], ['ESP header (SPI + sequence)', 8], ['ESP IV', 16], ['Inner packet', 100], ['ESP padding', 10], ['ESP pad length + next header', 2], ['ESP ICV', 12]],
    },
    {
      source: 'RFC 2410 §2: NULL has no IV, so no IV layer; padding 0 is left out',
      spec: { ...gcm, esp: 'null-sha256', outer: 6 as const }, inner: 102,
      layers: [['Outer IPv6 header', 40], ['UDP (NAT-T)', 8], ['ESP header (SPI + sequence)', 8], ['Inner packet', 102], ['ESP pad length + next header', 2], ['ESP ICV', 16]],
    },
    {
      source: 'RFC 9329 §3: ESP in TCP with 12 bytes of timestamps option',
      spec: { ...gcm, encapsulation: 'tcp' as const, tcpOptionBytes: 12 }, inner: 98,
      layers: [['Outer IPv4 header', 20], ['TCP header', 20], ['TCP options', 12], ['ESP-in-TCP length', 2], ['ESP header (SPI + sequence)', 8], ['ESP IV', 8], ['Inner packet', 98], ['ESP pad length + next header', 2], ['ESP ICV', 16]],
    },
    {
      source: 'RFC 9329 §3: ESP in TCP without options has no options layer',
      spec: { ...gcm, encapsulation: 'tcp' as const }, inner: 98,
      layers: [['Outer IPv4 header', 20], ['TCP header', 20], ['ESP-in-TCP length', 2], ['ESP header (SPI + sequence)', 8], ['ESP IV', 8], ['Inner packet', 98], ['ESP pad length + next header', 2], ['ESP ICV', 16]],
    },
    {
      source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193), transport mode, NAT-T (RFC 3948 §2.1): IP | UDP 4500 | ESP | IV | UDP 1701 | L2TP | PPP | inner | pad | 2 | ICV',
      spec: l2tp, inner: 40,
      layers: [['Outer IPv4 header', 20], ['UDP (NAT-T)', 8], ['ESP header (SPI + sequence)', 8], ['ESP IV', 16], ['UDP (L2TP, port 1701)', 8], ['L2TP header', 6], ['PPP header', 4], ['Inner packet', 40], ['ESP padding', 4], ['ESP pad length + next header', 2], ['ESP ICV', 12]],
    },
    {
      source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193) without NAT-T: IP | ESP | IV | UDP(1701) | ...',
      spec: { ...l2tp, encapsulation: 'none' as const }, inner: 44,
      layers: [['Outer IPv4 header', 20], ['ESP header (SPI + sequence)', 8], ['ESP IV', 16], ['UDP (L2TP, port 1701)', 8], ['L2TP header', 6], ['PPP header', 4], ['Inner packet', 44], ['ESP pad length + next header', 2], ['ESP ICV', 12]],
    },
    {
      source: 'wireguard-paper §5.4.6: header 16, padding to 16, tag 16',
      spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec, inner: 40,
      layers: [['Outer IPv4 header', 20], ['UDP (WireGuard)', 8], ['WireGuard header', 16], ['Inner packet', 40], ['WireGuard padding', 8], ['Poly1305 tag', 16]],
    },
    {
      source: 'openvpn-mtu: P_DATA_V2 GCM: [opcode/peer-id][packet ID][tag][payload], over UDP',
      spec: { protocol: 'openvpn', outer: 4, inner: 4 } as TunnelSpec, inner: 40,
      layers: [['Outer IPv4 header', 20], ['UDP (OpenVPN)', 8], ['OpenVPN header', 4], ['OpenVPN packet ID', 4], ['AES-GCM tag', 16], ['Inner packet', 40]],
    },
    {
      source: 'openvpn-mtu: over TCP a 16-bit packet length precedes every packet',
      spec: { protocol: 'openvpn', outer: 6, inner: 6, encapsulation: 'tcp' } as TunnelSpec, inner: 60,
      layers: [['Outer IPv6 header', 40], ['TCP header', 20], ['OpenVPN TCP length', 2], ['OpenVPN header', 4], ['OpenVPN packet ID', 4], ['AES-GCM tag', 16], ['Inner packet', 60]],
    },
  ])('$source', ({ spec, inner, layers }) => {
    const size = packetSize(spec, inner);
    expect(size.layers.map((l) => [l.name, l.bytes])).toEqual(layers);
    expect(size.layers.reduce((sum, l) => sum + l.bytes, 0)).toBe(size.outerBytes);
    for (const layer of size.layers) expect(LAYER_NAMES).toContain(layer.name);
  });

  it('returns fresh layer objects: changing one result does not change the next', () => {
    const first = packetSize(gcm, 100);
    const layer = first.layers[0];
    if (layer) layer.bytes = 999;
    expect(packetSize(gcm, 100).layers[0]?.bytes).toBe(20);
  });
});

describe('RFC 2661 §3.1: L2TPv2 data header sizes', () => {
  it.each([
    { source: 'RFC 2661 §3.1: flags/ver + tunnel + session (Linux kernel data plane)', l2tpFlags: {}, bytes: 6 },
    { source: 'RFC 2661 §3.1: + Length (L bit; xl2tpd "length bit = yes")', l2tpFlags: { length: true }, bytes: 8 },
    { source: 'RFC 2661 §3.1: + Ns/Nr (S bit; Linux send_seq)', l2tpFlags: { sequence: true }, bytes: 10 },
    { source: 'RFC 2661 §3.1: + L + S (OpenBSD npppd default)', l2tpFlags: { length: true, sequence: true }, bytes: 12 },
    { source: 'RFC 2661 §3.1: L and S bits off, 6 bytes', l2tpFlags: { length: false, sequence: false }, bytes: 6 },
  ])('$source', ({ l2tpFlags, bytes }) => {
    const layer = packetSize({ ...l2tp, l2tp: l2tpFlags }, 100).layers.find((l) => l.name === 'L2TP header');
    expect(layer?.bytes).toBe(bytes);
  });
});

describe('RFC 1661 §6.5, §6.6: PPP header sizes', () => {
  it.each([
    { source: 'RFC 1662 §3.1: FF 03 + 2-byte protocol (Linux pppol2tp_xmit), IPv4 0x0021', inner: 4 as const, ppp: {}, bytes: 4 },
    { source: 'RFC 1661 §6.6 ACFC (Windows client)', inner: 4 as const, ppp: { acfc: true }, bytes: 2 },
    { source: 'RFC 1661 §6.5 PFC alone: FF 03 + 1-byte protocol', inner: 4 as const, ppp: { pfc: true }, bytes: 3 },
    { source: 'RFC 1661 §6.5 + §6.6: ACFC + PFC for 0x0021 < 0x100', inner: 4 as const, ppp: { acfc: true, pfc: true }, bytes: 1 },
    { source: 'RFC 1661 §6.5: IPv6 is 0x0057 < 0x100 (RFC 5072), so PFC applies too', inner: 6 as const, ppp: { acfc: true, pfc: true }, bytes: 1 },
    { source: 'RFC 1661 §2: IPv6 inside, no compression: 2-byte protocol', inner: 6 as const, ppp: {}, bytes: 4 },
  ])('$source', ({ inner, ppp, bytes }) => {
    const layer = packetSize({ ...l2tp, inner, ppp }, 100).layers.find((l) => l.name === 'PPP header');
    expect(layer?.bytes).toBe(bytes);
  });
});

describe('padding boundaries', () => {
  it.each([
    { source: 'RFC 4303 §2.4, AES-CBC (B=16): 30 + 2 = 32, no padding', spec: { ...gcm, esp: 'aes128-sha1' }, inner: 30, padding: 0 },
    { source: 'RFC 4303 §2.4, AES-CBC: 31 + 2 = 33 → 48, padding 15 (the maximum)', spec: { ...gcm, esp: 'aes128-sha1' }, inner: 31, padding: 15 },
    { source: 'RFC 4303 §2.4, AES-CBC: 29 + 2 = 31 → 32, padding 1', spec: { ...gcm, esp: 'aes128-sha1' }, inner: 29, padding: 1 },
    { source: 'RFC 4106 §3.2, GCM (B=4): 42 + 2 = 44, no padding', spec: gcm, inner: 42, padding: 0 },
    { source: 'RFC 4106 §3.2, GCM: 43 + 2 = 45 → 48, padding 3 (the maximum)', spec: gcm, inner: 43, padding: 3 },
    { source: 'RFC 2451 §2.4: 3DES (B=8): 38 + 2 = 40, no padding', spec: { ...gcm, esp: '3des-sha1' }, inner: 38, padding: 0 },
    { source: 'RFC 2451 §2.4: 3DES: 39 + 2 = 41 → 48, padding 7', spec: { ...gcm, esp: '3des-sha1' }, inner: 39, padding: 7 },
    { source: 'RFC 3686 §3.2, AES-CTR pads only to 4', spec: { ...gcm, esp: 'aes256ctr-sha256' }, inner: 43, padding: 3 },
    { source: 'RFC 7634 §2, ChaCha20-Poly1305 pads only to 4', spec: { ...gcm, esp: 'chacha20poly1305' }, inner: 41, padding: 1 },
    { source: 'RFC 4303 §2.4: NULL (RFC 2410) still aligns to 4', spec: { ...gcm, esp: 'null-sha1' }, inner: 40, padding: 2 },
    { source: 'RFC 4303 §2.4: L2TP/IPsec CBC: 18 + 44 + 2 = 64, no padding', spec: l2tp, inner: 44, padding: 0 },
    { source: 'RFC 4303 §2.4: L2TP/IPsec CBC: 18 + 45 + 2 = 65 → 80, padding 15', spec: l2tp, inner: 45, padding: 15 },
    { source: 'wireguard-paper §5.4.6: 48 is a multiple of 16', spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec, inner: 48, padding: 0 },
    { source: 'wireguard-paper §5.4.6: 49 → 64, padding 15', spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec, inner: 49, padding: 15 },
    { source: 'linux-wireguard-send: calculate_skb_padding 1410 → min(1420, 1424) = 1420, padding 10', spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec, inner: 1410, padding: 10 },
    { source: 'linux-wireguard-send: calculate_skb_padding, a full-size packet (= MTU 1420) gets no padding', spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec, inner: 1420, padding: 0 },
    { source: 'linux-wireguard-send: calculate_skb_padding, MTU 1440 (a multiple of 16): 1425 → 1440', spec: { protocol: 'wireguard', outer: 4, inner: 4, wireguardMtu: 1440 } as TunnelSpec, inner: 1425, padding: 15 },
    { source: 'openvpn-mtu: the AEAD data channel has no padding', spec: { protocol: 'openvpn', outer: 4, inner: 4 } as TunnelSpec, inner: 41, padding: 0 },
  ])('$source', ({ spec, inner, padding }) => {
    const size = packetSize(spec, inner);
    expect(size.paddingBytes).toBe(padding);
    const padLayer = size.layers.find((l) => l.name === 'ESP padding' || l.name === 'WireGuard padding');
    expect(padLayer?.bytes ?? 0).toBe(padding);
  });
});

describe('encrypted and authenticated layers', () => {
  it.each([
    {
      source: 'RFC 4303 §2: ESP encrypts payload + trailer, the ICV covers header, IV and ciphertext',
      spec: gcm,
      encrypted: ['Inner packet', 'ESP padding', 'ESP pad length + next header'],
      authenticated: ['ESP header (SPI + sequence)', 'ESP IV', 'Inner packet', 'ESP padding', 'ESP pad length + next header'],
      plain: ['Outer IPv4 header', 'UDP (NAT-T)', 'ESP ICV'],
    },
    {
      source: 'RFC 4303 §3.1.1: in L2TP/IPsec the UDP, L2TP and PPP headers are inside ESP',
      spec: l2tp,
      encrypted: ['UDP (L2TP, port 1701)', 'L2TP header', 'PPP header', 'Inner packet'],
      authenticated: ['ESP header (SPI + sequence)', 'UDP (L2TP, port 1701)'],
      plain: ['Outer IPv4 header', 'UDP (NAT-T)'],
    },
    {
      source: 'RFC 4543 §3: GMAC authenticates without encrypting',
      spec: { ...gcm, esp: 'aes128gmac' },
      encrypted: [],
      authenticated: ['ESP header (SPI + sequence)', 'Inner packet'],
      plain: ['Inner packet'],
    },
    {
      source: 'RFC 2410 §2: NULL encryption leaves the payload readable',
      spec: { ...gcm, esp: 'null-sha256' },
      encrypted: [],
      authenticated: ['Inner packet'],
      plain: ['Inner packet'],
    },
    {
      source: 'wireguard-paper §5.4.6: the padded packet is encrypted, the header travels in clear',
      spec: { protocol: 'wireguard', outer: 4, inner: 4 } as TunnelSpec,
      encrypted: ['Inner packet', 'WireGuard padding'],
      authenticated: ['Inner packet'],
      plain: ['WireGuard header', 'UDP (WireGuard)'],
    },
    {
      source: 'openvpn-mtu: opcode/peer-id and packet ID are authenticated, not encrypted',
      spec: { protocol: 'openvpn', outer: 4, inner: 4 } as TunnelSpec,
      encrypted: ['Inner packet'],
      authenticated: ['OpenVPN header', 'OpenVPN packet ID', 'Inner packet'],
      plain: ['OpenVPN header', 'UDP (OpenVPN)'],
    },
  ])('$source', ({ spec, encrypted, authenticated, plain }) => {
    const protection = layerProtection(spec);
    for (const name of encrypted) expect(protection.encrypted).toContain(name);
    for (const name of authenticated) expect(protection.authenticated).toContain(name);
    for (const name of plain) {
      if (!encrypted.includes(name)) expect(protection.encrypted).not.toContain(name);
    }
    if (encrypted.length === 0) expect(protection.encrypted).toEqual([]);
    // Only names that this tunnel's packets can carry.
    const possible = new Set(packetSize(spec, 41).layers.map((l) => l.name).concat(['ESP padding', 'WireGuard padding', 'ESP IV']));
    for (const name of [...protection.encrypted, ...protection.authenticated]) expect(possible).toContain(name);
    expect(protection.authenticated).not.toContain('ESP ICV');
    expect(protection.authenticated).not.toContain('Poly1305 tag');
    expect(protection.authenticated).not.toContain('AES-GCM tag');
  });
});
