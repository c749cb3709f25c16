// Enumerates the answer space and checks every result against the invariants
// in invariants.ts (a recommendation with reasons, resolvable citations, causes
// that match the answers, hard platform constraints, TCP where UDP is blocked,
// IKEv2 by default, PPTP never).
//
// The full space is 512 platform subsets (the empty subset = unanswered) times
// 6,480 combinations of the seven single-choice questions (each including
// "unanswered") = 3,317,760 answer sets; at tens of microseconds per
// evaluation that is minutes, so it is covered in three parts:
//   A. every platform subset x every combination of the questions that gate
//      hard constraints and requirements (app, UDP blocking, security), the
//      weight-only questions unanswered: 512 x 60 = 30,720;
//   B. every combination of all seven single-choice questions x a family of
//      platform subsets (unanswered, all platforms, four mixed fleets that
//      together contain every platform): 6,480 x 6 = 38,880;
//   C. a fast-check property over the whole space (random subsets and answers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_IDS,
  AUTH_IDS,
  NAT_IDS,
  PLATFORM_IDS,
  ROAMING_IDS,
  SECURITY_IDS,
  UDP_BLOCKED_IDS,
  type Answers,
  type PlatformId,
} from '../../../src/lib/decision/questions';
import { violations } from './invariants';

const withUnanswered = <T,>(values: readonly T[]): (T | undefined)[] => [undefined, ...values];

function allSubsets(): PlatformId[][] {
  const subsets: PlatformId[][] = [];
  for (let mask = 0; mask < 1 << PLATFORM_IDS.length; mask++) {
    subsets.push(PLATFORM_IDS.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return subsets;
}

function answersOf(parts: Record<string, unknown>): Answers {
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    answers[key] = value;
  }
  return answers as Answers;
}

function singleChoiceCombinations(): Record<string, string | undefined>[] {
  const out: Record<string, string | undefined>[] = [];
  for (const roaming of withUnanswered(ROAMING_IDS))
    for (const udpBlocked of withUnanswered(UDP_BLOCKED_IDS))
      for (const serverNat of withUnanswered(NAT_IDS))
        for (const clientNat of withUnanswered(NAT_IDS))
          for (const auth of withUnanswered(AUTH_IDS))
            for (const security of withUnanswered(SECURITY_IDS))
              for (const appInstall of withUnanswered(APP_IDS))
                out.push({ roaming, udpBlocked, serverNat, clientNat, auth, security, appInstall });
  return out;
}

// Unanswered, every platform, and mixed fleets that together contain every
// platform; single platforms and all other subsets are covered by part A.
const PLATFORM_FAMILY: PlatformId[][] = [
  [],
  [...PLATFORM_IDS],
  ['windows', 'macos', 'ios', 'android12'],
  ['android10', 'android11', 'legacy'],
  ['linux', 'windows', 'chromeos'],
  ['legacy', 'android12', 'macos'],
];

function check(answers: Answers, failures: string[]): void {
  const found = violations(answers);
  if (found.length > 0 && failures.length < 20) failures.push(`${JSON.stringify(answers)}: ${found.join('; ')}`);
}

describe('decision model: enumerated answer space', () => {
  it('part A: every platform subset x app x UDP blocking x security (30,720 answer sets)', () => {
    const started = performance.now();
    const failures: string[] = [];
    let count = 0;
    for (const platforms of allSubsets())
      for (const appInstall of withUnanswered(APP_IDS))
        for (const udpBlocked of withUnanswered(UDP_BLOCKED_IDS))
          for (const security of withUnanswered(SECURITY_IDS)) {
            check(answersOf({ platforms, appInstall, udpBlocked, security }), failures);
            count++;
          }
    console.log(`part A: ${count} answer sets in ${Math.round(performance.now() - started)} ms`);
    expect(count).toBe(512 * 3 * 4 * 5);
    expect(failures).toEqual([]);
  }, 120_000);

  it('part B: every single-choice combination x a family of platform subsets (38,880 answer sets)', () => {
    const started = performance.now();
    const failures: string[] = [];
    let count = 0;
    const combinations = singleChoiceCombinations();
    expect(combinations.length).toBe(3 * 4 * 3 * 3 * 4 * 5 * 3);
    for (const platforms of PLATFORM_FAMILY)
      for (const combination of combinations) {
        check(answersOf({ platforms, ...combination }), failures);
        count++;
      }
    console.log(`part B: ${count} answer sets in ${Math.round(performance.now() - started)} ms`);
    expect(count).toBe(6480 * PLATFORM_FAMILY.length);
    expect(failures).toEqual([]);
  }, 240_000);

  it('part C: random answer sets drawn from the whole space', () => {
    const maybe = <T,>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    const answers = fc.record({
      platforms: fc.subarray([...PLATFORM_IDS]),
      roaming: maybe(ROAMING_IDS),
      udpBlocked: maybe(UDP_BLOCKED_IDS),
      serverNat: maybe(NAT_IDS),
      clientNat: maybe(NAT_IDS),
      auth: maybe(AUTH_IDS),
      security: maybe(SECURITY_IDS),
      appInstall: maybe(APP_IDS),
    });
    fc.assert(
      fc.property(answers, (raw) => {
        expect(violations(answersOf(raw))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  }, 120_000);
});
