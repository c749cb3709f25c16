// From a calculator state to the numbers on the page: the same as the model's, an error at the
// right field for anything refused, never NaN, and an arithmetic line that adds up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHOICES,
  DEFAULT_STATE,
  computeResult,
  specOf,
  tunnelMtuArithmetic,
  type CalculatorResult,
  type CalculatorState,
} from '../../../src/lib/mtu-calculator';
import { compileTunnel, layerProtection, maxInnerPacket, mssClamp, packetSize, type TunnelSpec } from '../../../src/lib/overhead';

const state = (changes: Partial<CalculatorState>): CalculatorState => ({ ...DEFAULT_STATE, ...changes });

/** True when the state is fully valid: every number can be shown. */
const isComplete = (result: CalculatorResult) => Object.keys(result.errors).length === 0 && result.packet !== null && result.path?.mss != null;

/** The arithmetic line's terms evaluated independently of the model: align·⌊(MTU − before) ÷ align⌋ − after. */
const sum = (terms: readonly { bytes: number }[]) => terms.reduce((total, t) => total + t.bytes, 0);
const evaluateArithmetic = (a: { pathMtu: number; beforeAlign: readonly { bytes: number }[]; align: number; afterAlign: readonly { bytes: number }[] }) =>
  a.align * Math.floor((a.pathMtu - sum(a.beforeAlign)) / a.align) - sum(a.afterAlign);

/** The spec the calculator must compute with: WireGuard's interface MTU follows the path. */
function expectedSpec(s: CalculatorState): TunnelSpec {
  const spec = specOf(s);
  return spec.protocol === 'wireguard' ? { ...spec, wireguardMtu: maxInnerPacket(spec, Number(s.mtu)) } : spec;
}

describe('valid states show the model’s numbers', () => {
  it.each([
    { source: 'RFC 4106 §3.2: default IKEv2 road warrior, AES-GCM-16 NAT-T (1438 / 1398)', s: state({}) },
    { source: 'RFC 4303 §2.4: IKEv2 AES-CBC + SHA2-256 NAT-T (1422)', s: state({ esp: 'aes256-sha256' }) },
    { source: 'RFC 8200 §3: IKEv2 over an IPv6 path, IPv6 inside', s: state({ outer: '6', inner: '6', size: '1280' }) },
    { source: 'RFC 9329 §3: IKEv2 ESP in TCP', s: state({ encap: 'tcp', size: '576' }) },
    { source: 'RFC 4303 §2: IKEv2 plain ESP (protocol 50) on a PPPoE path', s: state({ encap: 'none', mtu: '1492', size: '40' }) },
    { source: 'linux-l2tp-core: L2TP/IPsec from a Linux LNS, L2TP 6, PPP 4 (1404 / 1364)', s: state({ proto: 'l2tp', esp: 'aes256-sha1' }) },
    { source: 'RFC 2661 §3.1: L2TP with L bit and Ns/Nr, 12 bytes (openbsd-npppd-l2tp)', s: state({ proto: 'l2tp', esp: 'aes128-sha1', l2tplen: '1', l2tpseq: '1' }) },
    { source: 'RFC 1661 §6.5: L2TP with PFC, and ACFC (§6.6)', s: state({ proto: 'l2tp', acfc: '1', pfc: '1', size: '100' }) },
    { source: 'RFC 8200 §3: L2TP/IPsec over IPv6 with IPv6 inside, TCP', s: state({ proto: 'l2tp', outer: '6', inner: '6', encap: 'tcp', acfc: '1' }) },
    { source: 'linux-wireguard-device: WireGuard over IPv4 (1440)', s: state({ proto: 'wireguard', size: '100' }) },
    { source: 'wireguard-paper §5.4.6: WireGuard, IPv6 over PPPoE 1492 - 80 (1412)', s: state({ proto: 'wireguard', outer: '6', mtu: '1492', size: '1412' }) },
    { source: 'openvpn-mtu: OpenVPN UDP, AES-256-GCM (1448)', s: state({ proto: 'openvpn' }) },
    { source: 'openvpn-mtu: OpenVPN over TCP adds a 2-byte packet length', s: state({ proto: 'openvpn', encap: 'tcp', inner: '6' }) },
    { source: 'RFC 2451 §2.4: 3DES on a jumbo path', s: state({ esp: '3des-md5', mtu: '9000', size: '8000' }) },
  ])('$source', ({ s }) => {
    const result = computeResult(s);
    const spec = expectedSpec(s);
    const packet = packetSize(spec, Number(s.size));
    expect(result.errors).toEqual({});
    expect(isComplete(result)).toBe(true);
    expect(result.spec).toEqual(spec);
    expect(result.packet).toMatchObject({
      innerBytes: Number(s.size),
      outerBytes: packet.outerBytes,
      overheadBytes: packet.overheadBytes,
      paddingBytes: packet.paddingBytes,
    });
    expect(result.packet?.layers.map((l) => [l.name, l.bytes])).toEqual(packet.layers.map((l) => [l.name, l.bytes]));
    expect(result.path?.maxInner).toBe(maxInnerPacket(spec, Number(s.mtu)));
    expect(result.path?.mss).toBe(mssClamp(spec, Number(s.mtu)));
    expect(result.path?.arithmetic.text).toMatch(new RegExp(`^${result.path?.maxInner} = `));
    expect(result.path?.mssArithmetic).toMatch(new RegExp(`^${result.path?.mss} = ${result.path?.maxInner} tunnel MTU − `));
  });

  // Literal figures, worked out by hand so that a bug shared by specOf and the model cannot pass.
  // ESP (RFC 4303 §2.4): payload + pad + 2 aligned to the cipher block (4 for GCM), after the IPv4
  // header (20, RFC 791), NAT-T UDP (8, RFC 3948 §2.2), ESP header (8) and IV; the ICV follows. MSS = MTU - 40.
  it.each([
    // 1500 - 20 - 8 - 8 - 8 (GCM IV, RFC 4106 §3.1) - 16 (ICV) = 1440, aligned to 4 = 1440, - 2 = 1438.
    { source: 'RFC 4303 §2.4, RFC 4106 §3.1', s: {}, path: { maxInner: 1438, mss: 1398 } },
    // Default packet: 1400 + 2 aligned to 4 = 1404 (2 bytes of pad), + 20 + 8 + 8 + 8 + 16 = 1464.
    { source: 'RFC 4303 §2.4, RFC 4106 §3.1', s: {}, packet: { outerBytes: 1464, overheadBytes: 64, paddingBytes: 2 } },
    // CBC: IV 16 (RFC 3602 §3), ICV 16 (HMAC-SHA-256-128, RFC 4868 §2.3): 1500 - 60 = 1432 -> 1424 in 16-byte blocks, - 2.
    { source: 'RFC 3602 §3, RFC 4868 §2.3', s: { esp: 'aes256-sha256' }, path: { maxInner: 1422, mss: 1382 } },
    // L2TP/IPsec, Linux: ICV 12 (HMAC-SHA1-96, RFC 2404 §3): 1500 - 64 = 1436 -> 1424, - 2 = 1422,
    // - UDP 8 - L2TP 6 (RFC 2661 §3.1, no L or S bit) - PPP 4 (RFC 1662 §3.1 FF 03 + protocol) = 1404.
    { source: 'RFC 2404 §3, RFC 2661 §3.1, RFC 1662 §3.1', s: { proto: 'l2tp', esp: 'aes256-sha1' }, path: { maxInner: 1404, mss: 1364 } },
    // WireGuard: IPv4 20 + UDP 8 + header 16 + Poly1305 tag 16 (WireGuard whitepaper §5.4.6) = 60: 1440.
    { source: 'wireguard-paper §5.4.6', s: { proto: 'wireguard' }, path: { maxInner: 1440, mss: 1400 } },
    // Over IPv6 (40) and PPPoE 1492: 1492 - 40 - 8 - 32 = 1412.
    { source: 'RFC 8200 §3, RFC 2516 §7', s: { proto: 'wireguard', outer: '6', mtu: '1492' }, path: { maxInner: 1412 } },
    // OpenVPN AEAD data channel v2: opcode/peer-id 4 + packet id 4 + tag 16 (openvpn src/openvpn/crypto.c): 1500 - 28 - 24.
    { source: 'openvpn-mtu: AEAD packet format', s: { proto: 'openvpn' }, path: { maxInner: 1448, mss: 1408 } },
  ] as { source: string; s: Partial<CalculatorState>; path?: object; packet?: object }[])('literal figures: $source, $s', ({ s, path, packet }) => {
    const result = computeResult(state(s));
    if (path) expect(result.path).toMatchObject(path);
    if (packet) expect(result.packet).toMatchObject(packet);
  });

  it('marks each layer encrypted and authenticated as the model says', () => {
    for (const s of [state({}), state({ proto: 'l2tp' }), state({ esp: 'null-sha256' }), state({ proto: 'openvpn' }), state({ proto: 'wireguard', size: '64' })]) {
      const result = computeResult(s);
      const protection = layerProtection(result.spec!);
      for (const layer of result.packet!.layers) {
        expect(layer.encrypted, layer.name).toBe(protection.encrypted.includes(layer.name));
        expect(layer.authenticated, layer.name).toBe(protection.authenticated.includes(layer.name));
      }
    }
  });

  it('classifies the ICV as the tag and the outer headers as clear', () => {
    const layers = computeResult(state({})).packet!.layers;
    expect(layers.map((l) => l.protection)).toEqual(['clear', 'clear', 'authenticated', 'authenticated', 'encrypted', 'encrypted', 'encrypted', 'tag']);
  });

  it('notes an outer packet larger than the path MTU (1500 inner through IKEv2 GCM → 1564)', () => {
    const result = computeResult(state({ size: '1500' }));
    expect(result.errors).toEqual({});
    expect(result.packet?.outerBytes).toBe(1564);
    expect(result.notes.join(' ')).toMatch(/1564-byte outer packet is larger than the 1500-byte path MTU.*1438/);
    expect(computeResult(state({ size: '1438' })).notes).toEqual([]);
  });
});

describe('refused input shows a message at its field', () => {
  it.each([
    { why: 'mtu=abc is not a number', s: state({ mtu: 'abc' }), field: 'mtu', message: /path MTU “abc” is not a number/ },
    { why: 'an empty MTU', s: state({ mtu: '  ' }), field: 'mtu', message: /Enter the path MTU/ },
    { why: 'a path MTU too small for the tunnel', s: state({ mtu: '60' }), field: 'mtu', message: /cannot carry even a header-only/ },
    { why: 'a path MTU above 65535', s: state({ mtu: '70000' }), field: 'mtu', message: /from 1 to 65535; you entered 70000/ },
    { why: 'size=-5', s: state({ size: '-5' }), field: 'size', message: /from 20 to 65535; you entered -5/ },
    { why: 'size=1.5', s: state({ size: '1.5' }), field: 'size', message: /whole number.*you entered 1\.5/ },
    { why: 'size 30 with IPv6 inside (smaller than its header)', s: state({ inner: '6', size: '30' }), field: 'size', message: /from 40 to/ },
    { why: 'esp=aes129, with a suggestion', s: state({ esp: 'aes129' }), field: 'esp', message: /Unknown ESP token 'aes129'.*Did you mean/ },
    { why: 'an AEAD with an integrity algorithm', s: state({ esp: 'aes256gcm16-sha256' }), field: 'esp', message: /cannot be combined/ },
    { why: 'OpenVPN without UDP or TCP', s: state({ proto: 'openvpn', encap: 'none' }), field: 'encap', message: /encapsulation for openvpn/ },
    { why: 'WireGuard over TCP', s: state({ proto: 'wireguard', encap: 'tcp' }), field: 'encap', message: /WireGuard runs over UDP only/ },
    { why: 'a WireGuard packet above its interface MTU', s: state({ proto: 'wireguard', size: '1450' }), field: 'size', message: /larger than the WireGuard interface MTU.*tunnel MTU for your path, 1440/ },
  ])('$why', ({ s, field, message }) => {
    const result = computeResult(s);
    expect(Object.keys(result.errors)).toContain(field);
    expect(result.errors[field as keyof typeof result.errors]).toMatch(message);
    expect(isComplete(result)).toBe(false);
  });

  it('keeps what it can compute: a bad size still gives the tunnel MTU, a bad MTU still gives the packet', () => {
    const badSize = computeResult(state({ size: 'x' }));
    expect(badSize.packet).toBeNull();
    expect(badSize.path?.maxInner).toBe(1438);
    const badMtu = computeResult(state({ mtu: 'x' }));
    expect(badMtu.path).toBeNull();
    expect(badMtu.packet?.outerBytes).toBe(1464);
  });

  it('reports every refused field at once', () => {
    const result = computeResult(state({ esp: 'aes129', mtu: 'abc', size: '' }));
    expect(Object.keys(result.errors).sort()).toEqual(['esp', 'mtu', 'size']);
    expect(result.spec).toBeNull();
  });

  it('ignores the ESP proposal and L2TP fields where the protocol does not use them', () => {
    const result = computeResult(state({ proto: 'openvpn', esp: 'garbage', l2tplen: '1' }));
    expect(result.errors).toEqual({});
  });
});

const arbitraryState: fc.Arbitrary<CalculatorState> = fc.record({
  proto: fc.constantFrom(...CHOICES.proto),
  outer: fc.constantFrom(...CHOICES.outer),
  inner: fc.constantFrom(...CHOICES.inner),
  esp: fc.oneof(
    fc.constantFrom('aes256gcm16', 'aes128-sha1', 'aes256-sha512', '3des-md5', 'null-sha256', 'chacha20poly1305', 'aes128gmac', 'aes128ctr-sha256'),
    fc.string({ maxLength: 30 }),
  ),
  encap: fc.constantFrom(...CHOICES.encap),
  mtu: fc.oneof(fc.integer({ min: -10, max: 70_000 }).map(String), fc.string({ maxLength: 12 })),
  size: fc.oneof(fc.integer({ min: -10, max: 70_000 }).map(String), fc.string({ maxLength: 12 })),
  l2tplen: fc.constantFrom('0' as const, '1' as const),
  l2tpseq: fc.constantFrom('0' as const, '1' as const),
  acfc: fc.constantFrom('0' as const, '1' as const),
  pfc: fc.constantFrom('0' as const, '1' as const),
});

/** Calls visit on every value reachable from root (objects and arrays included). */
function walk(root: unknown, visit: (value: unknown) => void): void {
  visit(root);
  if (typeof root === 'object' && root !== null) for (const child of Object.values(root)) walk(child, visit);
}

describe('invariants over any state', () => {
  it('never throws, never yields NaN, and every number is a whole number', () => {
    fc.assert(
      fc.property(arbitraryState, (s) => {
        const result = computeResult(s);
        // Every number anywhere in the result is finite; no text says NaN or undefined.
        walk(result, (value) => {
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          if (typeof value === 'string') expect(value).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
        });
        const numbers = [result.packet?.outerBytes, result.packet?.overheadBytes, result.packet?.paddingBytes, result.path?.maxInner, result.path?.mss];
        for (const n of numbers) if (n != null) expect(Number.isInteger(n) && n >= 0).toBe(true);
        for (const message of Object.values(result.errors)) expect(message).not.toMatch(/\bNaN\b/);
        // Either complete, or at least one field says what is wrong.
        expect(isComplete(result) || Object.keys(result.errors).length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('explains the tunnel MTU with terms that evaluate to the model’s answer', () => {
    const valid = fc.record({
      proto: fc.constantFrom(...CHOICES.proto),
      outer: fc.constantFrom(4 as const, 6 as const),
      inner: fc.constantFrom(4 as const, 6 as const),
      esp: fc.constantFrom('aes256gcm16', 'aes128-sha1', 'aes256-sha512', '3des-md5', 'null-sha256', 'aes128gcm8', 'aes128gmac'),
      encap: fc.constantFrom('none' as const, 'udp' as const, 'tcp' as const),
      l2tp: fc.record({ length: fc.boolean(), sequence: fc.boolean() }),
      ppp: fc.record({ acfc: fc.boolean(), pfc: fc.boolean() }),
      mtu: fc.integer({ min: 200, max: 65_535 }),
    });
    fc.assert(
      fc.property(valid, ({ proto, outer, inner, esp, encap, l2tp, ppp, mtu }) => {
        const encapsulation = proto === 'wireguard' ? 'udp' : proto === 'openvpn' && encap === 'none' ? 'udp' : encap;
        const spec: TunnelSpec = { protocol: proto, outer, inner, esp, encapsulation, l2tp, ppp };
        const tunnel = compileTunnel(spec);
        const maxInner = tunnel.maxInnerPacket(mtu);
        const arithmetic = tunnelMtuArithmetic(tunnel, mtu, maxInner);
        expect(evaluateArithmetic(arithmetic)).toBe(maxInner);
        // Every number in the text is one of the terms, the path MTU, the alignment or the result.
        const terms = [...arithmetic.beforeAlign, ...arithmetic.afterAlign];
        expect(arithmetic.text).toBe(
          arithmetic.align === 1
            ? `${maxInner} = ${mtu} path MTU${terms.map((t) => ` − ${t.bytes} ${t.label}`).join('')}`
            : `${maxInner} = ${arithmetic.align} × ⌊(${mtu} path MTU${arithmetic.beforeAlign.map((t) => ` − ${t.bytes} ${t.label}`).join('')}) ÷ ${arithmetic.align}⌋${arithmetic.afterAlign.map((t) => ` − ${t.bytes} ${t.label}`).join('')}`,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads the default as the RFC 4303 §2.4 formula: 4 × ⌊(1500 − 20 − 8 − 8 − 8 − 16) ÷ 4⌋ − 2', () => {
    expect(computeResult(DEFAULT_STATE).path?.arithmetic.text).toBe(
      '1438 = 4 × ⌊(1500 path MTU − 20 IPv4 header − 8 UDP (NAT-T) − 8 ESP header − 8 IV − 16 ICV) ÷ 4⌋ − 2 pad length + next header',
    );
    expect(computeResult(state({ proto: 'l2tp', esp: 'aes256-sha1' })).path?.arithmetic.text).toBe(
      '1404 = 16 × ⌊(1500 path MTU − 20 IPv4 header − 8 UDP (NAT-T) − 8 ESP header − 16 IV − 12 ICV) ÷ 16⌋ − 8 UDP 1701 − 6 L2TP − 4 PPP − 2 pad length + next header',
    );
    expect(computeResult(state({ proto: 'wireguard' })).path?.arithmetic.text).toBe(
      '1440 = 1500 path MTU − 20 IPv4 header − 8 UDP − 16 WireGuard header − 16 Poly1305 tag',
    );
    expect(computeResult(state({ inner: '6' })).path?.mssArithmetic).toBe('1378 = 1438 tunnel MTU − 40 IPv6 header − 20 TCP header');
  });
});
