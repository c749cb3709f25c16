// The shared time axis: linear where something happens, long quiet stretches cut out and
// labelled, round ticks, one scale for both protocols.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BREAK_RATIO,
  DEFAULT_TIMELINE_STATE,
  busyStretches,
  gapsToCut,
  runTimeline,
  timelineDiagram,
  yAt,
  type TimelineState,
} from '../../../src/lib/timeline';
import { validState } from './arbitraries';

function diagramOf(changes: Partial<TimelineState>) {
  const run = runTimeline({ ...DEFAULT_TIMELINE_STATE, ...changes });
  if (!run.ok) throw new Error(JSON.stringify(run.errors));
  return { diagram: timelineDiagram(run.comparison), comparison: run.comparison };
}

describe('busy stretches and cuts', () => {
  it('merges overlapping intervals and starts at time 0', () => {
    expect(busyStretches([{ startMs: 100, endMs: 125 }, { startMs: 120, endMs: 200 }, { startMs: 300, endMs: 300 }])).toEqual([
      { startMs: 0, endMs: 0 },
      { startMs: 100, endMs: 200 },
      { startMs: 300, endMs: 300 },
    ]);
  });

  it.each([
    { name: 'address events: 100 ms before both handshakes', stretches: [[0, 0], [100, 661]], cuts: [] },
    { name: 'LCP echo timeout on the L2TP side', stretches: [[0, 0], [100, 200], [135_000, 135_561]], cuts: [[200, 135_000]] },
    { name: 'DPD and LCP: both waits dwarf the handshakes', stretches: [[0, 0], [135_000, 135_561], [180_061, 180_172]], cuts: [[0, 135_000], [135_561, 180_061]] },
    { name: 'zero RTT: computation gaps of 5.5 ms stay (below MIN_BREAK_MS)', stretches: [[0, 0], [5.5, 5.5], [11, 11]], cuts: [] },
    { name: 'a 1.2 s wait before a 100 ms handshake', stretches: [[0, 0], [1200, 1300]], cuts: [[0, 1200]] },
    { name: 'a wait of only BREAK_RATIO times the handshake stays', stretches: [[0, 0], [4000, 5000]], cuts: [] },
  ])('$name', ({ stretches, cuts }) => {
    const intervals = stretches.map(([startMs = 0, endMs = 0]) => ({ startMs, endMs }));
    expect(gapsToCut(intervals).map((g) => [g.startMs, g.endMs])).toEqual(cuts);
  });
});

describe('scale choice for real scenarios', () => {
  it.each([
    { name: 'connect, defaults', changes: {}, scale: 'linear', breaks: [] },
    { name: 'network change, both notice the address', changes: { event: 'change' }, scale: 'linear', breaks: [] },
    { name: 'network change, L2TP waits for LCP echoes', changes: { event: 'change', l2detect: 'lcp' }, scale: 'broken', breaks: [/^2 min 15 s cut from the axis$/] },
    { name: 'network change, DPD and LCP', changes: { event: 'change', detect: 'dpd', l2detect: 'lcp' }, scale: 'broken', breaks: [/^2 min 15 s/, /^44.5 s/] },
    { name: 'connect over a 10 s RTT', changes: { rtt: '10000' }, scale: 'linear', breaks: [] },
  ] as const)('$name: $scale', ({ changes, scale, breaks }) => {
    const { diagram } = diagramOf(changes);
    expect(diagram.axis.scale).toBe(scale);
    expect(diagram.breaks.map((b) => b.text)).toEqual(breaks.map((b) => expect.stringMatching(b)));
  });

  it('connect at 50 ms: ticks every 50 ms from 0 to 600 ms, in ms', () => {
    const { axis } = diagramOf({}).diagram;
    expect(axis.unit).toBe('ms');
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '50', '100', '150', '200', '250', '300', '350', '400', '450', '500', '550', '600']);
  });

  it('a cut axis resumes on a round tick, in seconds', () => {
    const { axis } = diagramOf({ event: 'change', l2detect: 'lcp' }).diagram;
    expect(axis.unit).toBe('s');
    const afterBreak = axis.ticks.filter((t) => t.ms > 1000).map((t) => t.label);
    expect(afterBreak[0]).toBe('135.00');
  });
});

describe('axis invariants for any valid state', () => {
  it('is monotonic, linear at one scale inside each piece, and never cuts through a message', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const run = runTimeline(state);
        if (!run.ok) return;
        const { axis } = timelineDiagram(run.comparison);
        const linear = axis.pieces.filter((p) => p.kind === 'linear');
        for (const piece of linear) {
          expect(piece.y1 - piece.y0).toBeCloseTo((piece.endMs - piece.startMs) * axis.pxPerMs, 6);
        }
        for (let i = 1; i < axis.pieces.length; i += 1) {
          expect(axis.pieces[i]!.y0).toBeCloseTo(axis.pieces[i - 1]!.y1, 9);
          expect(axis.pieces[i]!.startMs).toBeGreaterThanOrEqual(axis.pieces[i - 1]!.endMs);
        }
        const cuts = axis.pieces.filter((p) => p.kind === 'break');
        for (const m of [...run.comparison.ikev2.messages, ...run.comparison.l2tp.messages]) {
          for (const cut of cuts) expect(m.sendMs >= cut.endMs || m.arriveMs <= cut.startMs).toBe(true);
          expect(yAt(axis.pieces, m.arriveMs)).toBeGreaterThanOrEqual(yAt(axis.pieces, m.sendMs));
        }
        // Every cut is long: more than BREAK_RATIO times what stays linear.
        const linearMs = linear.reduce((sum, p) => sum + p.endMs - p.startMs, 0);
        for (const cut of cuts) expect(cut.endMs - cut.startMs).toBeGreaterThan(BREAK_RATIO * linearMs * 0.5);
        // Ticks: increasing, distinct labels, inside the drawn range.
        for (let i = 1; i < axis.ticks.length; i += 1) {
          expect(axis.ticks[i]!.y).toBeGreaterThan(axis.ticks[i - 1]!.y);
          expect(axis.ticks[i]!.label).not.toBe(axis.ticks[i - 1]!.label);
        }
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        for (const tick of axis.ticks) expect(tick.y).toBeLessThanOrEqual(axis.bottom + 1e-9);
      }),
      { numRuns: 150 },
    );
  });
});
