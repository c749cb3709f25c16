import type { RoundLaw } from './timing';

/** mulberry32: a small 32-bit PRNG, deterministic for a given seed (public-domain algorithm by
 *  Tommy Ettinger). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MonteCarloResult {
  samples: number;
  seed: number;
  completed: number;
  pGiveUp: number;
  meanMs: number | null; // of completed attempts
  p50Ms: number | null;
  p95Ms: number | null;
}

/**
 * Draws whole handshakes: per round the number of attempts K by inverting the geometric law
 * (K = 1 + floor(ln U / ln(1 - q))), giving up when K exceeds the round's transmissions; the
 * detection delay is uniform on [detectionMinMs, detectionMaxMs].
 */
export function simulate(
  rounds: readonly RoundLaw[],
  detectionMinMs: number,
  detectionMaxMs: number,
  samples: number,
  seed: number,
): MonteCarloResult {
  const random = mulberry32(seed);
  const elapsedBefore = rounds.map((round) => {
    const sums = [0];
    for (const wait of round.waitsMs) sums.push((sums[sums.length - 1] ?? 0) + wait);
    return sums;
  });
  const logFail = rounds.map((round) => Math.log1p(-round.pAttempt));
  const times = new Float64Array(samples);
  let completed = 0;
  for (let s = 0; s < samples; s += 1) {
    let total = detectionMinMs + (detectionMaxMs - detectionMinMs) * random();
    let gaveUp = false;
    for (let r = 0; r < rounds.length; r += 1) {
      const round = rounds[r];
      const sums = elapsedBefore[r];
      const lf = logFail[r];
      if (round === undefined || sums === undefined || lf === undefined) throw new Error('round tables out of step');
      // lf = ln(1 - q): -Infinity when nothing is lost, 0 when nothing gets through
      let attempt: number;
      if (round.pAttempt >= 1) attempt = 1;
      else if (lf === 0) attempt = Number.POSITIVE_INFINITY;
      else attempt = 1 + Math.floor(Math.log(1 - random()) / lf);
      if (attempt > round.waitsMs.length) {
        gaveUp = true;
        break;
      }
      total += (sums[attempt - 1] ?? 0) + round.zeroLossMs;
    }
    if (!gaveUp) {
      times[completed] = total;
      completed += 1;
    }
  }
  const done = times.subarray(0, completed).sort();
  const percentile = (p: number): number | null =>
    completed === 0 ? null : (done[Math.min(completed - 1, Math.ceil(p * completed) - 1)] ?? null);
  let sum = 0;
  for (const value of done) sum += value;
  return {
    samples,
    seed,
    completed,
    pGiveUp: (samples - completed) / samples,
    meanMs: completed === 0 ? null : sum / completed,
    p50Ms: percentile(0.5),
    p95Ms: percentile(0.95),
  };
}
