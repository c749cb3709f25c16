/**
 * ESP algorithms by their strongSwan proposal keyword, with the sizes that decide the
 * bytes on the wire. Keywords follow strongSwan's proposal_keywords_static.txt
 * (src/libstrongswan/crypto/proposal/); sizes follow the RFC cited on each family.
 */

/**
 * cbc: block cipher, pads to its block, needs an integrity algorithm.
 * ctr: counter mode, pads to 4 only, needs an integrity algorithm.
 * aead: combined mode with its own ICV; an integrity algorithm is an error.
 * gmac: authentication only (ENCR_NULL_AUTH_AES_GMAC); an integrity algorithm is an error.
 * null: no encryption; needs an integrity algorithm.
 */
export type CipherKind = 'cbc' | 'ctr' | 'aead' | 'gmac' | 'null';

export interface CipherInfo {
  readonly keyword: string;
  /** Human-readable name, e.g. 'AES-256-GCM (16-byte ICV)'. */
  readonly name: string;
  readonly kind: CipherKind;
  /** Bytes of IV sent in every packet. */
  readonly ivBytes: number;
  /** Cipher block size; 1 for stream and counter modes (they pad only to ESP's 4 bytes). */
  readonly blockBytes: number;
  /** ICV of AEAD and GMAC transforms; 0 for the others (their ICV comes from the integrity algorithm). */
  readonly icvBytes: number;
  readonly source: string;
}

export interface IntegrityInfo {
  readonly keyword: string;
  readonly name: string;
  /** Truncated ICV sent in every packet. */
  readonly icvBytes: number;
  readonly source: string;
}

const AES_KEY_BITS = [128, 192, 256] as const;
const CAMELLIA_KEY_BITS = [128, 192, 256] as const;

/** strongSwan spells each ICV length in bytes and in bits; the bare keyword means 16 bytes. */
const AEAD_ICV_SUFFIXES: ReadonlyArray<readonly [suffix: string, icvBytes: number]> = [
  ['8', 8],
  ['64', 8],
  ['12', 12],
  ['96', 12],
  ['16', 16],
  ['128', 16],
];

function cbc(keyword: string, name: string, blockBytes: number, source: string): CipherInfo {
  // CBC sends an explicit IV of one block (RFC 2451, RFC 3602).
  return { keyword, name, kind: 'cbc', ivBytes: blockBytes, blockBytes, icvBytes: 0, source };
}

function buildCiphers(): CipherInfo[] {
  const ciphers: CipherInfo[] = [
    // ENCR_NULL has a block size of 1 and no IV (RFC 2410); ESP still aligns to 4 (RFC 4303 §2.4).
    { keyword: 'null', name: 'NULL (no encryption)', kind: 'null', ivBytes: 0, blockBytes: 1, icvBytes: 0, source: 'RFC 2410 (block size 1, no IV)' },
    cbc('des', 'DES-CBC', 8, 'RFC 2405 (64-bit block and IV)'),
    cbc('3des', '3DES-CBC', 8, 'RFC 2451 (64-bit block and IV)'),
    cbc('aes', 'AES-128-CBC', 16, 'RFC 3602 (128-bit block and IV); strongSwan: aes = aes128'),
  ];
  for (const bits of AES_KEY_BITS) {
    ciphers.push(cbc(`aes${bits}`, `AES-${bits}-CBC`, 16, 'RFC 3602 (128-bit block and IV)'));
    // AES-CTR: 8-byte IV, no block padding (RFC 3686 §3.1, §3.2).
    ciphers.push({ keyword: `aes${bits}ctr`, name: `AES-${bits}-CTR`, kind: 'ctr', ivBytes: 8, blockBytes: 1, icvBytes: 0, source: 'RFC 3686 §3.1 (8-byte IV), §3.2 (no block padding)' });
    // AES-GMAC: authentication only, 8-byte IV, 16-byte tag (RFC 4543 §3).
    ciphers.push({ keyword: `aes${bits}gmac`, name: `AES-${bits}-GMAC (authentication only)`, kind: 'gmac', ivBytes: 8, blockBytes: 1, icvBytes: 16, source: 'RFC 4543 §3 (8-byte IV, 16-byte ICV)' });
    for (const [suffix, icv] of [['', 16] as const, ...AEAD_ICV_SUFFIXES]) {
      // AES-GCM: 8-byte IV, ICV 8/12/16, 4-byte alignment only (RFC 4106 §3.1, §3.2, §6).
      ciphers.push({ keyword: `aes${bits}gcm${suffix}`, name: `AES-${bits}-GCM (${icv}-byte ICV)`, kind: 'aead', ivBytes: 8, blockBytes: 1, icvBytes: icv, source: 'RFC 4106 §3.1 (8-byte IV), §3.2 (4-byte alignment), §6 (ICV 8/12/16)' });
      // AES-CCM: 8-byte IV, ICV 8/12/16, 4-byte alignment only (RFC 4309 §3.1, §3.2, §3.3).
      ciphers.push({ keyword: `aes${bits}ccm${suffix}`, name: `AES-${bits}-CCM (${icv}-byte ICV)`, kind: 'aead', ivBytes: 8, blockBytes: 1, icvBytes: icv, source: 'RFC 4309 §3.1 (8-byte IV), §3.2 (4-byte alignment), §3.3 (ICV 8/12/16)' });
    }
  }
  // ChaCha20-Poly1305: 8-byte IV, 16-byte tag, 4-byte alignment only (RFC 7634 §2).
  ciphers.push({ keyword: 'chacha20poly1305', name: 'ChaCha20-Poly1305', kind: 'aead', ivBytes: 8, blockBytes: 1, icvBytes: 16, source: 'RFC 7634 §2 (8-byte IV, 16-byte tag, 4-byte alignment)' });
  ciphers.push(cbc('camellia', 'Camellia-128-CBC', 16, 'RFC 4312 (128-bit block and IV); strongSwan: camellia = camellia128'));
  for (const bits of CAMELLIA_KEY_BITS) {
    ciphers.push(cbc(`camellia${bits}`, `Camellia-${bits}-CBC`, 16, 'RFC 4312 (128-bit block and IV)'));
    // Camellia-CTR and -CCM reuse the AES-CTR and AES-CCM ESP formats (RFC 5529).
    ciphers.push({ keyword: `camellia${bits}ctr`, name: `Camellia-${bits}-CTR`, kind: 'ctr', ivBytes: 8, blockBytes: 1, icvBytes: 0, source: 'RFC 5529 (as RFC 3686: 8-byte IV, no block padding)' });
    for (const [suffix, icv] of AEAD_ICV_SUFFIXES) {
      ciphers.push({ keyword: `camellia${bits}ccm${suffix}`, name: `Camellia-${bits}-CCM (${icv}-byte ICV)`, kind: 'aead', ivBytes: 8, blockBytes: 1, icvBytes: icv, source: 'RFC 5529 (as RFC 4309: 8-byte IV, ICV 8/12/16)' });
    }
  }
  return ciphers;
}

function buildIntegrity(): IntegrityInfo[] {
  return [
    { keyword: 'md5', name: 'HMAC-MD5-96', icvBytes: 12, source: 'RFC 2403 (96-bit truncation)' },
    { keyword: 'md5_128', name: 'HMAC-MD5-128', icvBytes: 16, source: 'RFC 4595 (AUTH_HMAC_MD5_128, untruncated)' },
    { keyword: 'sha', name: 'HMAC-SHA1-96', icvBytes: 12, source: 'RFC 2404 (96-bit truncation); strongSwan: sha = sha1' },
    { keyword: 'sha1', name: 'HMAC-SHA1-96', icvBytes: 12, source: 'RFC 2404 (96-bit truncation)' },
    { keyword: 'sha1_160', name: 'HMAC-SHA1-160', icvBytes: 20, source: 'RFC 4595 (AUTH_HMAC_SHA1_160, untruncated)' },
    { keyword: 'sha256', name: 'HMAC-SHA2-256-128', icvBytes: 16, source: 'RFC 4868 (128-bit truncation)' },
    { keyword: 'sha2_256', name: 'HMAC-SHA2-256-128', icvBytes: 16, source: 'RFC 4868 (128-bit truncation)' },
    { keyword: 'sha256_96', name: 'HMAC-SHA2-256-96 (pre-RFC 4868 Linux kernels)', icvBytes: 12, source: 'draft-ietf-ipsec-ciph-sha-256-00 (96-bit truncation); strongSwan AUTH_HMAC_SHA2_256_96' },
    { keyword: 'sha2_256_96', name: 'HMAC-SHA2-256-96 (pre-RFC 4868 Linux kernels)', icvBytes: 12, source: 'draft-ietf-ipsec-ciph-sha-256-00 (96-bit truncation); strongSwan AUTH_HMAC_SHA2_256_96' },
    { keyword: 'sha384', name: 'HMAC-SHA2-384-192', icvBytes: 24, source: 'RFC 4868 (192-bit truncation)' },
    { keyword: 'sha2_384', name: 'HMAC-SHA2-384-192', icvBytes: 24, source: 'RFC 4868 (192-bit truncation)' },
    { keyword: 'sha512', name: 'HMAC-SHA2-512-256', icvBytes: 32, source: 'RFC 4868 (256-bit truncation)' },
    { keyword: 'sha2_512', name: 'HMAC-SHA2-512-256', icvBytes: 32, source: 'RFC 4868 (256-bit truncation)' },
    { keyword: 'aesxcbc', name: 'AES-XCBC-MAC-96', icvBytes: 12, source: 'RFC 3566 (96-bit truncation)' },
    { keyword: 'aescmac', name: 'AES-CMAC-96', icvBytes: 12, source: 'RFC 4494 (96-bit truncation)' },
    { keyword: 'camelliaxcbc', name: 'Camellia-XCBC-96', icvBytes: 12, source: 'strongSwan AUTH_CAMELLIA_XCBC_96 (96-bit truncation)' },
  ];
}

export const CIPHERS: readonly CipherInfo[] = buildCiphers();
export const INTEGRITY_ALGORITHMS: readonly IntegrityInfo[] = buildIntegrity();

export const CIPHER_BY_KEYWORD: ReadonlyMap<string, CipherInfo> = new Map(CIPHERS.map((c) => [c.keyword, c]));
export const INTEGRITY_BY_KEYWORD: ReadonlyMap<string, IntegrityInfo> = new Map(
  INTEGRITY_ALGORITHMS.map((i) => [i.keyword, i]),
);

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

/** PRFs belong in IKE proposals; pasted into an ESP proposal they cost nothing (strongSwan prf* keywords). */
export const PRF_KEYWORDS: readonly string[] = PRFS.map((p) => p.keyword);

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
 * Key-exchange keywords the parsers accept (strongSwan; ML-KEM since strongSwan 6.0). A key
 * exchange runs in IKE and adds nothing to ESP packets. Each may carry a ke1_..ke7_ prefix for
 * the RFC 9370 additional key exchanges.
 */
export const KEY_EXCHANGE_KEYWORDS: readonly string[] = [
  ...KEY_EXCHANGE_METHODS.map((k) => k.keyword),
  'modpnone',
  'x25519',
  'x448',
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

/** Extended sequence numbers: the high 32 bits are never sent (RFC 4303 §2.2.1). */
export const ESN_KEYWORDS: readonly string[] = ['esn', 'noesn'];

/** RFC 9370 additional key exchanges 1..7, written ke1_<method> .. ke7_<method> by strongSwan. */
export const ADDITIONAL_KE_PREFIX = /^ke[1-7]_/;
