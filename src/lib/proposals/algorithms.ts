/**
 * Classifies strongSwan keywords into IKEv2 transform types, over the site's one table of
 * algorithms (src/lib/overhead/transforms.ts). Keywords are compared in canonical form
 * ('aes' = 'aes128', 'x25519' = 'curve25519', 'aes256gcm' = 'aes256gcm16').
 */
import { editDistance } from '../overhead/edit-distance';
import { KEY_EXCHANGE_METHODS, PRF_ALGORITHMS, canonicalAlgorithm, symmetricStrength, type Strength } from '../overhead/ike-transforms';
import { ADDITIONAL_KE_PREFIX, CIPHER_BY_KEYWORD, ESN_KEYWORDS, INTEGRITY_BY_KEYWORD, KEY_EXCHANGE_KEYWORDS, PRF_KEYWORDS } from '../overhead/transforms';

/** IKEv2 transform types (RFC 7296 §3.3.2; ke1..ke7 are RFC 9370's additional key exchanges). */
export const TRANSFORM_TYPES = ['encr', 'integ', 'prf', 'ke', 'ke1', 'ke2', 'ke3', 'ke4', 'ke5', 'ke6', 'ke7', 'esn'] as const;
export type TransformType = (typeof TRANSFORM_TYPES)[number];

export const TRANSFORM_NAMES: Record<TransformType, string> = {
  encr: 'encryption',
  integ: 'integrity',
  prf: 'PRF',
  ke: 'key exchange',
  ke1: 'additional key exchange 1',
  ke2: 'additional key exchange 2',
  ke3: 'additional key exchange 3',
  ke4: 'additional key exchange 4',
  ke5: 'additional key exchange 5',
  ke6: 'additional key exchange 6',
  ke7: 'additional key exchange 7',
  esn: 'extended sequence numbers',
};

export const isKeyExchange = (type: TransformType): boolean => type.startsWith('ke');

export interface Classified {
  type: TransformType;
  /** Canonical keyword. */
  keyword: string;
  /** Encryption only: AEAD (or GMAC), which carries no integrity transform. */
  aead: boolean;
}

const KE_SET = new Set(KEY_EXCHANGE_KEYWORDS);

/** The transform type of one strongSwan keyword, or null when it is not one. */
export function classify(raw: string): Classified | null {
  const token = raw.toLowerCase();
  const cipher = CIPHER_BY_KEYWORD.get(token);
  if (cipher) return { type: 'encr', keyword: canonicalAlgorithm(token), aead: cipher.kind === 'aead' || cipher.kind === 'gmac' };
  if (INTEGRITY_BY_KEYWORD.has(token)) return { type: 'integ', keyword: canonicalAlgorithm(token), aead: false };
  if (PRF_KEYWORDS.includes(token)) return { type: 'prf', keyword: token, aead: false };
  if (KE_SET.has(token)) return { type: 'ke', keyword: canonicalAlgorithm(token), aead: false };
  if (ADDITIONAL_KE_PREFIX.test(token) && KE_SET.has(token.slice(4))) {
    return { type: `ke${token[2]}` as TransformType, keyword: canonicalAlgorithm(token.slice(4)), aead: false };
  }
  if (ESN_KEYWORDS.includes(token)) return { type: 'esn', keyword: token, aead: false };
  return null;
}

/** Every keyword the strongSwan parser accepts (with ke1_ only as a pattern), for suggestions. */
export const STRONGSWAN_KEYWORDS: readonly string[] = [
  ...CIPHER_BY_KEYWORD.keys(),
  ...INTEGRITY_BY_KEYWORD.keys(),
  ...PRF_KEYWORDS,
  ...KEY_EXCHANGE_KEYWORDS,
  ...ESN_KEYWORDS,
];

const anagram = (a: string, b: string): boolean => [...a].sort().join('') === [...b].sort().join('');

/** Up to three keywords closest to a mistyped token (edit distance at most 2, or a shared prefix). */
export function closestKeywords(token: string, keywords: readonly string[] = STRONGSWAN_KEYWORDS): string[] {
  const lower = token.toLowerCase();
  const scored = keywords
    .map((keyword) => ({ keyword, distance: editDistance(lower, keyword) }))
    .filter(({ keyword, distance }) => distance <= 2 || (lower.length >= 3 && keyword.startsWith(lower)))
    // On a tie, a keyword with the same letters wins: 'ecp265' is a swap of 'ecp256'.
    .sort((a, b) => a.distance - b.distance || Number(anagram(b.keyword, lower)) - Number(anagram(a.keyword, lower)) || a.keyword.length - b.keyword.length);
  return [...new Set(scored.map((s) => s.keyword))].slice(0, 3);
}

const KE_BY_KEYWORD = new Map(KEY_EXCHANGE_METHODS.map((k) => [k.keyword, k]));
const PRF_BY_KEYWORD = new Map(PRF_ALGORITHMS.map((p) => [p.keyword, p]));

/** Strength of one canonical keyword of a given type (ESN and NONE count as neutral). */
export function strengthOf(type: TransformType, keyword: string): Strength {
  if (type === 'esn') return { bits: 256, legacy: false };
  if (isKeyExchange(type)) {
    if (keyword === 'none') return { bits: 256, legacy: false };
    return KE_BY_KEYWORD.get(keyword)?.strength ?? { bits: 0, legacy: true };
  }
  if (type === 'prf') return PRF_BY_KEYWORD.get(keyword)?.strength ?? { bits: 0, legacy: true };
  return symmetricStrength(keyword);
}

/** A readable name for a canonical keyword ('ECP-256 (group 19)', 'AES-256-GCM (16-byte ICV)'). */
export function algorithmName(type: TransformType, keyword: string): string {
  if (isKeyExchange(type)) return KE_BY_KEYWORD.get(keyword)?.name ?? keyword;
  if (type === 'prf') return PRF_BY_KEYWORD.get(keyword)?.name ?? keyword;
  if (type === 'encr') return CIPHER_BY_KEYWORD.get(keyword)?.name ?? keyword;
  if (type === 'integ') return INTEGRITY_BY_KEYWORD.get(keyword)?.name ?? keyword;
  return keyword;
}
