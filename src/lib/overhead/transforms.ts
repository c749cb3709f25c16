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
import { ESP_MIN_ALIGN } from './constants';

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

/** IV, padding alignment and ICV that a cipher (and integrity algorithm) give every ESP packet. */
export interface EspSizes {
  readonly ivBytes: number;
  /** B = max(cipher block, 4) (RFC 4303 §2.4; Linux ALIGN(blocksize, 4)). */
  readonly alignBytes: number;
  /** The AEAD/GMAC tag, or the truncated integrity output. */
  readonly icvBytes: number;
}

export function espSizes(cipher: CipherInfo, integrity: IntegrityInfo | null): EspSizes {
  const combined = cipher.kind === 'aead' || cipher.kind === 'gmac';
  return {
    ivBytes: cipher.ivBytes,
    alignBytes: Math.max(cipher.blockBytes, ESP_MIN_ALIGN),
    icvBytes: combined ? cipher.icvBytes : (integrity?.icvBytes ?? 0),
  };
}

/**
 * PRFs belong in IKE proposals; pasted into an ESP proposal they cost nothing (strongSwan prf*
 * keywords). Written out rather than derived from PRF_ALGORITHMS (ike-transforms.ts) so that
 * the ESP calculator's bundle does not carry the IKE table (a unit test keeps the two equal).
 */
export const PRF_KEYWORDS: readonly string[] = [
  'prfmd5', 'prfsha1', 'prfsha256', 'prfsha384', 'prfsha512', 'prfaesxcbc', 'prfaescmac', 'prfcamelliaxcbc',
];

/**
 * Key-exchange keywords the parsers accept (strongSwan; ML-KEM since strongSwan 6.0). A key
 * exchange runs in IKE and adds nothing to ESP packets. Each may carry a ke1_..ke7_ prefix for
 * the RFC 9370 additional key exchanges. KEY_EXCHANGE_METHODS plus the aliases, written out
 * (see PRF_KEYWORDS; a unit test keeps them equal).
 */
export const KEY_EXCHANGE_KEYWORDS: readonly string[] = [
  'none', 'modpnone', 'modpnull',
  'modp768', 'modp1024', 'modp1536', 'modp2048', 'modp3072', 'modp4096', 'modp6144', 'modp8192',
  'modp1024s160', 'modp2048s224', 'modp2048s256',
  'ecp192', 'ecp224', 'ecp256', 'ecp384', 'ecp521',
  'ecp224bp', 'ecp256bp', 'ecp384bp', 'ecp512bp',
  'curve25519', 'x25519', 'curve448', 'x448',
  'mlkem512', 'mlkem768', 'mlkem1024',
];

/** Extended sequence numbers: the high 32 bits are never sent (RFC 4303 §2.2.1). */
export const ESN_KEYWORDS: readonly string[] = ['esn', 'noesn'];

/** RFC 9370 additional key exchanges 1..7, written ke1_<method> .. ke7_<method> by strongSwan. */
export const ADDITIONAL_KE_PREFIX = /^ke[1-7]_/;
