// Query-string state of the decision wizard, version 1.
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
// Example: ?v=1&platforms=windows,ios,android12&roaming=yes&udp=sometimes
//
// decodeAnswers never throws: unknown parameters, unknown values, repeated
// parameters and other versions are dropped or read as unanswered, each with a
// notice the page can show.
import { ALLOWED_ANSWERS, PLATFORM_IDS, QUESTIONS, type Answers, type PlatformId, type QuestionId } from './questions';

export const URL_STATE_VERSION = '1';

export interface UrlNotice {
  /** The parameter the notice is about ('' for the query as a whole). */
  readonly param: string;
  readonly message: string;
}

export interface DecodedAnswers {
  readonly answers: Answers;
  readonly notices: readonly UrlNotice[];
}

/** Answers -> query parameters (v first, then the answered questions in question order). */
export function encodeAnswers(answers: Answers): URLSearchParams {
  const params = new URLSearchParams();
  params.set('v', URL_STATE_VERSION);
  for (const question of QUESTIONS) {
    const value = answers[question.id];
    if (value === undefined) continue;
    if (question.id === 'platforms') {
      const platforms = value as readonly PlatformId[];
      if (platforms.length > 0) params.set(question.param, platforms.join(','));
    } else {
      params.set(question.param, value as string);
    }
  }
  return params;
}

const shown = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Query parameters (or a query string) -> answers and notices. Never throws. */
export function decodeAnswers(input: URLSearchParams | string): DecodedAnswers {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const notices: UrlNotice[] = [];
  const answers: Record<string, unknown> = {};
  const byParam = new Map(QUESTIONS.map((q) => [q.param, q] as const));
  const seen = new Set<string>();

  const versions = params.getAll('v');
  const hasState = [...params.keys()].some((k) => k !== 'v');
  if (versions.length === 0 && hasState) {
    notices.push({ param: 'v', message: 'The link has no version (v); it was read as version 1.' });
  } else if (versions.length > 0 && versions[0] !== URL_STATE_VERSION) {
    notices.push({ param: 'v', message: `Link version ${shown(versions[0] ?? '')} is not supported; parameters were read as version 1 where they match.` });
  }

  for (const [param, raw] of params) {
    if (param === 'v') continue;
    const question = byParam.get(param);
    if (question === undefined) {
      notices.push({ param, message: `Unknown parameter ${shown(param)} was ignored.` });
      continue;
    }
    if (seen.has(param)) {
      notices.push({ param, message: `Parameter ${param} appears more than once; the first value was used.` });
      continue;
    }
    seen.add(param);
    const value = raw.trim();
    if (value === '') continue;
    if (question.id === 'platforms') {
      const platforms: PlatformId[] = [];
      for (const item of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
        if (!(PLATFORM_IDS as readonly string[]).includes(item)) {
          notices.push({ param, message: `Unknown platform ${shown(item)} was ignored.` });
        } else if (platforms.includes(item as PlatformId)) {
          notices.push({ param, message: `Platform ${item} was listed twice; once is enough.` });
        } else {
          platforms.push(item as PlatformId);
        }
      }
      if (platforms.length > 0) answers.platforms = platforms;
      continue;
    }
    const allowed = ALLOWED_ANSWERS[question.id as QuestionId];
    if (allowed.includes(value)) {
      answers[question.id] = value;
    } else {
      notices.push({
        param,
        message: `${shown(value)} is not an answer to "${question.label}" (allowed: ${allowed.join(', ')}); the question was left unanswered.`,
      });
    }
  }
  return { answers: answers as Answers, notices };
}
