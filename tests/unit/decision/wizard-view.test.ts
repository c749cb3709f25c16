import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/decision/evaluate';
import { PLATFORM_IDS, QUESTIONS, type Answers, type PlatformId } from '../../../src/lib/decision/questions';
import { DecisionError } from '../../../src/lib/decision/errors';
import { answersArb } from './arbitraries';
import {
  answerSummary,
  causeText,
  decisionToolHref,
  groupReasons,
  rankingRows,
  resultSummary,
  stepOf,
  stepView,
  withAnswer,
  withPlatform,
} from '../../../src/lib/decision/wizard-view';
import { readWizardQuery, wizardQuery } from '../../../src/lib/decision/url-state';

describe('wizard URL: answers (v=1) plus the display mode', () => {
  it.each([
    // [query, answers, mode, notice params]; parameters per src/lib/decision/url-state.ts
    ['', {}, 'all', []],
    ['?v=1&roaming=yes&mode=step', { roaming: 'yes' }, 'step', []],
    ['v=1&mode=all&platforms=windows,ios', { platforms: ['windows', 'ios'] }, 'all', []],
    ['v=1&mode=cards', {}, 'all', ['mode']],
    ['v=1&mode=step&mode=all', {}, 'step', ['mode']],
    ['v=1&mode=step&udp=maybe', {}, 'step', ['udp']],
    ['mode=step', {}, 'step', ['v']],
    ['roaming=no&mode=step', { roaming: 'no' }, 'step', ['v']],
  ])('%j', (query, answers, mode, noticeParams) => {
    const read = readWizardQuery(query);
    expect(read.state.answers).toEqual(answers);
    expect(read.state.mode).toBe(mode);
    expect(read.noticeParams).toEqual(noticeParams);
  });

  it('writes mode only when it is not the default', () => {
    expect(wizardQuery({ roaming: 'yes' }, 'all')).toBe('v=1&roaming=yes');
    expect(wizardQuery({ roaming: 'yes' }, 'step')).toBe('v=1&roaming=yes&mode=step');
  });

  it('round-trips any answers and mode without notices', () => {
    const answers = fc
      .record({
        platforms: fc.option(fc.shuffledSubarray([...PLATFORM_IDS], { minLength: 1 }), { nil: undefined }),
        roaming: fc.option(fc.constantFrom('yes', 'no'), { nil: undefined }),
        auth: fc.option(fc.constantFrom('certificate', 'eap', 'psk'), { nil: undefined }),
      })
      .map((raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Answers);
    fc.assert(
      fc.property(answers, fc.constantFrom('all' as const, 'step' as const), (a, mode) => {
        const read = readWizardQuery(wizardQuery(a, mode));
        expect(read).toEqual({ state: { answers: a, mode }, notices: [], noticeParams: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const read = readWizardQuery(raw);
        expect(() => evaluate(read.state.answers)).not.toThrow();
      }),
    );
  });

  it('links to the full wizard under the base path with the answers', () => {
    expect(decisionToolHref('/', { udpBlocked: 'sometimes' })).toBe('/tools/decision/?v=1&udp=sometimes');
    expect(decisionToolHref('/vpn-guide/', {}, 'step')).toBe('/vpn-guide/tools/decision/?v=1&mode=step');
  });
});

describe('answer updates', () => {
  it('sets and clears single answers', () => {
    const a = withAnswer({}, 'roaming', 'yes');
    expect(a).toEqual({ roaming: 'yes' });
    expect(withAnswer(a, 'roaming', '')).toEqual({});
    expect(withAnswer(a, 'roaming', undefined)).toEqual({});
  });

  it('refuses an answer the question does not have, naming the question', () => {
    expect(() => withAnswer({}, 'roaming', 'sometimes')).toThrow(DecisionError);
    expect(() => withAnswer({}, 'roaming', 'sometimes')).toThrow(/^roaming:/);
  });

  it('keeps platforms in question order and removes the answer when none is left', () => {
    let a: Answers = {};
    a = withPlatform(a, 'linux', true);
    a = withPlatform(a, 'windows', true);
    a = withPlatform(a, 'linux', true);
    expect(a.platforms).toEqual(['windows', 'linux']);
    a = withPlatform(withPlatform(a, 'windows', false), 'linux', false);
    expect(a).toEqual({});
  });

  it('any sequence of platform toggles gives the set of platforms left on, in question order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PLATFORM_IDS), fc.boolean()), { maxLength: 30 }), (toggles) => {
        let a: Answers = {};
        const on = new Set<PlatformId>();
        for (const [p, state] of toggles) {
          a = withPlatform(a, p, state);
          if (state) on.add(p);
          else on.delete(p);
        }
        const expected = PLATFORM_IDS.filter((p) => on.has(p));
        expect(a.platforms ?? []).toEqual(expected);
      }),
    );
  });
});

describe('what the result panel shows', () => {
  it('summarises every question, answered or not, in question order', () => {
    const lines = answerSummary({ roaming: 'yes', platforms: ['windows', 'legacy'] });
    expect(lines.map((l) => l.question)).toEqual(QUESTIONS.map((q) => q.id));
    expect(lines.find((l) => l.question === 'roaming')?.answer).toBe('Yes, they roam');
    expect(lines.find((l) => l.question === 'platforms')?.answer).toBe('Windows, Routers and legacy devices that only do L2TP/IPsec');
    expect(lines.find((l) => l.question === 'auth')?.answer).toBeNull();
  });

  it.each([
    [{ question: 'platforms', answer: 'android12' }, 'Android 12 or newer'],
    [{ question: 'platforms', answer: 'windows,ios' }, 'Windows, iOS / iPadOS'],
    [{ question: 'udpBlocked', answer: 'sometimes' }, 'Sometimes (travellers, guest networks)'],
    [{ question: 'appInstall', answer: 'no' }, 'No, built-in clients only'],
  ] as const)('cause %j reads %j', (cause, text) => {
    expect(causeText(cause)).toBe(text);
  });

  it('groups reasons by effect without losing or reordering any', () => {
    const result = evaluate({ platforms: ['windows', 'legacy', 'android12'], udpBlocked: 'sometimes', appInstall: 'no' });
    for (const option of result.ranking) {
      const groups = groupReasons(option.reasons);
      expect(groups.flatMap((g) => g.reasons).length).toBe(option.reasons.length);
      for (const g of groups) {
        expect(g.reasons.length).toBeGreaterThan(0);
        expect(g.reasons).toEqual(option.reasons.filter((r) => r.effect === g.effect));
      }
    }
  });

  it('summarises the plan in the order the model gives it', () => {
    const result = evaluate({ platforms: ['windows', 'legacy'], udpBlocked: 'sometimes' });
    const summary = resultSummary(result);
    const recommended = result.recommendation.label;
    expect(summary.startsWith(`Recommended: ${recommended} for`)).toBe(true);
    for (const entry of result.plan) expect(summary).toContain(entry.label);
  });

  it('ranks every option with its status and coverage', () => {
    const result = evaluate({ platforms: ['windows', 'ios'] });
    const rows = rankingRows(result);
    expect(new Set(rows.map((r) => r.option))).toEqual(new Set(result.ranking.map((r) => r.option)));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.at(-1)).toMatchObject({ option: 'pptp', statusLabel: 'Not usable here', usable: '0 of 2' });
    // The usability review's case, built-in clients only: WireGuard (no built-in client on
    // either) must not sit above L2TP/IPsec (built into both) in the list.
    const builtIn = rankingRows(evaluate({ platforms: ['windows', 'ios'], appInstall: 'no' }));
    const at = (option: string) => builtIn.findIndex((r) => r.option === option);
    expect(builtIn[at('l2tp')]).toMatchObject({ statusLabel: 'Alternative', usable: '2 of 2' });
    expect(builtIn[at('wireguard')]).toMatchObject({ statusLabel: 'Not usable here', usable: '0 of 2' });
    expect(at('l2tp')).toBeLessThan(at('wireguard'));
  });

  it.each([
    [['windows'], 'Usable on the one platform considered.'],
    [['windows', 'ios'], 'Usable on both platforms considered.'],
    [['windows', 'ios', 'macos'], 'Usable on all 3 platforms considered.'],
  ] as const)('coverage for %j reads %j (not “all 2 platforms”)', (platforms, text) => {
    const result = evaluate({ platforms: [...platforms] });
    expect(result.recommendation.reasons.map((r) => r.text)).toContain(text);
  });

  it('lists options in the plan, then alternatives, then unusable ones, keeping the model order inside each', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = evaluate(answers);
        const rows = rankingRows(result);
        const order = ['recommended', 'alternative', 'excluded'];
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          const byStatus = order.indexOf(a.status) - order.indexOf(b.status);
          expect(byStatus).toBeLessThanOrEqual(0);
          if (byStatus === 0) expect(result.ranking.findIndex((r) => r.option === a.option)).toBeLessThan(result.ranking.findIndex((r) => r.option === b.option));
        }
      }),
    );
  });
});

describe('one question at a time', () => {
  it.each([
    [0, 0, 'Question 1 of 8', true, false],
    [7, 7, 'Question 8 of 8', false, true],
    [-3, 0, 'Question 1 of 8', true, false],
    [99, 7, 'Question 8 of 8', false, true],
    [Number.NaN, 0, 'Question 1 of 8', true, false],
  ])('index %s -> %s', (index, clamped, position, isFirst, isLast) => {
    expect(QUESTIONS.length).toBe(8);
    const view = stepView(index);
    expect(view).toMatchObject({ index: clamped, position, isFirst, isLast });
    expect(view.question).toBe(QUESTIONS[clamped]);
  });

  it('finds a question by id', () => {
    for (const [i, q] of QUESTIONS.entries()) expect(stepOf(q.id)).toBe(i);
  });
});
