// Invariants over random valid specs (fast-check), and random invalid input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CIPHERS,
  INTEGRITY_ALGORITHMS,
  LAYER_NAMES,
  ModelError,
  compileTunnel,
  maxInnerPacket,
  mssClamp,
  overheadRange,
  packetSize,
  type TunnelSpec,
} from '../../../src/lib/overhead';

const family = fc.constantFrom(4 as const, 6 as const);
const zeroCostToken = fc.constantFrom('modp2048', 'ecp384', 'x25519', 'ke1_mlkem768', 'esn', 'noesn', 'prfsha256');
const proposal = fc
  .tuple(fc.constantFrom(...CIPHERS), fc.constantFrom(...INTEGRITY_ALGORITHMS), fc.array(zeroCostToken, { maxLength: 2 }))
  .map(([cipher, integrity, extra]) => {
    const combined = cipher.kind === 'aead' || cipher.kind === 'gmac';
    return [cipher.keyword, ...(combined ? [] : [integrity.keyword]), ...extra].join('-');
  });
const tcpOptions = fc.integer({ min: 0, max: 10 }).map((words) => words * 4);

const espSpec: fc.Arbitrary<TunnelSpec> = fc.record({
  protocol: fc.constantFrom('ikev2' as const, 'l2tp' as const),
  outer: family,
  inner: family,
  esp: proposal,
  encapsulation: fc.constantFrom('none' as const, 'udp' as const, 'tcp' as const),
  tcpOptionBytes: tcpOptions,
  l2tp: fc.record({ length: fc.boolean(), sequence: fc.boolean() }),
  ppp: fc.record({ acfc: fc.boolean(), pfc: fc.boolean() }),
});
const wireguardSpec: fc.Arbitrary<TunnelSpec> = fc.record({
  protocol: fc.constant('wireguard' as const),
  outer: family,
  inner: family,
  wireguardMtu: fc.integer({ min: 40, max: 9000 }),
});
const openvpnSpec: fc.Arbitrary<TunnelSpec> = fc.record({
  protocol: fc.constant('openvpn' as const),
  outer: family,
  inner: family,
  encapsulation: fc.constantFrom('udp' as const, 'tcp' as const),
  tcpOptionBytes: tcpOptions,
});
const validSpec = fc.oneof(espSpec, espSpec, wireguardSpec, openvpnSpec);

const headerOf = (spec: TunnelSpec) => (spec.inner === 4 ? 20 : 40);
/** For WireGuard, the interface MTU is set to the size under test (what maxInnerPacket recommends). */
const configuredFor = (spec: TunnelSpec, inner: number): TunnelSpec =>
  spec.protocol === 'wireguard' ? { ...spec, wireguardMtu: inner } : spec;

/** A valid inner size for the spec, from its header to its cap. */
const specWithInner = validSpec.chain((spec) => {
  const cap = spec.protocol === 'wireguard' ? (spec.wireguardMtu ?? 1420) : 65_000;
  return fc.tuple(fc.constant(spec), fc.integer({ min: headerOf(spec), max: Math.max(headerOf(spec), cap - 1) }));
});

describe('maxInnerPacket is exact', () => {
  it('the result fits the path MTU and one byte more does not (WireGuard: MTU set to the result)', () => {
    fc.assert(
      fc.property(validSpec, fc.integer({ min: 1, max: 65_535 }), (spec, pathMtu) => {
        let max: number;
        try {
          max = maxInnerPacket(spec, pathMtu);
        } catch (error) {
          expect(error).toBeInstanceOf(ModelError);
          expect((error as ModelError).field).toBe('pathMtu');
          // Refused only when even a header-only packet does not fit.
          expect(packetSize(configuredFor(spec, headerOf(spec)), headerOf(spec)).outerBytes).toBeGreaterThan(pathMtu);
          return;
        }
        expect(Number.isInteger(max)).toBe(true);
        expect(max).toBeGreaterThanOrEqual(headerOf(spec));
        expect(packetSize(configuredFor(spec, max), max).outerBytes).toBeLessThanOrEqual(pathMtu);
        try {
          expect(packetSize(configuredFor(spec, max + 1), max + 1).outerBytes).toBeGreaterThan(pathMtu);
        } catch (error) {
          // One more byte may also overflow 65535 or the outer length field: refused, which is "does not fit".
          expect(error).toBeInstanceOf(ModelError);
          expect(['innerBytes', 'wireguardMtu']).toContain((error as ModelError).field);
        }
        const mssHeaders = spec.inner === 4 ? 40 : 60;
        if (max - mssHeaders >= 1) expect(mssClamp(spec, pathMtu)).toBe(max - mssHeaders);
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the brute-force largest fitting size for small path MTUs', () => {
    fc.assert(
      fc.property(validSpec, fc.integer({ min: 40, max: 700 }), (spec, pathMtu) => {
        let bruteForce = 0;
        for (let inner = headerOf(spec); inner <= pathMtu; inner++) {
          if (packetSize(configuredFor(spec, inner), inner).outerBytes <= pathMtu) bruteForce = inner;
        }
        if (bruteForce === 0) {
          expect(() => maxInnerPacket(spec, pathMtu)).toThrow(ModelError);
        } else {
          expect(maxInnerPacket(spec, pathMtu)).toBe(bruteForce);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('packetSize invariants', () => {
  it('layers sum to outerBytes; overhead = outer - inner; padding within [0, B-1]; names are stable', () => {
    fc.assert(
      fc.property(specWithInner, ([spec, inner]) => {
        const size = packetSize(spec, inner);
        const range = overheadRange(spec);
        expect(size.layers.reduce((sum, layer) => sum + layer.bytes, 0)).toBe(size.outerBytes);
        expect(size.overheadBytes).toBe(size.outerBytes - inner);
        expect(size.paddingBytes).toBeGreaterThanOrEqual(0);
        expect(size.paddingBytes).toBeLessThanOrEqual(range.maxPaddingBytes);
        expect(size.overheadBytes).toBe(range.minOverheadBytes + size.paddingBytes);
        expect(size.layers.filter((l) => l.name === 'Inner packet')).toEqual([{ name: 'Inner packet', bytes: inner }]);
        expect(size.layers[0]?.name).toBe(spec.outer === 4 ? 'Outer IPv4 header' : 'Outer IPv6 header');
        for (const layer of size.layers) {
          expect(LAYER_NAMES).toContain(layer.name);
          expect(Number.isInteger(layer.bytes) && layer.bytes > 0).toBe(true);
        }
        const padding = size.layers.find((l) => l.name === 'ESP padding' || l.name === 'WireGuard padding');
        expect(padding?.bytes ?? 0).toBe(size.paddingBytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('ESP padding makes pad length + next header end on the block (RFC 4303 §2.4)', () => {
    fc.assert(
      fc.property(specWithInner, ([spec, inner]) => {
        if (spec.protocol !== 'ikev2' && spec.protocol !== 'l2tp') return;
        const tunnel = compileTunnel(spec);
        const esp = tunnel.spec.esp!;
        const layers = packetSize(spec, inner).layers;
        const ciphertext = layers
          .filter((l) => ['UDP (L2TP, port 1701)', 'L2TP header', 'PPP header', 'Inner packet', 'ESP padding', 'ESP pad length + next header'].includes(l.name))
          .reduce((sum, l) => sum + l.bytes, 0);
        expect(ciphertext % esp.alignBytes).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('outerBytes never decreases as the inner packet grows', () => {
    fc.assert(
      fc.property(specWithInner, ([spec, inner]) => {
        const tunnel = compileTunnel(spec);
        const next = inner + 1;
        if (next > tunnel.maxInnerBytes) return;
        expect(tunnel.outerBytes(next)).toBeGreaterThanOrEqual(tunnel.outerBytes(inner));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('random invalid input', () => {
  const garbage = fc.oneof(
    fc.string(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 1e308, 65_536, 0.5),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.object(),
    fc.bigInt(),
  );

  it('anything as spec or size: a ModelError or a sane result, never another exception', () => {
    const anySpec = fc.oneof(
      garbage,
      fc.record(
        {
          protocol: fc.oneof(fc.constantFrom('ikev2', 'l2tp', 'wireguard', 'openvpn'), garbage),
          outer: fc.oneof(family, garbage),
          inner: fc.oneof(family, garbage),
          esp: fc.oneof(proposal, garbage),
          encapsulation: fc.oneof(fc.constantFrom('none', 'udp', 'tcp'), garbage),
          tcpOptionBytes: fc.oneof(tcpOptions, garbage),
          l2tp: fc.oneof(fc.record({ length: fc.oneof(fc.boolean(), garbage), sequence: fc.boolean() }), garbage),
          ppp: fc.oneof(fc.record({ acfc: fc.boolean(), pfc: fc.oneof(fc.boolean(), garbage) }), garbage),
          wireguardMtu: fc.oneof(fc.integer({ min: 40, max: 9000 }), garbage),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(anySpec, fc.oneof(fc.integer({ min: 20, max: 2000 }), garbage), (spec, size) => {
        for (const run of [
          () => packetSize(spec as TunnelSpec, size as number).outerBytes,
          () => maxInnerPacket(spec as TunnelSpec, size as number),
          () => mssClamp(spec as TunnelSpec, size as number),
        ]) {
          try {
            const result = run();
            expect(Number.isInteger(result) && result > 0).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ModelError);
            expect((error as ModelError).field.length).toBeGreaterThan(0);
            expect((error as ModelError).message.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  /** Numbers and non-numbers that are never a valid whole byte count in range. */
  const invalidSize = fc.oneof(
    fc.double({ noInteger: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.integer({ max: 0 }),
    fc.integer({ min: 65_536 }),
    fc.string(),
    fc.constant(null),
  );

  it('invalid sizes are refused with the field that holds them', () => {
    fc.assert(
      fc.property(validSpec, invalidSize, (spec, value) => {
        expect(() => packetSize(spec, value as number)).toThrow(ModelError);
        try {
          packetSize(spec, value as number);
        } catch (error) {
          expect((error as ModelError).field).toBe('innerBytes');
        }
        try {
          maxInnerPacket(spec, value as number);
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(ModelError);
          expect((error as ModelError).field).toBe('pathMtu');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('invalid enums, proposals, flags and options are refused with their field', () => {
    const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object());
    const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.boolean()));
    // Each corruption: the fields to overwrite, and the field the error must name.
    const corruption: fc.Arbitrary<readonly [Partial<Record<string, unknown>>, string]> = fc.oneof(
      fc.oneof(fc.string().filter((s) => !['ikev2', 'l2tp', 'wireguard', 'openvpn'].includes(s)), fc.integer(), fc.constant(null))
        .map((v) => [{ protocol: v }, 'protocol'] as const),
      fc.oneof(fc.integer().filter((n) => n !== 4 && n !== 6), fc.constantFrom('4', '6', null, Number.NaN))
        .map((v) => [{ outer: v }, 'outer'] as const),
      fc.oneof(fc.integer().filter((n) => n !== 4 && n !== 6), fc.constantFrom('4', 'v6', null))
        .map((v) => [{ inner: v }, 'inner'] as const),
      // No strongSwan keyword starts with 'zz', so these are never a valid proposal.
      fc.string().map((s) => [{ esp: `zz${s}` }, 'esp'] as const),
      fc.string().filter((s) => !['none', 'udp', 'tcp'].includes(s)).map((v) => [{ encapsulation: v }, 'encapsulation'] as const),
      fc.oneof(fc.integer({ min: 41 }), fc.integer({ max: -1 }), fc.integer({ min: 0, max: 40 }).filter((n) => n % 4 !== 0), fc.double({ noInteger: true }))
        .map((v) => [{ encapsulation: 'tcp', tcpOptionBytes: v }, 'tcpOptionBytes'] as const),
      notObject.map((v) => [{ protocol: 'l2tp', l2tp: v }, 'l2tp'] as const),
      notBoolean.map((v) => [{ protocol: 'l2tp', l2tp: { length: v } }, 'l2tp.length'] as const),
      notBoolean.map((v) => [{ protocol: 'l2tp', l2tp: { sequence: v } }, 'l2tp.sequence'] as const),
      notObject.map((v) => [{ protocol: 'l2tp', ppp: v }, 'ppp'] as const),
      notBoolean.map((v) => [{ protocol: 'l2tp', ppp: { acfc: v } }, 'ppp.acfc'] as const),
      notBoolean.map((v) => [{ protocol: 'l2tp', ppp: { pfc: v } }, 'ppp.pfc'] as const),
    );
    fc.assert(
      fc.property(espSpec, corruption, (spec, [patch, field]) => {
        const corrupted = { ...spec, ...patch } as TunnelSpec;
        try {
          packetSize(corrupted, 100);
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(ModelError);
          expect((error as ModelError).field).toBe(field);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('invalid WireGuard MTUs are refused with their field', () => {
    const invalidMtu = fc.oneof(fc.integer({ max: 19 }), fc.integer({ min: 65_536 }), fc.double({ noInteger: true }), fc.constantFrom(Number.NaN, '1420', null));
    fc.assert(
      fc.property(wireguardSpec, invalidMtu, (spec, wireguardMtu) => {
        try {
          maxInnerPacket({ ...spec, wireguardMtu: wireguardMtu as number }, 1500);
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(ModelError);
          expect((error as ModelError).field).toBe('wireguardMtu');
        }
      }),
      { numRuns: 500 },
    );
  });
});
