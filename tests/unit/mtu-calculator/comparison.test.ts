// The side-by-side rows and the efficiency chart: the model's numbers for the same path,
// the published IMIX table, and a chart whose every point is exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_STATE,
  comparisonRows,
  efficiencyChart,
  linePath,
  linearScale,
  niceTicks,
  type CalculatorState,
  type Cell,
} from '../../../src/lib/mtu-calculator';
import { SIMPLE_IMIX, compileTunnel, maxInnerPacket, mixEfficiency, mssClamp, packetSize } from '../../../src/lib/overhead';

const state = (changes: Partial<CalculatorState>): CalculatorState => ({ ...DEFAULT_STATE, ...changes });
const value = (cell: Cell): number => {
  if (!cell.ok) throw new Error(cell.reason);
  return cell.value;
};

describe('comparison rows', () => {
  it('compares all four protocols, marking the reader’s own', () => {
    const rows = comparisonRows(state({ proto: 'l2tp' }));
    expect(rows.map((r) => [r.protocol, r.current])).toEqual([['ikev2', false], ['l2tp', true], ['wireguard', false], ['openvpn', false]]);
  });

  it.each([
    { why: 'default path and proposal', s: state({}) },
    { why: 'CBC over IPv6, PPPoE', s: state({ esp: 'aes256-sha1', outer: '6', mtu: '1492', size: '576' }) },
    { why: 'TCP encapsulation, IPv6 inside, L2TP header options', s: state({ encap: 'tcp', inner: '6', l2tplen: '1', acfc: '1' }) },
  ])('shows the model’s numbers for each row: $why', ({ s }) => {
    for (const row of comparisonRows(s)) {
      const spec = row.spec!;
      const mtu = Number(s.mtu);
      expect(value(row.maxInner)).toBe(maxInnerPacket(spec, mtu));
      expect(value(row.mss)).toBe(mssClamp(spec, mtu));
      expect(value(row.overheadBytes)).toBe(packetSize(spec, Number(s.size)).overheadBytes);
      expect(value(row.imixEfficiency)).toBe(mixEfficiency(spec, SIMPLE_IMIX, { pathMtu: mtu }).efficiency);
      if (row.protocol === 'ikev2' || row.protocol === 'l2tp') {
        expect(spec).toMatchObject({ esp: s.esp, encapsulation: s.encap });
      }
    }
  });

  it('uses the reader’s L2TP/PPP options in the L2TP row and TCP for OpenVPN when TCP is chosen', () => {
    const rows = comparisonRows(state({ encap: 'tcp', l2tpseq: '1', pfc: '1' }));
    expect(rows[1]!.spec).toMatchObject({ l2tp: { length: false, sequence: true }, ppp: { acfc: false, pfc: true } });
    expect(rows[3]!.spec).toMatchObject({ encapsulation: 'tcp' });
    expect(rows[2]!.spec).toMatchObject({ encapsulation: 'udp', wireguardMtu: value(rows[2]!.maxInner) });
  });

  it.each([
    // Simple IMIX with the 1500-byte packet clamped to the tunnel MTU, IPv4 outer, PMTU 1500.
    { source: 'RFC 4106 §3.2: IKEv2 NAT-T AES-GCM-16, Simple IMIX clamped: 4022/4788', s: state({}), protocol: 'ikev2', imix: 4022 / 4788 },
    { source: 'RFC 4303 §2.4: IKEv2 NAT-T AES-CBC + SHA2-256, Simple IMIX clamped: 4006/4944', s: state({ esp: 'aes256-sha256' }), protocol: 'ikev2', imix: 4006 / 4944 },
    { source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193) AES-CBC + SHA1-96, Simple IMIX clamped: 3988/5072', s: state({ esp: 'aes128-sha1' }), protocol: 'l2tp', imix: 3988 / 5072 },
    { source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193) AES-GCM-16 (RFC 4106 §3.2), Simple IMIX clamped: 4004/4964', s: state({}), protocol: 'l2tp', imix: 4004 / 4964 },
    { source: 'wireguard-paper §5.4.6: WireGuard (MTU 1440), Simple IMIX clamped: 4024/4800', s: state({}), protocol: 'wireguard', imix: 4024 / 4800 },
    { source: 'openvpn-mtu: OpenVPN 2.6 UDP AES-256-GCM, Simple IMIX clamped: 4032/4656', s: state({}), protocol: 'openvpn', imix: 4032 / 4656 },
  ])('$source', ({ s, protocol, imix }) => {
    const row = comparisonRows(s).find((r) => r.protocol === protocol)!;
    expect(value(row.imixEfficiency)).toBeCloseTo(imix, 12);
  });

  it('blanks only the cells a refusal concerns', () => {
    const badEsp = comparisonRows(state({ esp: 'aes129' }));
    expect(badEsp[0]!.maxInner.ok).toBe(false);
    expect(badEsp[1]!.mss.ok).toBe(false);
    expect(value(badEsp[2]!.maxInner)).toBe(1440);
    expect(value(badEsp[3]!.maxInner)).toBe(1448);
    const bigPacket = comparisonRows(state({ size: '1445' }));
    expect(bigPacket[2]!.overheadBytes).toMatchObject({ ok: false, reason: expect.stringMatching(/WireGuard interface MTU/) });
    expect(value(bigPacket[3]!.overheadBytes)).toBe(52);
    const badMtu = comparisonRows(state({ mtu: 'abc' }));
    expect(badMtu.every((r) => !r.maxInner.ok && !r.mss.ok && !r.imixEfficiency.ok)).toBe(true);
    expect(value(badMtu[0]!.overheadBytes)).toBe(64);
  });
});

describe('efficiency chart', () => {
  it('draws one line per protocol from the inner header to its tunnel MTU', () => {
    const rows = comparisonRows(state({}));
    const chart = efficiencyChart(rows)!;
    expect(chart.lines.map((l) => [l.protocol, l.minSize, l.maxSize])).toEqual(
      rows.map((r) => [r.protocol, 20, value(r.maxInner)]),
    );
    expect(chart.minSize).toBe(20);
    expect(chart.maxSize).toBe(1448);
  });

  it.each([
    { why: 'AES-CBC: 16-byte steps', s: state({ esp: 'aes256-sha256' }) },
    { why: 'AES-GCM over IPv6: 4-byte steps', s: state({ outer: '6', inner: '6' }) },
    { why: '3DES on a jumbo path: 8-byte steps', s: state({ esp: '3des-sha1', mtu: '9000' }) },
  ])('puts exact points on both sides of every padding step ($why)', ({ s }) => {
    const rows = comparisonRows(s);
    for (const line of efficiencyChart(rows)!.lines) {
      const tunnel = compileTunnel(rows.find((r) => r.protocol === line.protocol)!.spec!);
      const sizes = new Set(line.points.map(([size]) => size));
      for (const [size, efficiency] of line.points) expect(efficiency).toBe(size / tunnel.outerBytes(size));
      for (let size = line.minSize; size < line.maxSize; size++) {
        if (tunnel.outerBytes(size + 1) - tunnel.outerBytes(size) > 1) {
          expect(sizes.has(size), `${line.protocol} before the step at ${size}`).toBe(true);
          expect(sizes.has(size + 1), `${line.protocol} after the step at ${size}`).toBe(true);
        }
      }
    }
  });

  it('reads every line at one size, and nothing outside a line’s range', () => {
    const chart = efficiencyChart(comparisonRows(state({})))!;
    const readings = chart.readingsAt(576);
    expect(readings.map((r) => r.value?.outerBytes)).toEqual([640, 656, 636, 628]);
    expect(chart.readingsAt(1440).map((r) => r.value === null)).toEqual([true, true, false, false]);
    expect(chart.readingsAt(19).every((r) => r.value === null)).toBe(true);
    expect(chart.readingsAt(100.5).every((r) => r.value === null)).toBe(true);
  });

  it('offers common sizes and each tunnel MTU for the table', () => {
    const chart = efficiencyChart(comparisonRows(state({})))!;
    expect(chart.tableSizes).toEqual([40, 64, 128, 256, 512, 576, 1024, 1280, 1400, 1420, 1438, 1440, 1448]);
  });

  it('has no lines when the path MTU is unusable', () => {
    expect(efficiencyChart(comparisonRows(state({ mtu: 'abc' })))).toBeNull();
  });
});

describe('plot geometry', () => {
  it.each([
    { max: 1448, count: 8, ticks: [0, 250, 500, 750, 1000, 1250, 1500] },
    { max: 8948, count: 8, ticks: [0, 2000, 4000, 6000, 8000, 10000] },
    { max: 1, count: 6, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { max: 0, count: 6, ticks: [0] },
  ])('niceTicks($max, $count)', ({ max, count, ticks }) => {
    expect(niceTicks(max, count)).toEqual(ticks);
  });

  it('keeps paths inside the plot and at most four points per unit column', () => {
    fc.assert(
      fc.property(fc.constantFrom('aes256gcm16', 'aes256-sha256', '3des-md5'), fc.integer({ min: 576, max: 9000 }), (esp, mtu) => {
        const chart = efficiencyChart(comparisonRows(state({ esp, mtu: String(mtu) })))!;
        const x = linearScale([0, chart.maxSize], [40, 620]);
        const y = linearScale([0, 1], [300, 20]);
        for (const line of chart.lines) {
          const d = linePath(line.points, x, y);
          const coordinates = [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
          expect(d.startsWith('M')).toBe(true);
          expect(coordinates.length).toBeLessThanOrEqual(4 * (620 - 40 + 1));
          for (const [px, py] of coordinates) {
            expect(px).toBeGreaterThanOrEqual(40);
            expect(px).toBeLessThanOrEqual(620);
            expect(py).toBeGreaterThanOrEqual(20);
            expect(py).toBeLessThanOrEqual(300);
          }
          // First and last points are the line's ends.
          expect(coordinates[0]![0]).toBeCloseTo(x(line.minSize), 0);
          expect(coordinates.at(-1)![0]).toBeCloseTo(x(line.maxSize), 0);
        }
      }),
      { numRuns: 12 },
    );
  }, 30_000);
});
