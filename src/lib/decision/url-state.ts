// Query-string state of the decision wizard, version 1, on the shared codec (src/lib/url-state.ts).
//
// Parameters (all optional except v; a missing parameter means "not answered"):
//   v          format version, always 1
//   platforms  comma-separated platform ids:
//              windows, macos, ios, android10, android11, android12, chromeos, linux, legacy
//   roaming    yes | no                   clients move between networks
//   udp        no | sometimes | yes       client networks block UDP 500/4500
//   servernat  yes | no                   the server is behind NAT
//   clientnat  yes | no                   clients are behind NAT
//   auth       certificate | eap | psk    how users authenticate
//   security   current | fips | cnsa2 | pq cryptographic requirements
//   app        yes | no                   users may install a VPN app
//   mode       all | step                 all questions at once (default, not written) or one at a time
// Example: ?v=1&platforms=windows,ios,android12&roaming=yes&udp=sometimes
//
// Decoding never throws: unknown parameters and values, repeated parameters and other versions
// are dropped or read as unanswered, each with a notice the page can show.
import { choice, defineUrlState, list, type Decoded } from '../url-state';
import {
  APP_IDS,
  AUTH_IDS,
  NAT_IDS,
  PLATFORM_IDS,
  QUESTIONS,
  ROAMING_IDS,
  SECURITY_IDS,
  UDP_BLOCKED_IDS,
  type Answers,
  type QuestionId,
} from './questions';

export const WIZARD_MODES = ['all', 'step'] as const;
export type WizardMode = (typeof WIZARD_MODES)[number];

/** Keyed by query parameter; each question's `param` (questions.ts) names one of these. */
export const DECISION_URL_STATE = defineUrlState({
  platforms: list('platform', PLATFORM_IDS),
  roaming: choice('roaming answer', ROAMING_IDS),
  udp: choice('UDP-blocking answer', UDP_BLOCKED_IDS),
  servernat: choice('server-NAT answer', NAT_IDS),
  clientnat: choice('client-NAT answer', NAT_IDS),
  auth: choice('authentication', AUTH_IDS),
  security: choice('security requirement', SECURITY_IDS),
  app: choice('VPN-app answer', APP_IDS),
  mode: choice('display mode', WIZARD_MODES),
});

type Params = typeof DECISION_URL_STATE.defaults;
type AnswerParam = Exclude<keyof Params, 'mode'>;
const PARAM_OF = Object.fromEntries(QUESTIONS.map((q) => [q.id, q.param])) as Record<QuestionId, AnswerParam>;

export interface WizardState {
  readonly answers: Answers;
  readonly mode: WizardMode;
}

/** Query string (or parameters) -> answers, display mode and notices. Never throws. */
export function readWizardQuery(input: string | URLSearchParams): Decoded<WizardState> {
  const { state, notices, noticeParams } = DECISION_URL_STATE.decode(input);
  const answers: Record<string, unknown> = {};
  for (const question of QUESTIONS) {
    const value = state[PARAM_OF[question.id]];
    if (value !== undefined && value.length > 0) answers[question.id] = value;
  }
  return { state: { answers: answers as Answers, mode: state.mode ?? 'all' }, notices, noticeParams };
}

/** Answers and mode -> query parameters (v first, then the answered questions); the default mode is not written. */
export function encodeWizard({ answers, mode }: WizardState): URLSearchParams {
  const params = Object.fromEntries(QUESTIONS.map((q) => [PARAM_OF[q.id], answers[q.id]])) as Partial<Params>;
  return DECISION_URL_STATE.encode({ ...params, platforms: answers.platforms ?? [], mode: mode === 'all' ? undefined : mode } as Params);
}

/** The wizard's codec for the island's URL sync. */
export const WIZARD_CODEC = { decode: readWizardQuery, encode: encodeWizard };

/** Answers and mode -> query string (without '?'). */
export function wizardQuery(answers: Answers, mode: WizardMode): string {
  return encodeWizard({ answers, mode }).toString();
}
