/**
 * Proposal selection as strongSwan does it (src/libstrongswan/crypto/proposal/proposal.c at
 * 5.9.8, select_algo(), select_algos(), proposal_select()): the preferred side's proposals in
 * order, each against the other side's proposals in order; within a pair, every transform type
 * must intersect and the preferred side's algorithm order decides. A responder prefers its own
 * configuration (charon.prefer_configured_proposals = yes). For ESP and AH, a key exchange is
 * optional: a side that names none matches a side that lists NONE; the first CHILD_SA, created
 * in IKE_AUTH, skips key exchanges altogether (child_create.c, PROPOSAL_SKIP_KE). Once an
 * AEAD cipher is chosen, integrity is skipped. RFC 7296 §2.7, §3.3.
 */
import { TRANSFORM_TYPES, classify, isKeyExchange, type TransformType } from './algorithms';
import type { Proposal, Transforms } from './parse';

export interface SelectOptions {
  /** IKE_AUTH's first CHILD_SA: key exchanges are not negotiated. */
  skipKe?: boolean;
}

function selectAlgorithm(type: TransformType, mine: readonly string[], theirs: readonly string[], esp: boolean, used: Set<string>): string | null | false {
  const optional = isKeyExchange(type) && (esp || type !== 'ke');
  if (mine.length === 0 && theirs.length === 0) return null;
  if (mine.length === 0) return optional && theirs.includes('none') ? null : false;
  if (theirs.length === 0) return optional && mine.includes('none') ? null : false;
  for (const alg of mine) {
    if (isKeyExchange(type) && used.has(alg)) continue; // RFC 9370: one method once across all key exchanges
    if (theirs.includes(alg)) return alg === 'none' && type !== 'esn' ? null : alg;
  }
  return false;
}

/**
 * One pair: `mine` is preferred. Returns the selected proposal (one algorithm per type) or the
 * first transform type without a common algorithm.
 */
export function selectPair(mine: Proposal, theirs: Proposal, options: SelectOptions = {}): { selected: Proposal } | { missing: TransformType } {
  const esp = mine.protocol === 'esp';
  const selected: Transforms = {};
  const used = new Set<string>();
  let aead = false;
  for (const type of TRANSFORM_TYPES) {
    if (type === 'integ' && aead) continue;
    if (isKeyExchange(type) && options.skipKe) continue;
    const alg = selectAlgorithm(type, mine.transforms[type] ?? [], theirs.transforms[type] ?? [], esp, used);
    if (alg === false) return { missing: type };
    if (alg === null) continue;
    selected[type] = [alg];
    if (isKeyExchange(type)) used.add(alg);
    if (type === 'encr' && classify(alg)?.aead) aead = true;
  }
  return { selected: { protocol: mine.protocol, transforms: selected } };
}

export type Selection =
  | { ok: true; selected: Proposal; preferredIndex: number; otherIndex: number }
  | { ok: false; missing: readonly TransformType[] };

/**
 * proposal_select(): the first pair that matches, walking `preferred` in order and `other` in
 * order for each. On failure, the transform types for which no algorithm appears on both sides
 * at all; empty when each type overlaps somewhere but never within one pair of proposals.
 */
export function selectProposal(preferred: readonly Proposal[], other: readonly Proposal[], options: SelectOptions = {}): Selection {
  for (const [preferredIndex, mine] of preferred.entries()) {
    for (const [otherIndex, theirs] of other.entries()) {
      const result = selectPair(mine, theirs, options);
      if ('selected' in result) return { ok: true, selected: result.selected, preferredIndex, otherIndex };
    }
  }
  return { ok: false, missing: missingTypes(preferred, other, options) };
}

function union(proposals: readonly Proposal[], type: TransformType): Set<string> {
  const set = new Set<string>();
  for (const p of proposals) {
    const list = p.transforms[type];
    if (list && list.length > 0) list.forEach((a) => set.add(a));
    else if (isKeyExchange(type) && p.protocol === 'esp') set.add('none'); // no KE offered = NONE acceptable
  }
  return set;
}

function missingTypes(a: readonly Proposal[], b: readonly Proposal[], options: SelectOptions): TransformType[] {
  if (a.length === 0 || b.length === 0) return ['encr'];
  const missing: TransformType[] = [];
  for (const type of TRANSFORM_TYPES) {
    if (isKeyExchange(type) && options.skipKe) continue;
    if (type === 'integ') {
      // Only classic proposals carry integrity; compare those.
      const classicA = a.filter((p) => p.transforms.integ);
      const classicB = b.filter((p) => p.transforms.integ);
      if (classicA.length === 0 || classicB.length === 0) continue;
      const setA = union(classicA, type);
      if (![...union(classicB, type)].some((x) => setA.has(x))) missing.push(type);
      continue;
    }
    const setA = union(a, type);
    const setB = union(b, type);
    if (setA.size === 0 && setB.size === 0) continue;
    if (![...setB].some((x) => setA.has(x))) missing.push(type);
  }
  return missing;
}
