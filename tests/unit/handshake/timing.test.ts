import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RFC1661_PPP_SCHEDULE,
  RFC2661_L2TP_SCHEDULE,
  STRONGSWAN_IKE_SCHEDULE,
  XL2TPD_L2TP_SCHEDULE,
  analyzeScenario,
  compareHandshakes,
  giveUpAfterMs,
  scheduleWaitsMs,
} from '../../../src/lib/handshake';
import { simulate, mulberry32 } from '../../../src/lib/handshake/montecarlo';
import { expectedRoundMs, giveUpProbability, roundLaw } from '../../../src/lib/handshake/timing';

describe('retransmission schedules', () => {
  it.each([
    { name: 'strongSwan IKE', schedule: STRONGSWAN_IKE_SCHEDULE, absolute: [4, 11.2, 24.16, 47.488, 89.4784, 165.06112], source: 'strongswan-retransmission: 4, 11, 24, 47, 89 s, giving up at 165 s' },
    { name: 'RFC 2661 L2TP', schedule: RFC2661_L2TP_SCHEDULE, absolute: [1, 3, 7, 15, 23, 31], source: 'RFC 2661 §5.8: 1 s, doubling, capped at 8 s, 5 retransmissions' },
    { name: 'xl2tpd', schedule: XL2TPD_L2TP_SCHEDULE, absolute: [1, 2, 3, 4, 5], source: 'xl2tpd-source: control_xmit(), a fixed 1 s, 5 sends' },
    { name: 'RFC 1661 PPP', schedule: RFC1661_PPP_SCHEDULE, absolute: [3, 6, 9, 12, 15, 18, 21, 24, 27, 30], source: 'RFC 1661 §4.6: Restart 3 s, Max-Configure 10' },
  ])('$name: transmissions time out at $absolute s ($source)', ({ schedule, absolute }) => {
    let elapsed = 0;
    const got = scheduleWaitsMs(schedule).map((wait) => (elapsed += wait) / 1000);
    expect(got).toHaveLength(absolute.length);
    got.forEach((value, i) => expect(value).toBeCloseTo(absolute[i] ?? NaN, 6));
    expect(giveUpAfterMs(schedule) / 1000).toBeCloseTo(absolute[absolute.length - 1] ?? NaN, 6);
  });
});

describe('closed forms', () => {
  it('a round agrees with direct enumeration of the truncated geometric law', () => {
    const law = roundLaw(100, 2, 0.5, STRONGSWAN_IKE_SCHEDULE); // q = 0.25 per attempt
    const q = 0.25;
    const waits = scheduleWaitsMs(STRONGSWAN_IKE_SCHEDULE);
    let pComplete = 0;
    let weighted = 0;
    let elapsed = 0;
    waits.forEach((wait, k) => {
      const p = (1 - q) ** k * q; // success on attempt k + 1
      pComplete += p;
      weighted += p * (elapsed + 100);
      elapsed += wait;
    });
    expect(expectedRoundMs(law)).toBeCloseTo(weighted / pComplete, 6);
    expect(giveUpProbability([law])).toBeCloseTo(0.75 ** 6, 12);
  });

  it('a round that can never succeed stays finite: every attempt equally likely', () => {
    const law = { zeroLossMs: 10, pAttempt: 0, waitsMs: [1000, 2000, 4000] };
    expect(expectedRoundMs(law)).toBeCloseTo(10 + (0 + 1000 + 3000) / 3, 9);
    expect(giveUpProbability([law])).toBe(1);
  });
});

const scenarios = [
  ['ikev2', {}],
  ['ikev2', { ikev2: { auth: 'certificate' } }],
  ['ikev2', { ikev2: { auth: 'eap-mschapv2', cookie: true } }],
  ['ikev2', { ikev2: { auth: 'eap-tls', postQuantum: 'mlkem768', invalidKe: true } }],
  ['ikev2', { event: 'network-change' }],
  ['ikev2', { event: 'network-change', ikev2: { mobike: false } }],
  ['ikev2', { event: 'network-change', ikev2: { returnRoutabilityCheck: true, mobikePathProbe: false } }],
  ['ikev2', { event: 'network-change', detection: { ikev2: 'dpd' } }],
  ['l2tp', {}],
  ['l2tp', { l2tp: { phase1: 'aggressive', pppAuth: 'pap' }, nat: false }],
  ['l2tp', { event: 'network-change', detection: { l2tp: 'lcp-echo' } }],
  ['l2tp', { l2tp: { pppAuth: 'chap' }, timers: { l2tp: XL2TPD_L2TP_SCHEDULE } }],
] as const;
const scenario = fc.constantFrom(...scenarios);
const few = { numRuns: 60 };

function run(choice: (typeof scenarios)[number], extra: Record<string, unknown>) {
  const [protocol, input] = choice;
  return analyzeScenario(protocol, { ...input, ...extra, monteCarlo: { samples: 200, seed: 3 } });
}

describe('properties', () => {
  it('zero loss gives exactly round trips x RTT plus computation and detection', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (choice, rttMs, computeMs) => {
        const { totals, detection, rounds } = run(choice, { rttMs, computeMs, loss: 0 });
        const exact = totals.roundTrips * rttMs + totals.computeMs + detection.meanMs;
        expect(totals.zeroLossMs).toBeCloseTo(exact, 6);
        expect(totals.expectedMs).toBeCloseTo(exact, 6);
        expect(totals.pGiveUp).toBe(0);
        for (const round of rounds) expect(round.zeroLossMs).toBeGreaterThanOrEqual(rttMs - 1e-9);
      }),
      few,
    );
  });

  it('the last critical message arrives at the zero-loss completion time', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 1, max: 1000, noNaN: true }), (choice, rttMs) => {
        const result = run(choice, { rttMs, loss: 0 });
        const last = Math.max(...result.messages.filter((m) => m.round !== null).map((m) => m.arriveMs));
        expect(last).toBeCloseTo(result.totals.zeroLossMs, 6);
        for (const m of result.messages) expect(m.arriveMs - m.sendMs).toBeCloseTo(rttMs / 2, 9);
      }),
      few,
    );
  });

  it('more loss never shortens the expected time and never lowers the give-up probability', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (choice, a, b, rttMs) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lighter = run(choice, { rttMs, loss: low }).totals;
        const heavier = run(choice, { rttMs, loss: high }).totals;
        expect(heavier.expectedMs).toBeGreaterThanOrEqual(lighter.expectedMs - 1e-6);
        expect(heavier.pGiveUp).toBeGreaterThanOrEqual(lighter.pGiveUp - 1e-12);
      }),
      few,
    );
  });

  it('expected time grows with RTT', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), (choice, a, b, loss) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(run(choice, { rttMs: long, loss }).totals.expectedMs).toBeGreaterThanOrEqual(run(choice, { rttMs: short, loss }).totals.expectedMs - 1e-6);
      }),
      few,
    );
  });

  it('give-up probability is 0 without loss and strictly grows with loss', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.01, max: 0.5, noNaN: true }), (choice, loss) => {
        expect(run(choice, { loss: 0 }).totals.pGiveUp).toBe(0);
        const some = run(choice, { loss }).totals.pGiveUp;
        const more = run(choice, { loss: Math.min(0.99, loss * 1.5) }).totals.pGiveUp;
        expect(some).toBeGreaterThan(0);
        expect(more).toBeGreaterThan(some);
      }),
      few,
    );
  });

  it('every number is finite for any valid input', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (choice, rttMs, loss) => {
        const { totals, rounds, messages } = run(choice, { rttMs, loss });
        for (const value of [totals.expectedMs, totals.zeroLossMs, totals.pGiveUp, totals.ipBytes, ...rounds.map((r) => r.expectedMs), ...messages.map((m) => m.sendMs)]) {
          expect(Number.isFinite(value)).toBe(true);
        }
        expect(totals.pGiveUp).toBeGreaterThanOrEqual(0);
        expect(totals.pGiveUp).toBeLessThanOrEqual(1);
      }),
      few,
    );
  });
});

describe('Monte Carlo', () => {
  it('mulberry32 is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const value of seqA) expect(value >= 0 && value < 1).toBe(true);
  });

  it('the same seed gives identical results', () => {
    const input = { loss: 0.1, rttMs: 120, monteCarlo: { samples: 3000, seed: 7 } };
    expect(compareHandshakes(input)).toEqual(compareHandshakes(input));
    const other = compareHandshakes({ ...input, monteCarlo: { samples: 3000, seed: 8 } });
    expect(other.l2tp.monteCarlo.meanMs).not.toBe(compareHandshakes(input).l2tp.monteCarlo.meanMs);
  });

  it.each([
    { protocol: 'ikev2', input: {}, loss: 0.05, case: 'IKEv2 PSK' },
    { protocol: 'ikev2', input: { ikev2: { auth: 'eap-mschapv2' } }, loss: 0.1, case: 'IKEv2 EAP-MSCHAPv2' },
    { protocol: 'l2tp', input: {}, loss: 0.05, case: 'L2TP/IPsec' },
    { protocol: 'l2tp', input: { event: 'network-change', detection: { l2tp: 'lcp-echo' } }, loss: 0.05, case: 'L2TP/IPsec after LCP echo timeout' },
  ] as const)('mean of 20 000 draws agrees with the closed form within 3 % ($case, loss $loss)', ({ protocol, input, loss }) => {
    const result = analyzeScenario(protocol, { ...input, loss, monteCarlo: { samples: 20_000, seed: 11 } });
    expect(result.monteCarlo.meanMs).not.toBeNull();
    const relative = Math.abs((result.monteCarlo.meanMs ?? 0) - result.totals.expectedMs) / result.totals.expectedMs;
    expect(relative).toBeLessThan(0.03);
    expect(Math.abs(result.monteCarlo.pGiveUp - result.totals.pGiveUp)).toBeLessThan(0.01);
  });

  it('percentiles are ordered and never below the loss-free time', () => {
    const result = analyzeScenario('l2tp', { loss: 0.08, monteCarlo: { samples: 5000, seed: 5 } });
    const { p50Ms, p95Ms, zeroLossMs } = result.totals;
    expect(p50Ms).not.toBeNull();
    expect(p50Ms ?? 0).toBeGreaterThanOrEqual(zeroLossMs - 1e-9);
    expect(p95Ms ?? 0).toBeGreaterThanOrEqual(p50Ms ?? Infinity);
  });

  it('counts give-ups: a round that cannot succeed makes every draw give up', () => {
    const result = simulate([{ zeroLossMs: 10, pAttempt: 0, waitsMs: [1, 2] }], 0, 0, 100, 1);
    expect(result.pGiveUp).toBe(1);
    expect(result.p95Ms).toBeNull();
  });
});
