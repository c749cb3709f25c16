/**
 * The IKE side of the site's one algorithm table: PRFs and key-exchange methods with their IANA
 * IDs and strength, strongSwan's keyword aliases, and the PRF strongSwan derives from an
 * integrity algorithm. The ESP ciphers and integrity algorithms are in transforms.ts; this part
 * lives in its own module so that pages which only size ESP packets do not load it.
 */
/**
 * How strong an algorithm is for choosing between proposals, and whether current guidance
 * still allows it: 'ok', or 'legacy' (RFC 8247 §2 / RFC 8221 §5 say SHOULD NOT or MUST NOT, or
 * only MUST- for interoperability with old peers). `bits` is the security strength from NIST
 * SP 800-57 Part 1 Rev. 5 Table 2 (symmetric, hash, finite-field and elliptic-curve rows).
 */
export interface Strength {
  readonly bits: number;
  readonly legacy: boolean;
}

export interface PrfInfo {
  readonly keyword: string;
  readonly name: string;
  /** IKEv2 Transform Type 2 ID (IANA "IKEv2 Parameters"). */
  readonly id: number;
  readonly strength: Strength;
  readonly source: string;
}

const RFC8247_PRF = 'RFC 8247 §2.3';
const PRFS: readonly PrfInfo[] = [
  { keyword: 'prfmd5', name: 'PRF_HMAC_MD5', id: 1, strength: { bits: 64, legacy: true }, source: `${RFC8247_PRF} (MUST NOT)` },
  { keyword: 'prfsha1', name: 'PRF_HMAC_SHA1', id: 2, strength: { bits: 80, legacy: true }, source: `${RFC8247_PRF} (MUST-)` },
  { keyword: 'prfaesxcbc', name: 'PRF_AES128_XCBC', id: 4, strength: { bits: 128, legacy: false }, source: `${RFC8247_PRF} (SHOULD)` },
  { keyword: 'prfsha256', name: 'PRF_HMAC_SHA2_256', id: 5, strength: { bits: 128, legacy: false }, source: `${RFC8247_PRF} (MUST)` },
  { keyword: 'prfsha384', name: 'PRF_HMAC_SHA2_384', id: 6, strength: { bits: 192, legacy: false }, source: `${RFC8247_PRF} (SHOULD)` },
  { keyword: 'prfsha512', name: 'PRF_HMAC_SHA2_512', id: 7, strength: { bits: 256, legacy: false }, source: `${RFC8247_PRF} (SHOULD)` },
  { keyword: 'prfaescmac', name: 'PRF_AES128_CMAC', id: 8, strength: { bits: 128, legacy: false }, source: `${RFC8247_PRF} (MAY)` },
  { keyword: 'prfcamelliaxcbc', name: 'PRF_CAMELLIA128_XCBC (strongSwan)', id: 1029, strength: { bits: 128, legacy: false }, source: 'strongSwan private-use ID' },
];
export const PRF_ALGORITHMS: readonly PrfInfo[] = PRFS;

export interface KeyExchangeInfo {
  readonly keyword: string;
  readonly name: string;
  /** IKEv2 Transform Type 4 ID (IANA); 0 is NONE. */
  readonly id: number;
  readonly strength: Strength;
  readonly source: string;
}

const RFC8247_KE = 'RFC 8247 §2.4';
const ke = (keyword: string, name: string, id: number, bits: number, legacy: boolean, source: string): KeyExchangeInfo => ({
  keyword,
  name,
  id,
  strength: { bits, legacy },
  source,
});
/** Canonical key-exchange keywords in IANA order; aliases are in ALGORITHM_ALIASES. */
export const KEY_EXCHANGE_METHODS: readonly KeyExchangeInfo[] = [
  ke('none', 'NONE (no key exchange)', 0, 0, false, 'RFC 7296 §3.3.2 (Transform Type 4, NONE)'),
  ke('modp768', 'MODP-768 (group 1)', 1, 64, true, `${RFC8247_KE} (MUST NOT)`),
  ke('modp1024', 'MODP-1024 (group 2)', 2, 80, true, `${RFC8247_KE} (SHOULD NOT)`),
  ke('modp1536', 'MODP-1536 (group 5)', 5, 96, true, `${RFC8247_KE} (SHOULD NOT)`),
  ke('modp2048', 'MODP-2048 (group 14)', 14, 112, false, `${RFC8247_KE} (MUST)`),
  ke('modp3072', 'MODP-3072 (group 15)', 15, 128, false, `${RFC8247_KE} (MAY)`),
  ke('modp4096', 'MODP-4096 (group 16)', 16, 152, false, `${RFC8247_KE} (MAY)`),
  ke('modp6144', 'MODP-6144 (group 17)', 17, 176, false, `${RFC8247_KE} (MAY)`),
  ke('modp8192', 'MODP-8192 (group 18)', 18, 200, false, `${RFC8247_KE} (MAY)`),
  ke('ecp256', 'ECP-256 (group 19)', 19, 128, false, `${RFC8247_KE} (SHOULD)`),
  ke('ecp384', 'ECP-384 (group 20)', 20, 192, false, `${RFC8247_KE} (MAY)`),
  ke('ecp521', 'ECP-521 (group 21)', 21, 256, false, `${RFC8247_KE} (MAY)`),
  ke('modp1024s160', 'MODP-1024-160 (group 22)', 22, 80, true, `${RFC8247_KE} (SHOULD NOT)`),
  ke('modp2048s224', 'MODP-2048-224 (group 23)', 23, 112, true, `${RFC8247_KE} (SHOULD NOT)`),
  ke('modp2048s256', 'MODP-2048-256 (group 24)', 24, 112, true, `${RFC8247_KE} (SHOULD NOT)`),
  ke('ecp192', 'ECP-192 (group 25)', 25, 96, true, 'RFC 5903 / RFC 8247 §2.4 (not listed: legacy)'),
  ke('ecp224', 'ECP-224 (group 26)', 26, 112, true, 'RFC 5903 / RFC 8247 §2.4 (not listed: legacy)'),
  ke('ecp224bp', 'Brainpool P224 (group 27)', 27, 112, true, 'RFC 6954'),
  ke('ecp256bp', 'Brainpool P256 (group 28)', 28, 128, false, 'RFC 6954'),
  ke('ecp384bp', 'Brainpool P384 (group 29)', 29, 192, false, 'RFC 6954'),
  ke('ecp512bp', 'Brainpool P512 (group 30)', 30, 256, false, 'RFC 6954'),
  ke('curve25519', 'Curve25519 (group 31)', 31, 128, false, 'RFC 8031; RFC 8247 §2.4 (SHOULD)'),
  ke('curve448', 'Curve448 (group 32)', 32, 224, false, 'RFC 8031'),
  ke('mlkem512', 'ML-KEM-512', 35, 128, false, 'RFC 9370; draft-ietf-ipsecme-ikev2-mlkem (IDs 35-37); NIST FIPS 203 category 1'),
  ke('mlkem768', 'ML-KEM-768', 36, 192, false, 'RFC 9370; draft-ietf-ipsecme-ikev2-mlkem; NIST FIPS 203 category 3'),
  ke('mlkem1024', 'ML-KEM-1024', 37, 256, false, 'RFC 9370; draft-ietf-ipsecme-ikev2-mlkem; NIST FIPS 203 category 5'),
  ke('modpnull', 'MODP_NULL (strongSwan testing only)', 1024, 0, true, 'strongSwan private-use ID, never for production'),
];

/**
 * strongSwan keywords that name the same transform as another keyword
 * (proposal_keywords_static.txt): matching compares the canonical form.
 */
export const ALGORITHM_ALIASES: ReadonlyMap<string, string> = new Map([
  ['aes', 'aes128'],
  ['camellia', 'camellia128'],
  ['sha', 'sha1'],
  ['sha2_256', 'sha256'],
  ['sha2_256_96', 'sha256_96'],
  ['sha2_384', 'sha384'],
  ['sha2_512', 'sha512'],
  ['modpnone', 'none'],
  ['x25519', 'curve25519'],
  ['x448', 'curve448'],
  ...(['aes128', 'aes192', 'aes256', 'camellia128', 'camellia192', 'camellia256'] as const).flatMap((base) =>
    (['gcm', 'ccm'] as const).flatMap((mode) => [
      [`${base}${mode}64`, `${base}${mode}8`],
      [`${base}${mode}96`, `${base}${mode}12`],
      [`${base}${mode}128`, `${base}${mode}16`],
      [`${base}${mode}`, `${base}${mode}16`],
    ]),
  ) as [string, string][],
]);

/** The canonical keyword for any accepted spelling ('aes' -> 'aes128', 'x25519' -> 'curve25519'). */
export function canonicalAlgorithm(keyword: string): string {
  return ALGORITHM_ALIASES.get(keyword) ?? keyword;
}

/** The PRF strongSwan derives from an integrity algorithm when an IKE proposal names none (proposal.c integ_prf_map). */
export const PRF_FOR_INTEGRITY: ReadonlyMap<string, string> = new Map([
  ['md5', 'prfmd5'],
  ['sha1', 'prfsha1'],
  ['sha256', 'prfsha256'],
  ['sha384', 'prfsha384'],
  ['sha512', 'prfsha512'],
  ['aesxcbc', 'prfaesxcbc'],
  ['aescmac', 'prfaescmac'],
  ['camelliaxcbc', 'prfcamelliaxcbc'],
]);

/** Security strength of a cipher or integrity keyword (canonical), for ranking proposals. */
export function symmetricStrength(keyword: string): Strength {
  if (keyword === 'null') return { bits: 0, legacy: true };
  if (keyword === 'des') return { bits: 56, legacy: true };
  if (keyword === '3des') return { bits: 112, legacy: true };
  if (keyword === 'chacha20poly1305') return { bits: 256, legacy: false };
  const key = /^(?:aes|camellia)(128|192|256)/.exec(keyword);
  if (key) return { bits: Number(key[1]), legacy: false };
  switch (keyword) {
    case 'md5':
    case 'md5_128':
      return { bits: 64, legacy: true };
    case 'sha1':
    case 'sha1_160':
      return { bits: 80, legacy: true };
    case 'sha256':
    case 'sha256_96':
    case 'aesxcbc':
    case 'aescmac':
    case 'camelliaxcbc':
      return { bits: 128, legacy: false };
    case 'sha384':
      return { bits: 192, legacy: false };
    case 'sha512':
      return { bits: 256, legacy: false };
    default:
      return { bits: 0, legacy: true };
  }
}

