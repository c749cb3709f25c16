/**
 * charon logs proposals with its transform enum names ("IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384");
 * configurations and the proposal matcher use its keywords ("aes256gcm16-prfsha384-ecp384").
 * This translates the first form into the second.
 *
 * Names: strongSwan 5.9.8 src/libstrongswan/crypto/crypters/crypter.c (encryption_algorithm_names),
 * crypto/signers/signer.c (integrity_algorithm_names), crypto/prfs/prf.c (pseudo_random_function_names),
 * crypto/diffie_hellman.c (diffie_hellman_group_names), crypto/transform.c (extended sequence numbers).
 * Keywords: src/libstrongswan/crypto/proposal/proposal_keywords_static.txt of the same release.
 */

// Fixed names (key size, if any, is part of the name)
const FIXED: Readonly<Record<string, string>> = {
  '3DES_CBC': '3des',
  DES_CBC: 'des',
  NULL: 'null',
  CHACHA20_POLY1305: 'chacha20poly1305',
  HMAC_MD5_96: 'md5',
  HMAC_MD5_128: 'md5_128',
  HMAC_SHA1_96: 'sha1',
  HMAC_SHA1_160: 'sha1_160',
  HMAC_SHA2_256_128: 'sha256',
  HMAC_SHA2_256_96: 'sha256_96',
  HMAC_SHA2_384_192: 'sha384',
  HMAC_SHA2_512_256: 'sha512',
  AES_XCBC_96: 'aesxcbc',
  AES_CMAC_96: 'aescmac',
  PRF_HMAC_MD5: 'prfmd5',
  PRF_HMAC_SHA1: 'prfsha1',
  PRF_HMAC_SHA2_256: 'prfsha256',
  PRF_HMAC_SHA2_384: 'prfsha384',
  PRF_HMAC_SHA2_512: 'prfsha512',
  PRF_AES128_XCBC: 'prfaesxcbc',
  PRF_AES128_CMAC: 'prfaescmac',
  MODP_NONE: 'modpnone',
  MODP_768: 'modp768',
  MODP_1024: 'modp1024',
  MODP_1536: 'modp1536',
  MODP_2048: 'modp2048',
  MODP_3072: 'modp3072',
  MODP_4096: 'modp4096',
  MODP_6144: 'modp6144',
  MODP_8192: 'modp8192',
  MODP_1024_160: 'modp1024s160',
  MODP_2048_224: 'modp2048s224',
  MODP_2048_256: 'modp2048s256',
  ECP_192: 'ecp192',
  ECP_224: 'ecp224',
  ECP_256: 'ecp256',
  ECP_384: 'ecp384',
  ECP_521: 'ecp521',
  ECP_224_BP: 'ecp224bp',
  ECP_256_BP: 'ecp256bp',
  ECP_384_BP: 'ecp384bp',
  ECP_512_BP: 'ecp512bp',
  CURVE_25519: 'curve25519',
  CURVE_448: 'curve448',
  EXT_SEQ: 'esn',
};

// Names with the key size last: AES_CBC_256, AES_GCM_16_256, AES_CCM_12_128, AES_CTR_128, CAMELLIA_CBC_128
const SIZED = /^(AES_CBC|AES_CTR|CAMELLIA_CBC|CAMELLIA_CTR|AES_GCM_(8|12|16)|AES_CCM_(8|12|16)|NULL_AES_GMAC)_(128|192|256)$/;

function keyword(name: string): string | undefined {
  if (name === 'NO_EXT_SEQ') return ''; // the default; strongSwan's keyword 'noesn' is never needed
  const fixed = FIXED[name];
  if (fixed !== undefined) return fixed;
  const m = SIZED.exec(name);
  if (!m) return undefined;
  const [, family, gcm, ccm, bits] = m;
  if (gcm) return `aes${bits}gcm${gcm}`;
  if (ccm) return `aes${bits}ccm${ccm}`;
  switch (family) {
    case 'AES_CBC': return `aes${bits}`;
    case 'AES_CTR': return `aes${bits}ctr`;
    case 'CAMELLIA_CBC': return `camellia${bits}`;
    case 'CAMELLIA_CTR': return `camellia${bits}ctr`;
    default: return `aes${bits}gmac`; // NULL_AES_GMAC
  }
}

export interface LoggedProposal {
  readonly protocol: 'IKE' | 'ESP' | 'AH';
  /** The proposal as logged, e.g. 'IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048'. */
  readonly logged: string;
  /** strongSwan keyword form, e.g. 'aes256-sha256-prfsha256-modp2048'; undefined if a name is unknown. */
  readonly keywords: string | undefined;
  /** Key-exchange keywords in the proposal (ESP: PFS groups), in order. */
  readonly keyExchanges: readonly string[];
}

/** Parses charon's "IKE:A/B/C, IKE:D/E" list; anything else gives an empty list. */
export function parseLoggedProposals(list: string): LoggedProposal[] {
  const out: LoggedProposal[] = [];
  for (const part of list.split(/,\s*/)) {
    const m = /^(IKE|ESP|AH):(\S+)$/.exec(part.trim());
    const body = m?.[2];
    if (!m || body === undefined) continue;
    const names = body.split('/');
    const words = names.map(keyword);
    const known = words.every((w) => w !== undefined);
    const keyExchanges = names.filter((n) => /^(MODP|ECP|CURVE)_/.test(n) && n !== 'MODP_NONE').flatMap((n) => {
      const k = keyword(n);
      return k === undefined ? [] : [k];
    });
    out.push({
      protocol: m[1] as LoggedProposal['protocol'],
      logged: part.trim(),
      keywords: known ? words.filter((w) => w !== '').join('-') : undefined,
      keyExchanges,
    });
  }
  return out;
}

/** Keyword forms joined with commas, the syntax of swanctl `proposals`/`esp_proposals`; skips unknown ones. */
export function proposalParameter(proposals: readonly LoggedProposal[]): string {
  return proposals.flatMap((p) => (p.keywords ? [p.keywords] : [])).join(',');
}
