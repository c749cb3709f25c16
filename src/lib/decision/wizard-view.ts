// What the decision wizard shows, computed from answers and the model's result, so that the
// Svelte island only binds and lays out. Its URL state (answers and display mode) is url-state.ts.
import { withBase } from '../shared/paths';
import { validateAnswers, type Cause, type DecisionResult, type OptionStatus, type PlanRole, type Reason } from './evaluate';
import { PLATFORM_IDS, PLATFORM_LABELS, QUESTIONS, type Answers, type PlatformId, type Question, type QuestionId } from './questions';
import { wizardQuery, type WizardMode } from './url-state';

/** Where the full wizard lives, relative to the site root. */
export const DECISION_TOOL_PATH = '/tools/decision/';

/** Link to the full wizard, carrying the answers. */
export function decisionToolHref(base: string, answers: Answers, mode: WizardMode = 'all'): string {
  return `${withBase(base, DECISION_TOOL_PATH)}?${wizardQuery(answers, mode)}`;
}

/** Answers with one single-choice question answered, or cleared when `value` is '' or undefined. */
export function withAnswer(answers: Answers, question: Exclude<QuestionId, 'platforms'>, value: string | undefined): Answers {
  const next: Record<string, unknown> = { ...answers };
  if (value === undefined || value === '') delete next[question];
  else next[question] = value;
  return validateAnswers(next);
}

/** Answers with one platform ticked or unticked; platforms stay in question order. */
export function withPlatform(answers: Answers, platform: PlatformId, on: boolean): Answers {
  const chosen = new Set(answers.platforms ?? []);
  if (on) chosen.add(platform);
  else chosen.delete(platform);
  const next: Record<string, unknown> = { ...answers };
  const platforms = PLATFORM_IDS.filter((p) => chosen.has(p));
  if (platforms.length === 0) delete next.platforms;
  else next.platforms = platforms;
  return validateAnswers(next);
}

export function questionOf(id: QuestionId): Question {
  const question = QUESTIONS.find((q) => q.id === id);
  if (question === undefined) throw new Error(`no question ${id}`);
  return question;
}

/** The reader's answer to a question in words, or null when unanswered. */
export function answerText(question: Question, answers: Answers): string | null {
  const value = answers[question.id];
  if (value === undefined) return null;
  const ids: readonly string[] = typeof value === 'string' ? [value] : value;
  if (ids.length === 0) return null;
  return ids.map((id) => question.options.find((o) => o.id === id)?.label ?? id).join(', ');
}

export interface AnswerLine {
  readonly question: QuestionId;
  readonly label: string;
  readonly answer: string | null;
}

/** Every question with the reader's answer (for the printed summary). */
export function answerSummary(answers: Answers): AnswerLine[] {
  return QUESTIONS.map((q) => ({ question: q.id, label: q.label, answer: answerText(q, answers) }));
}

/** The answer that caused a reason or caveat, in words ('Windows', 'Yes, they roam'). */
export function causeText(cause: Cause): string {
  if (cause.question === 'platforms') {
    return cause.answer
      .split(',')
      .map((p) => PLATFORM_LABELS[p as PlatformId] ?? p)
      .join(', ');
  }
  const question = questionOf(cause.question);
  return question.options.find((o) => o.id === cause.answer)?.label ?? cause.answer;
}

export interface ReasonGroup {
  readonly effect: Reason['effect'];
  readonly heading: string;
  readonly reasons: readonly Reason[];
}

const REASON_HEADINGS: readonly { effect: Reason['effect']; heading: string }[] = [
  { effect: 'for', heading: 'In favour' },
  { effect: 'against', heading: 'Against' },
  { effect: 'excludes', heading: 'Where it cannot be used' },
  { effect: 'neutral', heading: 'Good to know' },
];

/** Reasons by effect, in a fixed order; empty groups are left out, model order kept inside. */
export function groupReasons(reasons: readonly Reason[]): ReasonGroup[] {
  return REASON_HEADINGS.map(({ effect, heading }) => ({ effect, heading, reasons: reasons.filter((r) => r.effect === effect) })).filter(
    (g) => g.reasons.length > 0,
  );
}

export const ROLE_LABELS: Readonly<Record<PlanRole, string>> = {
  primary: 'Deploy first',
  additional: 'Also deploy',
  'tcp-fallback': 'TCP fallback',
};

export const STATUS_LABELS: Readonly<Record<OptionStatus, string>> = {
  recommended: 'In the plan',
  alternative: 'Alternative',
  excluded: 'Not usable here',
};

export function platformList(platforms: readonly PlatformId[]): string {
  return platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
}

/** One sentence for the live region: the plan in brief. */
export function resultSummary(result: DecisionResult): string {
  const sentences = result.plan.map((entry) => {
    const who = platformList(entry.platforms);
    switch (entry.role) {
      case 'primary':
        return `Recommended: ${entry.label} for ${who}.`;
      case 'additional':
        return `Also ${entry.label} for ${who}.`;
      case 'tcp-fallback':
        return `Where UDP is blocked: ${entry.label} for ${who}.`;
    }
  });
  return sentences.join(' ');
}

export interface RankingRow {
  /** Position in the list shown, 1 = first. */
  readonly rank: number;
  readonly option: string;
  readonly label: string;
  readonly status: OptionStatus;
  readonly statusLabel: string;
  /** 'Usable on 5 of 6 platforms' */
  readonly usable: string;
}

const STATUS_ORDER: readonly OptionStatus[] = ['recommended', 'alternative', 'excluded'];

/**
 * Every option for the “All options, ranked” list: in the plan first, then alternatives, then
 * options not usable here, each group in the model's order. The model's score alone could put
 * an unusable option above a usable one, which reads as a recommendation.
 */
export function rankedOptions(result: DecisionResult): DecisionResult['ranking'][number][] {
  return STATUS_ORDER.flatMap((status) => result.ranking.filter((r) => r.status === status));
}

export function rankingRows(result: DecisionResult): RankingRow[] {
  const total = result.platforms.length;
  return rankedOptions(result).map((r, index) => ({
    rank: index + 1,
    option: r.option,
    label: r.label,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    usable: `${r.usableOn.length} of ${total}`,
  }));
}

export interface StepView {
  readonly index: number;
  readonly question: Question;
  /** 'Question 3 of 8' */
  readonly position: string;
  readonly isFirst: boolean;
  readonly isLast: boolean;
}

/** The question shown in one-at-a-time mode; the index is clamped into range. */
export function stepView(index: number): StepView {
  const last = QUESTIONS.length - 1;
  const i = Number.isInteger(index) ? Math.min(Math.max(index, 0), last) : 0;
  return {
    index: i,
    question: QUESTIONS[i] as Question,
    position: `Question ${i + 1} of ${QUESTIONS.length}`,
    isFirst: i === 0,
    isLast: i === last,
  };
}

/** Index of a question in the wizard's order. */
export function stepOf(id: QuestionId): number {
  return QUESTIONS.findIndex((q) => q.id === id);
}
