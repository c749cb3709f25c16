import type { RetransmissionSchedule } from './schedule';
import { scheduleWaitsMs } from './schedule';

/**
 * Closed forms for one critical-path round trip under independent one-way loss p. An attempt
 * succeeds when all n packets of the round arrive: q = (1 - p)^n (a lost response fails the
 * attempt just like a lost request, and a fragmented message is lost when any fragment is). The
 * attempt that succeeds, K, is geometric; attempt k starts after the waits w_1..w_(k-1).
 */
export interface RoundLaw {
  zeroLossMs: number;
  pAttempt: number; // q
  waitsMs: readonly number[]; // w_1..w_m, m = transmissions
}

function attemptSuccessProbability(loss: number, packets: number): number {
  return Math.exp(packets * Math.log1p(-loss));
}

export function roundLaw(zeroLossMs: number, packets: number, loss: number, schedule: RetransmissionSchedule): RoundLaw {
  return { zeroLossMs, pAttempt: attemptSuccessProbability(loss, packets), waitsMs: scheduleWaitsMs(schedule) };
}

/** P(the round completes within its m transmissions) = 1 - (1 - q)^m. */
export function roundCompletionProbability(law: RoundLaw): number {
  return 1 - (1 - law.pAttempt) ** law.waitsMs.length;
}

/**
 * E[time of the round | it completes] = zeroLoss + sum_k P(K = k | K <= m) * (w_1 + ... + w_(k-1)).
 * P(K = k | K <= m) is proportional to (1 - q)^(k-1), so q cancels and the form stays finite
 * even when q underflows to 0 (then every attempt is equally likely).
 */
export function expectedRoundMs(law: RoundLaw): number {
  const fail = 1 - law.pAttempt;
  let weight = 1;
  let weightSum = 0;
  let weighted = 0;
  let elapsed = 0;
  for (const wait of law.waitsMs) {
    weighted += weight * elapsed;
    weightSum += weight;
    elapsed += wait;
    weight *= fail;
  }
  return law.zeroLossMs + weighted / weightSum;
}

export interface ScenarioLaw {
  rounds: readonly RoundLaw[];
  fixedMeanMs: number; // mean of what loss does not touch: detection
}

export function giveUpProbability(rounds: readonly RoundLaw[]): number {
  return 1 - rounds.reduce((product, law) => product * roundCompletionProbability(law), 1);
}

/** Expected completion time given that no round gives up (rounds are independent). */
export function expectedCompletionMs(law: ScenarioLaw): number {
  return law.fixedMeanMs + law.rounds.reduce((sum, round) => sum + expectedRoundMs(round), 0);
}
