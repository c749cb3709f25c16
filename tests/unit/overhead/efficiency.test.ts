// Efficiency per size and for Simple IMIX (7 × 40, 4 × 576, 1 × 1500), rows A–F, each worked out
// by hand from the RFC sizes its source names.
import { describe, expect, it } from 'vitest';
import {
  SIMPLE_IMIX,
  maxInnerPacket,
  mixEfficiency,
  overheadRange,
  packetSize,
  type TunnelSpec,
} from '../../../src/lib/overhead';

interface Row {
  source: string;
  spec: TunnelSpec;
  /** The same tunnel with no cap that the unconstrained column needs (WireGuard's interface MTU). */
  unconstrainedSpec?: TunnelSpec;
  outer: { 40: number; 576: number; 1400: number };
  maxInner: number;
  outerAtMax: number;
  unconstrained: { outer: number; percent: string };
  clamped: { inner: number; outer: number; percent: string };
  clampedL1: { outer: number; percent: string };
}

const rows: Row[] = [
  {
    source: 'RFC 4303 §2.4: IKEv2 tunnel, NAT-T (RFC 3948 §2.1), AES-GCM-16 (RFC 4106 §3.1)',
    spec: { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256gcm16', encapsulation: 'udp' },
    outer: { 40: 104, 576: 640, 1400: 1464 }, maxInner: 1438, outerAtMax: 1500,
    unconstrained: { outer: 4852, percent: '84.2' },
    clamped: { inner: 4022, outer: 4788, percent: '84.0' },
    clampedL1: { outer: 5244, percent: '76.7' },
  },
  {
    source: 'RFC 4303 §2.4: IKEv2 tunnel, NAT-T (RFC 3948 §2.1), AES-CBC (RFC 3602 §2.4) + SHA2-256-128 (RFC 4868 §2.3)',
    spec: { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha256', encapsulation: 'udp' },
    outer: { 40: 116, 576: 660, 1400: 1476 }, maxInner: 1422, outerAtMax: 1492,
    unconstrained: { outer: 5024, percent: '81.3' },
    clamped: { inner: 4006, outer: 4944, percent: '81.0' },
    clampedL1: { outer: 5400, percent: '74.2' },
  },
  {
    source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193), NAT-T (RFC 3948 §2.1), AES-CBC + SHA1-96, L2TP 6 (RFC 2661 §3.1), PPP 4 (RFC 1662)',
    spec: { protocol: 'l2tp', outer: 4, inner: 4, esp: 'aes256-sha1', encapsulation: 'udp' },
    outer: { 40: 128, 576: 672, 1400: 1488 }, maxInner: 1404, outerAtMax: 1488,
    unconstrained: { outer: 5168, percent: '79.0' },
    clamped: { inner: 3988, outer: 5072, percent: '78.6' },
    clampedL1: { outer: 5528, percent: '72.1' },
  },
  {
    source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193), NAT-T (RFC 3948 §2.1), AES-GCM-16 (RFC 4106 §3.1), L2TP 6 (RFC 2661 §3.1), PPP 4 (RFC 1662)',
    spec: { protocol: 'l2tp', outer: 4, inner: 4, esp: 'aes256gcm16', encapsulation: 'udp' },
    outer: { 40: 120, 576: 656, 1400: 1480 }, maxInner: 1420, outerAtMax: 1500,
    unconstrained: { outer: 5044, percent: '81.0' },
    clamped: { inner: 4004, outer: 4964, percent: '80.7' },
    clampedL1: { outer: 5420, percent: '73.9' },
  },
  {
    source: 'wireguard-paper §5.4.6: header 16, tag 16, padding to 16 (capped at the interface MTU 1440, linux-wireguard-send)',
    spec: { protocol: 'wireguard', outer: 4, inner: 4, wireguardMtu: 1440 },
    unconstrainedSpec: { protocol: 'wireguard', outer: 4, inner: 4, wireguardMtu: 9000 },
    outer: { 40: 108, 576: 636, 1400: 1468 }, maxInner: 1440, outerAtMax: 1500,
    unconstrained: { outer: 4864, percent: '84.0' },
    clamped: { inner: 4024, outer: 4800, percent: '83.8' },
    clampedL1: { outer: 5256, percent: '76.6' },
  },
  {
    source: 'openvpn-mtu: OpenVPN 2.6 UDP, AES-256-GCM: opcode/peer-id 4 + packet ID 4 + tag 16',
    spec: { protocol: 'openvpn', outer: 4, inner: 4, encapsulation: 'udp' },
    outer: { 40: 92, 576: 628, 1400: 1452 }, maxInner: 1448, outerAtMax: 1500,
    unconstrained: { outer: 4708, percent: '86.7' },
    clamped: { inner: 4032, outer: 4656, percent: '86.6' },
    clampedL1: { outer: 5112, percent: '78.9' },
  },
];

const percent = (ratio: number) => (ratio * 100).toFixed(1);

describe('IMIX table (IPv4 outer, path MTU 1500)', () => {
  it.each(rows)('$source', (row) => {
    for (const size of [40, 576, 1400] as const) expect(packetSize(row.spec, size).outerBytes).toBe(row.outer[size]);
    expect(maxInnerPacket(row.spec, 1500)).toBe(row.maxInner);
    expect(packetSize(row.spec, row.maxInner).outerBytes).toBe(row.outerAtMax);

    const unconstrained = mixEfficiency(row.unconstrainedSpec ?? row.spec, SIMPLE_IMIX);
    expect(unconstrained.innerBytes).toBe(4084);
    expect(unconstrained.outerBytes).toBe(row.unconstrained.outer);
    expect(percent(unconstrained.efficiency)).toBe(row.unconstrained.percent);

    const clamped = mixEfficiency(row.spec, SIMPLE_IMIX, { pathMtu: 1500 });
    expect(clamped.innerBytes).toBe(row.clamped.inner);
    expect(clamped.outerBytes).toBe(row.clamped.outer);
    expect(percent(clamped.efficiency)).toBe(row.clamped.percent);
    expect(clamped.packets.map((p) => p.innerBytes)).toEqual([40, 576, row.maxInner]);

    const l1 = mixEfficiency(row.spec, SIMPLE_IMIX, { pathMtu: 1500, ethernetL1: true });
    expect(l1.outerBytes).toBe(row.clampedL1.outer);
    expect(percent(l1.efficiency)).toBe(row.clampedL1.percent);
  });

  it('IEEE 802.3 framing: the L1 column adds 38 bytes per frame, 12 frames per IMIX cycle', () => {
    const l1 = mixEfficiency(rows[5]!.spec, SIMPLE_IMIX, { pathMtu: 1500, ethernetL1: true });
    const plain = mixEfficiency(rows[5]!.spec, SIMPLE_IMIX, { pathMtu: 1500 });
    expect(l1.outerBytes - plain.outerBytes).toBe(12 * 38);
  });

  it('Simple IMIX is 7:4:1 of 40/576/1500 bytes, average 340.3', () => {
    const count = SIMPLE_IMIX.entries.reduce((n, e) => n + e.weight, 0);
    const bytes = SIMPLE_IMIX.entries.reduce((n, e) => n + e.weight * e.bytes, 0);
    expect(SIMPLE_IMIX.entries.map((e) => [e.bytes, e.weight])).toEqual([[40, 7], [576, 4], [1500, 1]]);
    expect((bytes / count).toFixed(1)).toBe('340.3');
  });
});

describe('fixed vs variable overhead (RFC 4303 §2.4)', () => {
  it.each([
    { source: 'RFC 4303 §2.4: AES-CBC + SHA1-96 NAT-T IPv4: 20 + 8 + 8 + 16 + 2 + 12 = 66, up to 15 bytes of padding', spec: { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha1' } as TunnelSpec, min: 66, pad: 15 },
    { source: 'RFC 4106 §3.2: GCM-16 NAT-T IPv4: 20 + 8 + 8 + 8 + 2 + 16 = 62, up to 3 bytes of padding', spec: rows[0]!.spec, min: 62, pad: 3 },
    { source: 'wireguard-paper §5.4.6: WireGuard IPv4: 20 + 8 + 16 + 16 = 60 fixed, up to 15 of padding', spec: rows[4]!.spec, min: 60, pad: 15 },
    { source: 'openvpn-mtu: OpenVPN 2.6 UDP IPv4: 20 + 8 + 24 = 52 fixed, AEAD without padding', spec: rows[5]!.spec, min: 52, pad: 0 },
  ])('$source', ({ spec, min, pad }) => {
    const range = overheadRange(spec);
    expect(range.minOverheadBytes).toBe(min);
    expect(range.maxPaddingBytes).toBe(pad);
    expect(range.maxOverheadBytes).toBe(min + pad);
  });

  it('RFC 2661 §3.1, RFC 1662 §3.1: L2TP/IPsec adds X = 8 + 6 + 4 = 18 to the fixed part', () => {
    const l2tpRange = overheadRange(rows[2]!.spec);
    const ikeRange = overheadRange({ protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha1' });
    expect(l2tpRange.minOverheadBytes - ikeRange.minOverheadBytes).toBe(18);
  });
});
