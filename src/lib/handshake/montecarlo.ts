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
 * Draws whole handshakes by inverse-CDF sampling: per round one uniform U picks the attempt that
 * succeeds, the first k with U < 1 - (1 - q)^k, and the handshake gives up when there is none
 * within the round's transmissions; the detection delay is uniform on [detectionMinMs,
 * detectionMaxMs]. The per-round tables are flat typed arrays so a redraw on every input change
 * stays cheap.
 */
export function simulate(
  rounds: readonly RoundLaw[],
  detectionMinMs: number,
  detectionMaxMs: number,
  samples: number,
  seed: number,
): MonteCarloResult {
  const random = mulberry32(seed);
  const offsets = new Int32Array(rounds.length + 1);
  rounds.forEach((round, r) => (offsets[r + 1] = (offsets[r] ?? 0) + round.waitsMs.length));
  const size = offsets[rounds.length] ?? 0;
  const reached = new Float64Array(size); // P(success by attempt k)
  const startMs = new Float64Array(size); // zeroLoss + waits before attempt k
  rounds.forEach((round, r) => {
    let fail = 1;
    let elapsed = 0;
    round.waitsMs.forEach((wait, k) => {
      const at = (offsets[r] ?? 0) + k;
      fail *= 1 - round.pAttempt;
      reached[at] = 1 - fail;
      startMs[at] = elapsed + round.zeroLossMs;
      elapsed += wait;
    });
  });
  const times = new Float64Array(samples);
  const detectionSpan = detectionMaxMs - detectionMinMs;
  let completed = 0;
  for (let s = 0; s < samples; s += 1) {
    let total = detectionMinMs + detectionSpan * random();
    let gaveUp = false;
    for (let r = 0; r < rounds.length && !gaveUp; r += 1) {
      const u = random();
      const end = offsets[r + 1] ?? 0;
      let at = offsets[r] ?? 0;
      while (at < end && u >= (reached[at] ?? 1)) at += 1;
      if (at === end) gaveUp = true;
      else total += startMs[at] ?? 0;
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
