// Invariants every decision result must satisfy, shared by the exhaustive and
// property tests. Returns the list of violations (empty when all hold).
import {
  evaluate,
  isResolvableCitation,
  MAINSTREAM_PLATFORMS,
  supportOf,
  type Answers,
  type Citation,
  type DecisionResult,
  type PlatformId,
} from '../../../src/lib/decision/index';
import { meetsCnsa2, meetsFipsAlgorithms, meetsPostQuantum, passesUdpBlock, type OptionId } from '../../../src/lib/decision/options';

function meetsSecurity(answers: Answers, option: OptionId, platform: PlatformId): boolean {
  if (answers.security === 'pq') return meetsPostQuantum(option, platform);
  if (answers.security === 'fips') return meetsFipsAlgorithms(option);
  if (answers.security === 'cnsa2') return meetsCnsa2(option, platform);
  return true;
}

function allCitations(result: DecisionResult): Citation[] {
  const out: Citation[] = [];
  for (const entry of result.plan) {
    out.push(...entry.citations);
    for (const r of entry.reasons) out.push(...r.citations);
    for (const c of entry.caveats) out.push(...c.citations);
  }
  for (const option of result.ranking) {
    out.push(...option.citations);
    for (const r of option.reasons) out.push(...r.citations);
    for (const c of option.caveats) out.push(...c.citations);
  }
  for (const c of result.caveats) out.push(...c.citations);
  return out;
}

function causeMatchesAnswers(answers: Answers, question: string, answer: string): boolean {
  if (question === 'platforms') {
    const platforms = answers.platforms ?? [];
    return platforms.includes(answer as PlatformId) || answer === platforms.join(',');
  }
  return (answers as Record<string, unknown>)[question] === answer;
}

// Hard constraints restated independently of the model's support table (apple-vpn-overview;
// android-ikev2vpnprofile, API 30; ms-sstp; hwdsl2-clients; wireguard-home).
const ALL: readonly PlatformId[] = ['windows', 'macos', 'ios', 'android10', 'android11', 'android12', 'chromeos', 'linux', 'legacy'];
const NEVER_USABLE: Readonly<Record<OptionId, readonly PlatformId[]>> = {
  ikev2: ['legacy'],
  'ikev2-tcp': ALL.filter((p) => p !== 'linux'),
  l2tp: ['android12'],
  sstp: ['macos', 'ios', 'android10', 'android11', 'android12', 'chromeos', 'legacy'],
  'openvpn-tcp': ['legacy'],
  wireguard: ['legacy'],
  pptp: ALL,
};
const NEEDS_APP: Readonly<Record<OptionId, readonly PlatformId[]>> = {
  ikev2: ['android10'],
  'ikev2-tcp': [],
  l2tp: [],
  sstp: [],
  'openvpn-tcp': ['windows', 'macos', 'ios', 'android10', 'android11', 'android12'],
  wireguard: ['windows', 'macos', 'ios', 'android10', 'android11', 'android12', 'chromeos'],
  pptp: [],
};

const checkedCitations = new WeakSet<Citation>();

export function violations(answers: Answers, result: DecisionResult = evaluate(answers)): string[] {
  const v: string[] = [];
  const platforms = answers.platforms !== undefined && answers.platforms.length > 0 ? answers.platforms : MAINSTREAM_PLATFORMS;

  // A recommendation exists and is explained.
  if (result.plan.length === 0) v.push('empty plan');
  if (result.recommendation !== result.plan[0]) v.push('recommendation is not the first plan entry');
  if (result.recommendation.role !== 'primary') v.push('recommendation is not primary');
  for (const entry of result.plan) if (entry.reasons.length === 0) v.push(`${entry.option} plan entry has no reason`);
  for (const option of result.ranking) if (option.reasons.length === 0) v.push(`${option.option} has no reason`);

  // Citations resolve (each citation object is checked once; the model shares them).
  for (const c of allCitations(result)) {
    if (checkedCitations.has(c)) continue;
    if (isResolvableCitation(c)) checkedCitations.add(c);
    else v.push(`unresolvable citation ${c.id}`);
  }

  // Reasons and caveats name the answer that caused them.
  const causes = [
    ...result.plan.flatMap((e) => [...e.reasons, ...e.caveats]),
    ...result.ranking.flatMap((o) => [...o.reasons, ...o.caveats]),
    ...result.caveats,
  ];
  for (const item of causes) {
    if (item.cause !== null && !causeMatchesAnswers(answers, item.cause.question, item.cause.answer)) {
      v.push(`cause ${item.cause.question}=${item.cause.answer} is not among the answers: "${item.text}"`);
    }
  }

  // Hard constraints on every assignment.
  const covered = new Map<PlatformId, number>();
  for (const entry of result.plan) {
    if (entry.option === 'pptp') v.push('PPTP in plan');
    for (const p of entry.platforms) {
      if (!platforms.includes(p)) v.push(`${entry.option} assigned to unconsidered platform ${p}`);
      const level = supportOf(entry.option, p).level;
      if (level === 'none') v.push(`${entry.option} assigned to ${p} without support`);
      if (level === 'app' && answers.appInstall === 'no') v.push(`${entry.option} needs an app on ${p} but apps are ruled out`);
      if (entry.option === 'l2tp' && p === 'android12') v.push('L2TP on Android 12+');
      if (entry.option === 'sstp' && p !== 'windows' && p !== 'linux') v.push(`SSTP on ${p}`);
      if (entry.option === 'wireguard' && p !== 'linux' && answers.appInstall === 'no') v.push(`WireGuard on ${p} without an app`);
      if (entry.role !== 'tcp-fallback') {
        covered.set(p, (covered.get(p) ?? 0) + 1);
        // L2TP/IPsec only for clients that cannot use IKEv2.
        if (entry.option === 'l2tp' && result.ranking.find((o) => o.option === 'ikev2')?.usableOn.includes(p)) {
          v.push(`L2TP assigned to ${p} where IKEv2 is usable`);
        }
      }
    }
  }
  for (const p of platforms) if (covered.get(p) !== 1) v.push(`${p} covered ${covered.get(p) ?? 0} times`);

  for (const o of result.ranking) {
    for (const p of o.usableOn) {
      if (NEVER_USABLE[o.option].includes(p)) v.push(`${o.option} marked usable on ${p}`);
      if (answers.appInstall === 'no' && NEEDS_APP[o.option].includes(p)) v.push(`${o.option} usable on ${p} without an app`);
    }
  }

  // PPTP is always last and excluded.
  const last = result.ranking[result.ranking.length - 1];
  if (last?.option !== 'pptp' || last.status !== 'excluded') v.push('PPTP not last and excluded');
  for (const o of result.ranking) {
    const inPlan = result.plan.some((e) => e.option === o.option);
    if ((o.status === 'recommended') !== inPlan) v.push(`${o.option} status ${o.status} disagrees with plan`);
  }

  // Blocked UDP: TCP where a usable TCP option exists.
  if (answers.udpBlocked === 'yes' || answers.udpBlocked === 'sometimes') {
    for (const p of platforms) {
      const tcpUsable = result.ranking.some((o) => passesUdpBlock(o.option) && o.usableOn.includes(p));
      if (!tcpUsable) continue;
      const entries = result.plan.filter((e) => e.platforms.includes(p));
      if (!entries.some((e) => passesUdpBlock(e.option))) v.push(`${p} has no TCP option although one is usable`);
      if (answers.udpBlocked === 'yes') {
        // Blocked UDP is a requirement: the main option runs over TCP unless every usable TCP
        // option fails another requirement (post-quantum, FIPS or CNSA 2.0) on this platform.
        const main = entries.find((e) => e.role !== 'tcp-fallback');
        const tcpMeetsOthers = result.ranking.some(
          (o) => passesUdpBlock(o.option) && o.usableOn.includes(p) && meetsSecurity(answers, o.option, p),
        );
        if (main !== undefined && !passesUdpBlock(main.option) && tcpMeetsOthers) {
          v.push(`${p} relies on UDP although UDP is blocked and a usable TCP option meets the other requirements`);
        }
      }
    }
  }

  // A platform gets an option meeting every requirement whenever one is usable there.
  for (const p of platforms) {
    const main = result.plan.find((e) => e.role !== 'tcp-fallback' && e.platforms.includes(p));
    if (main === undefined) continue;
    const meetsAll = (option: OptionId) =>
      meetsSecurity(answers, option, p) && (answers.udpBlocked !== 'yes' || passesUdpBlock(option));
    const someoneMeetsAll = result.ranking.some((o) => o.usableOn.includes(p) && meetsAll(o.option));
    if (someoneMeetsAll && !meetsAll(main.option)) v.push(`${p} got ${main.option} although a usable option meets every requirement`);
  }

  // IKEv2 by default.
  const onlyPlatformsAnswered = Object.entries(answers).every(([k, val]) => k === 'platforms' || val === undefined);
  if (onlyPlatformsAnswered && !platforms.includes('legacy') && !platforms.includes('android10') && result.recommendation.option !== 'ikev2') {
    v.push(`default recommendation is ${result.recommendation.option}, not IKEv2`);
  }
  return v;
}
