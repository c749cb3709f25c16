// The evaluator: answers -> ranked options and a deployment plan.
//
// 1. Each option gets a score: its base weight, the weights of the rules the
//    answers fire, and how many of the considered platforms it can serve.
// 2. Hard constraints decide where an option is usable at all: it must be built
//    into the platform, or need an app that the reader has not ruled out.
//    PPTP is never usable.
// 3. Each platform gets the best usable option, preferring options that meet
//    the reader's requirements (TCP when UDP is blocked, post-quantum, FIPS or
//    CNSA 2.0), then the higher score. Platforms that share an option form one
//    plan entry; the largest is the primary recommendation.
// 4. If some client networks block UDP 500/4500, platforms on an IPsec-over-UDP
//    option get a TCP fallback where one is usable.
import { chapter, SOURCES, type Citation } from '../citations/citations';
import { DecisionError } from './errors';
import {
  MAINSTREAM_PLATFORMS,
  meetsCnsa2,
  meetsFipsAlgorithms,
  meetsPostQuantum,
  OPTION_IDS,
  OPTIONS,
  passesUdpBlock,
  supportOf,
  type OptionId,
  type SupportLevel,
} from './options';
import { ALLOWED_ANSWERS, PLATFORM_LABELS, type Answers, type PlatformId, type QuestionId } from './questions';
import { firedEffects } from './rules';

/** The answer that caused a reason or caveat. For platforms, `answer` is one platform id. */
export interface Cause {
  readonly question: QuestionId;
  readonly answer: string;
}

export interface Reason {
  readonly text: string;
  readonly effect: 'for' | 'against' | 'neutral' | 'excludes';
  readonly weight: number;
  /** null for facts that hold whatever the answers are. */
  readonly cause: Cause | null;
  readonly citations: readonly Citation[];
}

export interface Caveat {
  readonly text: string;
  readonly cause: Cause | null;
  readonly citations: readonly Citation[];
  /** Set when the caveat concerns one platform only. */
  readonly platform?: PlatformId;
}

export interface PlatformFit {
  readonly platform: PlatformId;
  readonly level: SupportLevel;
  readonly usable: boolean;
  readonly note: string;
}

export type OptionStatus = 'recommended' | 'alternative' | 'excluded';

export interface RankedOption {
  readonly option: OptionId;
  readonly label: string;
  readonly rank: number;
  readonly score: number;
  readonly status: OptionStatus;
  readonly fits: readonly PlatformFit[];
  readonly usableOn: readonly PlatformId[];
  readonly reasons: readonly Reason[];
  readonly caveats: readonly Caveat[];
  readonly citations: readonly Citation[];
}

export type PlanRole = 'primary' | 'additional' | 'tcp-fallback';

export interface PlanEntry {
  readonly option: OptionId;
  readonly label: string;
  readonly role: PlanRole;
  readonly platforms: readonly PlatformId[];
  readonly reasons: readonly Reason[];
  readonly caveats: readonly Caveat[];
  readonly citations: readonly Citation[];
}

export interface Note {
  readonly question: QuestionId;
  readonly text: string;
}

export interface DecisionResult {
  /** The primary plan entry: what to deploy first. */
  readonly recommendation: PlanEntry;
  /** Primary, then additional protocols for platforms the primary cannot serve, then TCP fallbacks. */
  readonly plan: readonly PlanEntry[];
  /** Every option, best first; PPTP last and always excluded. */
  readonly ranking: readonly RankedOption[];
  /** The platforms the result covers. */
  readonly platforms: readonly PlatformId[];
  /** True when the platform question was unanswered and mainstream platforms were assumed. */
  readonly platformsAssumed: boolean;
  /** What each unanswered question would have changed. */
  readonly notes: readonly Note[];
  readonly caveats: readonly Caveat[];
}

// Up to this much is added for serving every considered platform (pro rata).
const COVERAGE_WEIGHT = 40;
// Up to this much is taken off when every considered platform needs an app.
const APP_NEEDED_WEIGHT = 10;

const UNANSWERED_NOTES: Readonly<Record<QuestionId, string>> = {
  platforms:
    'Platforms not given: the result assumes current Windows, macOS, iOS/iPadOS, Android 11+, ChromeOS and Linux clients, and no L2TP-only devices.',
  roaming: 'If clients move between networks, IKEv2 with MOBIKE keeps their tunnels up across the change.',
  udpBlocked: 'If some client networks block UDP 500/4500, plan a TCP fallback (SSTP on Windows, OpenVPN over TCP 443 elsewhere).',
  serverNat: 'If the server is behind NAT, forward UDP 500 and 4500 to it; Windows L2TP/IPsec clients then need a registry change.',
  clientNat: 'Clients behind NAT are handled by NAT traversal (UDP 4500) in both IKEv2 and L2TP/IPsec.',
  auth: 'Certificates or EAP are stronger than a shared key; the choice also rules WireGuard in or out for password logins.',
  security: 'Strict algorithm or post-quantum requirements narrow the choice; without them current IETF guidance applies.',
  appInstall: 'If apps are ruled out, only built-in clients count: WireGuard and OpenVPN drop out except on Linux (and OpenVPN on ChromeOS).',
};

const QUESTION_IDS: readonly string[] = Object.keys(ALLOWED_ANSWERS);
const PLATFORMS_CHAPTER = chapter('/guide/platforms/');

// Reasons that hold whatever the answers are, built once per option.
const BASELINE_REASONS = {} as Record<OptionId, readonly Reason[]>;
for (const id of OPTION_IDS) {
  BASELINE_REASONS[id] = OPTIONS[id].baseline.map((b) => ({ text: b.text, effect: b.effect, weight: 0, cause: null, citations: b.citations }));
}

interface Requirement {
  readonly label: string;
  readonly cause: Cause;
  readonly met: (option: OptionId, platform: PlatformId) => boolean;
}

/** Checks the answers' shape and values; throws DecisionError naming the field. */
export function validateAnswers(answers: unknown): Answers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new DecisionError('answers', 'must be an object whose keys are question ids');
  }
  for (const [key, value] of Object.entries(answers)) {
    if (!QUESTION_IDS.includes(key)) throw new DecisionError(key, `is not a question; allowed: ${QUESTION_IDS.join(', ')}`);
    if (value === undefined) continue;
    const allowed = ALLOWED_ANSWERS[key as QuestionId];
    if (key === 'platforms') {
      if (!Array.isArray(value)) throw new DecisionError(key, `must be an array of: ${allowed.join(', ')}`);
      const seen = new Set<string>();
      for (const item of value) {
        if (typeof item !== 'string' || !allowed.includes(item)) {
          throw new DecisionError(key, `unknown platform ${JSON.stringify(item)}; allowed: ${allowed.join(', ')}`);
        }
        if (seen.has(item)) throw new DecisionError(key, `lists ${item} twice`);
        seen.add(item);
      }
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new DecisionError(key, `unknown answer ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`);
    }
  }
  return answers as Answers;
}

function listPlatforms(platforms: readonly PlatformId[]): string {
  return platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
}

function uniqueCitations(groups: readonly (readonly Citation[])[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const group of groups) {
    for (const citation of group) {
      if (seen.has(citation.id)) continue;
      seen.add(citation.id);
      out.push(citation);
    }
  }
  return out;
}

function effectOf(weight: number): Reason['effect'] {
  if (weight > 0) return 'for';
  if (weight < 0) return 'against';
  return 'neutral';
}

function requirementsFor(answers: Answers): Requirement[] {
  const requirements: Requirement[] = [];
  if (answers.udpBlocked === 'yes') {
    requirements.push({
      label: 'working where UDP 500/4500 is blocked',
      cause: { question: 'udpBlocked', answer: 'yes' },
      met: (option) => passesUdpBlock(option),
    });
  }
  if (answers.security === 'pq') {
    requirements.push({
      label: 'a post-quantum key exchange',
      cause: { question: 'security', answer: 'pq' },
      met: meetsPostQuantum,
    });
  }
  if (answers.security === 'fips') {
    requirements.push({
      label: 'FIPS 140-3 approved algorithms',
      cause: { question: 'security', answer: 'fips' },
      met: (option) => meetsFipsAlgorithms(option),
    });
  }
  if (answers.security === 'cnsa2') {
    requirements.push({
      label: 'the CNSA 2.0 suite (ML-KEM-1024)',
      cause: { question: 'security', answer: 'cnsa2' },
      met: meetsCnsa2,
    });
  }
  return requirements;
}

interface Scored {
  readonly option: OptionId;
  readonly score: number;
  readonly fits: PlatformFit[];
  readonly usableOn: PlatformId[];
  readonly reasons: Reason[];
  readonly caveats: Caveat[];
}

function scoreOption(option: OptionId, answers: Answers, platforms: readonly PlatformId[], platformsAnswered: boolean, fired: ReturnType<typeof firedEffects>): Scored {
  const definition = OPTIONS[option];
  const reasons: Reason[] = [...BASELINE_REASONS[option]];
  const caveats: Caveat[] = [];
  const fits: PlatformFit[] = [];
  const usableOn: PlatformId[] = [];
  if (option === 'pptp') {
    return { option, score: definition.baseWeight, fits, usableOn, reasons, caveats };
  }
  let score = definition.baseWeight;

  for (const { rule, effect } of fired) {
    if (effect.option !== option) continue;
    const cause: Cause = { question: rule.question, answer: rule.answer };
    if (effect.kind === 'caveat') {
      caveats.push(
        effect.whenPlatform === undefined
          ? { text: effect.text, cause, citations: effect.citations }
          : { text: effect.text, cause, citations: effect.citations, platform: effect.whenPlatform },
      );
    } else {
      score += effect.weight;
      reasons.push({ text: effect.text, effect: effectOf(effect.weight), weight: effect.weight, cause, citations: effect.citations });
    }
  }

  const needsApp: PlatformId[] = [];
  for (const platform of platforms) {
    const support = supportOf(option, platform);
    const platformCause: Cause | null = platformsAnswered ? { question: 'platforms', answer: platform } : null;
    let usable = support.level === 'native';
    if (support.level === 'app') {
      usable = answers.appInstall !== 'no';
      if (usable) {
        needsApp.push(platform);
        caveats.push({ text: `${PLATFORM_LABELS[platform]}: ${support.note}`, cause: platformCause, citations: support.citations, platform });
      } else {
        reasons.push({
          text: `Not usable on ${PLATFORM_LABELS[platform]}: it needs an app there, and apps are ruled out.`,
          effect: 'excludes',
          weight: 0,
          cause: { question: 'appInstall', answer: 'no' },
          citations: support.citations,
        });
      }
    } else if (support.level === 'none') {
      reasons.push({
        text: `Not usable on ${PLATFORM_LABELS[platform]}: ${support.note}`,
        effect: 'excludes',
        weight: 0,
        cause: platformCause,
        citations: supportCitations(option, platform),
      });
    }
    fits.push({ platform, level: support.level, usable, note: support.note });
    if (usable) usableOn.push(platform);
  }

  const coverage = Math.round((COVERAGE_WEIGHT * usableOn.length) / platforms.length);
  score += coverage;
  const coverageCause: Cause | null = platformsAnswered ? { question: 'platforms', answer: platforms.join(',') } : null;
  reasons.push({
    text:
      usableOn.length === platforms.length
        ? `Usable on ${platforms.length === 1 ? 'the one platform' : platforms.length === 2 ? 'both platforms' : `all ${platforms.length} platforms`} considered.`
        : `Usable on ${usableOn.length} of the ${platforms.length} platforms considered.`,
    effect: usableOn.length === 0 ? 'against' : 'for',
    weight: coverage,
    cause: coverageCause,
    citations: [PLATFORMS_CHAPTER],
  });

  if (needsApp.length > 0) {
    const penalty = -Math.round((APP_NEEDED_WEIGHT * needsApp.length) / platforms.length);
    score += penalty;
    reasons.push({
      text: `Needs an app on ${listPlatforms(needsApp)}.`,
      effect: 'against',
      weight: penalty,
      cause: answers.appInstall === undefined ? null : { question: 'appInstall', answer: answers.appInstall },
      citations: [PLATFORMS_CHAPTER],
    });
  }
  return { option, score, fits, usableOn, reasons, caveats };
}

function supportCitations(option: OptionId, platform: PlatformId): readonly Citation[] {
  const citations = supportOf(option, platform).citations;
  return citations.length > 0 ? citations : [PLATFORMS_CHAPTER];
}

function assignmentReasons(
  chosen: OptionId,
  better: Scored,
  platform: PlatformId,
  requirements: readonly Requirement[],
): Reason[] {
  const label = PLATFORM_LABELS[platform];
  const fit = better.fits.find((f) => f.platform === platform);
  if (fit !== undefined && !fit.usable) {
    const cause: Cause =
      fit.level === 'app' ? { question: 'appInstall', answer: 'no' } : { question: 'platforms', answer: platform };
    const why = fit.level === 'app' ? 'it needs an app there and apps are ruled out' : fit.note;
    return [
      {
        text: `${label}: ${OPTIONS[better.option].label} is not usable (${why}), so ${OPTIONS[chosen].label} serves it.`,
        effect: 'for',
        weight: 0,
        cause,
        citations: supportCitations(better.option, platform),
      },
    ];
  }
  return requirements
    .filter((r) => !r.met(better.option, platform) && r.met(chosen, platform))
    .map((r) => ({
      text: `${label}: ${OPTIONS[chosen].label} meets the requirement of ${r.label}; ${OPTIONS[better.option].label} does not there.`,
      effect: 'for' as const,
      weight: 0,
      cause: r.cause,
      citations: [chapter('/guide/verdict/')],
    }));
}

/** Best score first; ties keep the order of OPTION_IDS. PPTP always last. */
function rankOptions(scored: readonly Scored[]): Scored[] {
  return [...scored].sort((a, b) => {
    if (a.option === 'pptp' || b.option === 'pptp') return a.option === 'pptp' ? 1 : b.option === 'pptp' ? -1 : 0;
    return b.score - a.score || OPTION_IDS.indexOf(a.option) - OPTION_IDS.indexOf(b.option);
  });
}

/** Per platform: of the options usable there, the one meeting most requirements, then the best ranked. */
function assignPlatforms(order: readonly Scored[], platforms: readonly PlatformId[], requirements: readonly Requirement[]): Map<PlatformId, Scored> {
  const assigned = new Map<PlatformId, Scored>();
  for (const platform of platforms) {
    let best: Scored | undefined;
    let bestUnmet = Infinity;
    for (const candidate of order) {
      if (!candidate.usableOn.includes(platform)) continue;
      const unmet = requirements.filter((r) => !r.met(candidate.option, platform)).length;
      if (unmet < bestUnmet) {
        best = candidate;
        bestUnmet = unmet;
      }
    }
    // Every platform has at least one built-in option (IKEv2 or L2TP/IPsec), so `best` exists.
    if (best === undefined) throw new Error(`internal: no usable option for ${platform}`);
    assigned.set(platform, best);
  }
  return assigned;
}

interface Group {
  readonly scored: Scored;
  readonly platforms: readonly PlatformId[];
}

/** Options with the platforms assigned to them: the primary (most platforms, then rank) first, the rest by rank. */
function groupPlatforms(order: readonly Scored[], platforms: readonly PlatformId[], assigned: ReadonlyMap<PlatformId, Scored>): Group[] {
  const groups = order
    .map((scored) => ({ scored, platforms: platforms.filter((p) => assigned.get(p) === scored) }))
    .filter((g) => g.platforms.length > 0);
  const primary = groups.reduce<Group | undefined>((best, g) => (best === undefined || g.platforms.length > best.platforms.length ? g : best), undefined);
  if (primary === undefined) throw new Error('internal: empty plan');
  return [primary, ...groups.filter((g) => g !== primary)];
}

/** The primary option and the additional ones, each with what it fails to meet on its platforms. */
function buildPlan(groups: readonly Group[], requirements: readonly Requirement[]): PlanEntry[] {
  const primary = groups[0]?.scored;
  return groups.map(({ scored, platforms }) => {
    const role: PlanRole = scored === primary ? 'primary' : 'additional';
    const extra: Reason[] =
      role === 'additional' && primary !== undefined ? platforms.flatMap((p) => assignmentReasons(scored.option, primary, p, requirements)) : [];
    const unmet: Caveat[] = platforms.flatMap((platform) =>
      requirements
        .filter((r) => !r.met(scored.option, platform))
        .map((r) => ({
          text: `${PLATFORM_LABELS[platform]}: no option usable there meets the requirement of ${r.label}; ${OPTIONS[scored.option].label} is the closest fit.`,
          cause: r.cause,
          citations: [chapter('/guide/verdict/')],
          platform,
        })),
    );
    return planEntry(scored, role, platforms, [...extra, ...scored.reasons], [...unmet, ...scored.caveats]);
  });
}

/** Where UDP is blocked: a TCP option per platform whose plan runs over UDP, and who is left stranded. */
function tcpFallbacks(answers: Answers, order: readonly Scored[], platforms: readonly PlatformId[], assigned: ReadonlyMap<PlatformId, Scored>): { entries: PlanEntry[]; caveats: Caveat[] } {
  if (answers.udpBlocked !== 'sometimes' && answers.udpBlocked !== 'yes') return { entries: [], caveats: [] };
  const cause: Cause = { question: 'udpBlocked', answer: answers.udpBlocked };
  const fallbacks = new Map<Scored, PlatformId[]>();
  const stranded: PlatformId[] = [];
  for (const platform of platforms) {
    const current = assigned.get(platform);
    if (current === undefined || passesUdpBlock(current.option)) continue;
    // Built-in TCP options first (SSTP on Windows), then by rank.
    const tcpOptions = order.filter((s) => passesUdpBlock(s.option) && s.usableOn.includes(platform));
    const tcp = tcpOptions.find((s) => supportOf(s.option, platform).level === 'native') ?? tcpOptions[0];
    if (tcp === undefined) stranded.push(platform);
    else fallbacks.set(tcp, [...(fallbacks.get(tcp) ?? []), platform]);
  }
  const entries = order.flatMap((s) => {
    const fallbackPlatforms = fallbacks.get(s);
    if (fallbackPlatforms === undefined) return [];
    const reason: Reason = {
      text: `Where UDP 500/4500 is blocked, ${OPTIONS[s.option].label} keeps ${listPlatforms(fallbackPlatforms)} connected over TCP.`,
      effect: 'for',
      weight: 0,
      cause,
      citations: [chapter('/guide/nat-firewalls/')],
    };
    return [planEntry(s, 'tcp-fallback', fallbackPlatforms, [reason, ...s.reasons], s.caveats)];
  });
  const caveats: Caveat[] =
    stranded.length === 0
      ? []
      : [
          {
            text:
              `${listPlatforms(stranded)}: no usable option runs over TCP, so these clients cannot connect where UDP 500/4500 is blocked` +
              (answers.appInstall === 'no' ? '; allowing an app (OpenVPN over TCP 443 or a vendor TLS VPN) would fix that.' : '.'),
            cause,
            citations: [chapter('/guide/nat-firewalls/')],
          },
        ];
  return { entries, caveats };
}

/** Answers -> ranked options, a deployment plan, reasons, caveats and citations. */
export function evaluate(input: Answers): DecisionResult {
  const answers = validateAnswers(input);
  const platformsAnswered = answers.platforms !== undefined && answers.platforms.length > 0;
  const platforms: readonly PlatformId[] = platformsAnswered ? (answers.platforms ?? []) : MAINSTREAM_PLATFORMS;
  const considered = new Set(platforms);
  const fired = firedEffects(answers, considered);
  const requirements = requirementsFor(answers);

  const order = rankOptions(OPTION_IDS.map((option) => scoreOption(option, answers, platforms, platformsAnswered, fired)));
  const assigned = assignPlatforms(order, platforms, requirements);
  const fallback = tcpFallbacks(answers, order, platforms, assigned);
  const [recommendation, ...rest] = buildPlan(groupPlatforms(order, platforms, assigned), requirements);
  if (recommendation === undefined) throw new Error('internal: empty plan');
  const plan = [recommendation, ...rest, ...fallback.entries];

  const globalCaveats: Caveat[] = [...fallback.caveats];
  if (considered.has('legacy')) {
    globalCaveats.push({
      text: 'Plan to replace the L2TP-only devices: IKEv1 is deprecated (RFC 9395) and current libreswan and strongSwan releases turn it off by default.',
      cause: { question: 'platforms', answer: 'legacy' },
      citations: [SOURCES.ikev1Deprecated, chapter('/guide/l2tp/')],
    });
  }

  const inPlan = new Set(plan.map((e) => e.option));
  const ranking: RankedOption[] = order.map((s, index) => ({
    option: s.option,
    label: OPTIONS[s.option].label,
    rank: index + 1,
    score: s.score,
    status: inPlan.has(s.option) ? 'recommended' : s.usableOn.length > 0 ? 'alternative' : 'excluded',
    fits: s.fits,
    usableOn: s.usableOn,
    reasons: s.reasons,
    caveats: s.caveats,
    citations: uniqueCitations([...s.reasons.map((r) => r.citations), ...s.caveats.map((c) => c.citations)]),
  }));

  const notes: Note[] = (Object.keys(UNANSWERED_NOTES) as QuestionId[])
    .filter((q) => (q === 'platforms' ? !platformsAnswered : answers[q] === undefined))
    .map((q) => ({ question: q, text: UNANSWERED_NOTES[q] }));

  return {
    recommendation,
    plan,
    ranking,
    platforms,
    platformsAssumed: !platformsAnswered,
    notes,
    caveats: globalCaveats,
  };
}

function planEntry(s: Scored, role: PlanRole, platforms: readonly PlatformId[], reasons: Reason[], allCaveats: Caveat[]): PlanEntry {
  const caveats = allCaveats.filter((c) => c.platform === undefined || platforms.includes(c.platform));
  return {
    option: s.option,
    label: OPTIONS[s.option].label,
    role,
    platforms,
    reasons,
    caveats,
    citations: uniqueCitations([...reasons.map((r) => r.citations), ...caveats.map((c) => c.citations)]),
  };
}
