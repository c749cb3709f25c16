// Published cross-checks: numbers other people printed, and figures worked out by hand from the
// RFCs, reproduced by the model. Each row names where the number was published or which rule gives it.
import { describe, expect, it } from 'vitest';
import { maxInnerPacket, mssClamp, packetSize, type TunnelSpec } from '../../../src/lib/overhead';

const ikev2 = (esp: string, extra: Partial<TunnelSpec> = {}): TunnelSpec => ({
  protocol: 'ikev2', outer: 4, inner: 4, esp, encapsulation: 'udp', ...extra,
});
const l2tp = (esp: string, extra: Partial<TunnelSpec> = {}): TunnelSpec => ({
  protocol: 'l2tp', outer: 4, inner: 4, esp, encapsulation: 'udp', ...extra,
});
const wireguard = (outer: 4 | 6): TunnelSpec => ({ protocol: 'wireguard', outer, inner: 4 });

describe('forward sizes published by calculators and vendors', () => {
  it.each([
    {
      source: 'ministryofjay/ipsec-overhead-calculator src/App.tsx@c431d99: Cisco IPsec Overhead Calculator default example, 100-byte IPv4, tunnel, AES + SHA1 → 168 with 10 bytes of padding',
      spec: ikev2('aes128-sha1', { encapsulation: 'none' }), inner: 100, outer: 168, padding: 10,
    },
    {
      source: 'cisco-community-210471: a Cisco employee\'s 3DES/MD5 tunnel example, "1500 byte packet becomes 1552"',
      spec: ikev2('3des-md5', { encapsulation: 'none' }), inner: 1500, outer: 1552, padding: 2,
    },
    {
      source: 'cisco-community-210471: 3DES/MD5 tunnel, "800 byte packet becomes 856"',
      spec: ikev2('3des-md5', { encapsulation: 'none' }), inner: 800, outer: 856, padding: 6,
    },
    {
      source: 'paloalto-kb-ipsec-mss: AES-256-CBC + SHA1, MSS 1388 (inner 1428) → "1496 bytes. (Padding will be 10 bytes only)"',
      spec: ikev2('aes256-sha1', { encapsulation: 'none' }), inner: 1428, outer: 1496, padding: 10,
    },
    {
      source: 'RFC 4303 §2.4: the exact maximum for the Palo Alto example (paloalto-kb-ipsec-mss), inner 1438 (MSS 1398) → outer 1496',
      spec: ikev2('aes256-sha1', { encapsulation: 'none' }), inner: 1438, outer: 1496, padding: 0,
    },
    {
      source: 'RFC 4106 §3.2: GCM-16 NAT-T, 40 → 20+8+8+8+44+16 = 104',
      spec: ikev2('aes256gcm16'), inner: 40, outer: 104, padding: 2,
    },
    {
      source: 'RFC 4106 §3.2: GCM-16 NAT-T, 1500 → 20+8+8+8+1504+16 = 1564',
      spec: ikev2('aes256gcm16'), inner: 1500, outer: 1564, padding: 2,
    },
    {
      source: 'RFC 4303 §2.4: a 40-byte TCP ACK costs 88 bytes of overhead in L2TP/IPsec with CBC (L2TP 6, PPP 4, NAT-T)',
      spec: l2tp('aes256-sha1'), inner: 40, outer: 128, padding: 4,
    },
  ])('$source', ({ spec, inner, outer, padding }) => {
    const size = packetSize(spec, inner);
    expect(size.outerBytes).toBe(outer);
    expect(size.paddingBytes).toBe(padding);
    expect(size.overheadBytes).toBe(outer - inner);
  });
});

describe('tunnel MTU and MSS published or derived in the references', () => {
  it.each([
    { source: 'RFC 4303 §2.4: the exact maximum for the Palo Alto example (paloalto-kb-ipsec-mss): MSS 1398', spec: ikev2('aes256-sha1', { encapsulation: 'none' }), pathMtu: 1500, maxInner: 1438, mss: 1398 },
    { source: 'linux-wireguard-device: default MTU 1420 = 1500 - 80', spec: wireguard(6), pathMtu: 1500, maxInner: 1420, mss: 1380 },
    { source: 'dmbaturin/encapcalc encapcalc.js@96650fb5: IPv4 20 + WireGuard 40 → 1500 - 60 = 1440', spec: wireguard(4), pathMtu: 1500, maxInner: 1440, mss: 1400 },
    { source: 'wireguard-paper §5.4.6: WireGuard over IPv6 on PPPoE, 1492 - 80 = 1412', spec: wireguard(6), pathMtu: 1492, maxInner: 1412, mss: 1372 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA1-96, NAT-T, 1500 → 1422', spec: ikev2('aes256-sha1'), pathMtu: 1500, maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA2-256-128, NAT-T, 1500 → 1422 (same as SHA1)', spec: ikev2('aes256-sha256'), pathMtu: 1500, maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA2-512-256, NAT-T, 1500 → 1406', spec: ikev2('aes256-sha512'), pathMtu: 1500, maxInner: 1406, mss: 1366 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA1, NAT-T, PPPoE 1492 → 1422, same as 1500', spec: ikev2('aes256-sha1'), pathMtu: 1492, maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA2-256, NAT-T, PPPoE 1492 → 1422, same as 1500', spec: ikev2('aes256-sha256'), pathMtu: 1492, maxInner: 1422, mss: 1382 },
    { source: 'RFC 4106 §3.2: AES-GCM-16, NAT-T, 1500 → 1438', spec: ikev2('aes256gcm16'), pathMtu: 1500, maxInner: 1438, mss: 1398 },
    { source: 'RFC 4106 §3.2: AES-GCM-16, NAT-T, PPPoE 1492 → 1430 (drops by exactly 8)', spec: ikev2('aes256gcm16'), pathMtu: 1492, maxInner: 1430, mss: 1390 },
    { source: 'RFC 4106 §3.2: IKEv2 road warrior GCM: 1438 / MSS 1398', spec: ikev2('aes256gcm16'), pathMtu: 1500, maxInner: 1438, mss: 1398 },
    { source: 'RFC 4303 §2.4: IKEv2 road warrior CBC/SHA2: 1422 / MSS 1382', spec: ikev2('aes256-sha256'), pathMtu: 1500, maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: L2TP/IPsec CBC/SHA1, L2TP 6, PPP 4, NAT-T: PPP MTU 1404 / MSS 1364', spec: l2tp('aes256-sha1'), pathMtu: 1500, maxInner: 1404, mss: 1364 },
    { source: 'RFC 4106 §3.2: L2TP/IPsec GCM-16 NAT-T → 1420', spec: l2tp('aes256gcm16'), pathMtu: 1500, maxInner: 1420, mss: 1380 },
    { source: 'openvpn-mtu: OpenVPN 2.6 UDP AES-256-GCM → 1500 - 52 = 1448, MSS 1408', spec: { protocol: 'openvpn', outer: 4, inner: 4 } as TunnelSpec, pathMtu: 1500, maxInner: 1448, mss: 1408 },
    { source: 'openvpn-issue-831: OpenVPN 2.6 mssfix 1492 caps the outer datagram → MSS 1400', spec: { protocol: 'openvpn', outer: 4, inner: 4 } as TunnelSpec, pathMtu: 1492, maxInner: 1440, mss: 1400 },
    { source: 'iptables-tcpmss: IPv6 inside subtracts 60 for the MSS', spec: ikev2('aes256gcm16', { inner: 6 }), pathMtu: 1500, maxInner: 1438, mss: 1378 },
  ])('$source', ({ spec, pathMtu, maxInner, mss }) => {
    expect(maxInnerPacket(spec, pathMtu)).toBe(maxInner);
    expect(mssClamp(spec, pathMtu)).toBe(mss);
    expect(packetSize({ ...spec, wireguardMtu: maxInner }, maxInner).outerBytes).toBeLessThanOrEqual(pathMtu);
  });
});

describe('hamwan.org worst case', () => {
  it('hamwan.org IPsec standard: ESP-AES-128 + HMAC-SHA1-96 worst case = 4+4+16+15+1+1+12 = 53', () => {
    const spec = ikev2('aes128-sha1', { encapsulation: 'none' });
    // Worst ESP-only overhead over every inner size: subtract the 20-byte outer IPv4 header.
    let worst = 0;
    for (let inner = 20; inner < 20 + 64; inner++) worst = Math.max(worst, packetSize(spec, inner).overheadBytes - 20);
    expect(worst).toBe(53);
  });
});

// An 8-byte L2TP header, i.e. the Length bit on (RFC 2661 §3.1); PPP 4. Path 1500, inner 1400.
describe('per-suite table (1500-byte IPv4 path, 1400-byte inner packet, L2TP length bit on)', () => {
  const l2tpWithLength = { l2tp: { length: true } };
  it.each([
    { source: 'RFC 4106 §3.2: AES-GCM-16, no NAT-T', esp: 'aes128gcm16', encapsulation: 'none', ikeOverhead: 56, l2tpOverhead: 76, ikeMax: 1446, l2tpMax: 1426 },
    { source: 'RFC 4106 §3.2: AES-GCM-16, NAT-T (RFC 3948 §2.1)', esp: 'aes128gcm16', encapsulation: 'udp', ikeOverhead: 64, l2tpOverhead: 84, ikeMax: 1438, l2tpMax: 1418 },
    { source: 'RFC 4303 §2.4: AES-CBC + HMAC-SHA-256-128 (RFC 4868 §2.3), no NAT-T', esp: 'aes128-sha256', encapsulation: 'none', ikeOverhead: 68, l2tpOverhead: 84, ikeMax: 1438, l2tpMax: 1418 },
    { source: 'RFC 4303 §2.4: AES-CBC + HMAC-SHA-256-128 (RFC 4868 §2.3), NAT-T (RFC 3948 §2.1)', esp: 'aes128-sha256', encapsulation: 'udp', ikeOverhead: 76, l2tpOverhead: 92, ikeMax: 1422, l2tpMax: 1402 },
    { source: 'RFC 4303 §2.4: AES-CBC + HMAC-SHA1-96 (RFC 2404), no NAT-T', esp: 'aes128-sha1', encapsulation: 'none', ikeOverhead: 64, l2tpOverhead: 80, ikeMax: 1438, l2tpMax: 1418 },
    { source: 'RFC 4303 §2.4: AES-CBC + HMAC-SHA1-96 (RFC 2404), NAT-T (RFC 3948 §2.1)', esp: 'aes128-sha1', encapsulation: 'udp', ikeOverhead: 72, l2tpOverhead: 88, ikeMax: 1422, l2tpMax: 1402 },
  ] as const)('$source', ({ esp, encapsulation, ikeOverhead, l2tpOverhead, ikeMax, l2tpMax }) => {
    const ike = ikev2(esp, { encapsulation });
    const l2 = l2tp(esp, { encapsulation, ...l2tpWithLength });
    expect(packetSize(ike, 1400).overheadBytes).toBe(ikeOverhead);
    expect(packetSize(l2, 1400).overheadBytes).toBe(l2tpOverhead);
    expect(maxInnerPacket(ike, 1500)).toBe(ikeMax);
    expect(maxInnerPacket(l2, 1500)).toBe(l2tpMax);
  });
});

describe('block quantisation: one more inner byte can cost a whole block', () => {
  it.each([
    { source: 'RFC 3602 §2.4: AES-CBC pads to 16, one more inner byte can cost 16', spec: ikev2('aes256-sha256'), inner: 1422, step: 16 },
    { source: 'RFC 3602 §2.4: L2TP/IPsec AES-CBC, 16-byte step', spec: l2tp('aes256-sha1'), inner: 1404, step: 16 },
    { source: 'RFC 4106 §3.2: GCM pads only to 4, so the step is 4', spec: ikev2('aes256gcm16'), inner: 1438, step: 4 },
    { source: 'RFC 2451 §2.4: 3DES has 8-byte blocks', spec: ikev2('3des-sha1'), inner: 1438, step: 8 },
  ])('$source', ({ spec, inner, step }) => {
    expect(packetSize(spec, inner + 1).outerBytes - packetSize(spec, inner).outerBytes).toBe(step);
  });
});
