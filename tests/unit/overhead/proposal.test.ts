// strongSwan ESP proposal parser: keywords as in strongSwan's proposal_keywords_static.txt,
// sizes from the RFC that defines each transform, refusals with a message that names the problem.
import { describe, expect, it } from 'vitest';
import { CIPHERS, INTEGRITY_ALGORITHMS, ModelError, parseEspProposal } from '../../../src/lib/overhead';

const KEYWORDS = 'strongswan/strongswan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt@3b902ea5';

describe('accepted proposals', () => {
  it.each([
    { source: `${KEYWORDS}: aes256gcm16 = ENCR_AES_GCM_ICV16; RFC 4106 §3.1 (IV 8), §6 (ICV 16)`, text: 'aes256gcm16', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: aes256gcm128 = ENCR_AES_GCM_ICV16`, text: 'aes256gcm128', proposal: 'aes256gcm128', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: aes128gcm = ENCR_AES_GCM_ICV16`, text: 'aes128gcm', proposal: 'aes128gcm', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: aes192gcm64 = ENCR_AES_GCM_ICV8`, text: 'aes192gcm64', proposal: 'aes192gcm64', iv: 8, align: 4, icv: 8, encrypts: true },
    { source: `${KEYWORDS}: aes128ccm12 = ENCR_AES_CCM_ICV12; RFC 4309 §3.1 (IV 8)`, text: 'aes128ccm12', proposal: 'aes128ccm12', iv: 8, align: 4, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aes256ccm96 = ENCR_AES_CCM_ICV12`, text: 'aes256ccm96', proposal: 'aes256ccm96', iv: 8, align: 4, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aes128, sha1; RFC 3602 §2.4 (block and IV 16), RFC 2404 (96-bit ICV)`, text: 'aes128-sha1', proposal: 'aes128-sha1', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aes = ENCR_AES_CBC 128, sha = AUTH_HMAC_SHA1_96`, text: 'aes-sha', proposal: 'aes-sha', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aes192, md5 = AUTH_HMAC_MD5_96; RFC 2403`, text: 'aes192-md5', proposal: 'aes192-md5', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: sha384 = AUTH_HMAC_SHA2_384_192; RFC 4868 §2.3`, text: 'aes256-sha384', proposal: 'aes256-sha384', iv: 16, align: 16, icv: 24, encrypts: true },
    { source: `${KEYWORDS}: sha2_512 = AUTH_HMAC_SHA2_512_256; RFC 4868 §2.3`, text: 'aes256-sha2_512', proposal: 'aes256-sha2_512', iv: 16, align: 16, icv: 32, encrypts: true },
    { source: `${KEYWORDS}: sha256_96 = AUTH_HMAC_SHA2_256_96 (pre-RFC 4868 Linux)`, text: 'aes128-sha256_96', proposal: 'aes128-sha256_96', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aesxcbc = AUTH_AES_XCBC_96; RFC 3566 §4`, text: 'aes128-aesxcbc', proposal: 'aes128-aesxcbc', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aescmac = AUTH_AES_CMAC_96; RFC 4494`, text: 'aes128-aescmac', proposal: 'aes128-aescmac', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: aes128ctr = ENCR_AES_CTR; RFC 3686 §3.1 (IV 8, no block padding)`, text: 'aes128ctr-sha256', proposal: 'aes128ctr-sha256', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: chacha20poly1305; RFC 7634 §2`, text: 'chacha20poly1305', proposal: 'chacha20poly1305', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: aes128gmac = ENCR_NULL_AUTH_AES_GMAC; RFC 4543 §3 (authentication only)`, text: 'aes128gmac', proposal: 'aes128gmac', iv: 8, align: 4, icv: 16, encrypts: false },
    { source: `${KEYWORDS}: 3des; RFC 2451 §2.4 (block and IV 8)`, text: '3des-sha1', proposal: '3des-sha1', iv: 8, align: 8, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: des = ENCR_DES; RFC 2405`, text: 'des-md5', proposal: 'des-md5', iv: 8, align: 8, icv: 12, encrypts: true },
    { source: `${KEYWORDS}: null = ENCR_NULL; RFC 2410 (no IV), RFC 4303 §2.4 (4-byte alignment)`, text: 'null-sha256', proposal: 'null-sha256', iv: 0, align: 4, icv: 16, encrypts: false },
    { source: `${KEYWORDS}: camellia256 = ENCR_CAMELLIA_CBC; RFC 4312`, text: 'camellia256-sha256', proposal: 'camellia256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: camellia128ccm8 = ENCR_CAMELLIA_CCM_ICV8; RFC 5529`, text: 'camellia128ccm8', proposal: 'camellia128ccm8', iv: 8, align: 4, icv: 8, encrypts: true },
    { source: `${KEYWORDS}: modp2048 and ecp256 are KEY_EXCHANGE_METHOD tokens, 0 bytes on ESP`, text: 'aes256gcm16-modp2048-ecp256', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: mlkem768; strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c@3b902ea5 KE1_ prefix for RFC 9370 additional key exchanges`, text: 'aes256gcm16-x25519-ke1_mlkem768', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: curve448, x448, ecp256bp; ke7_ is the last RFC 9370 additional key exchange`, text: 'aes256-sha256-curve448-x448-ecp256bp-ke7_modp3072', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'RFC 4303 §2.2.1: the high ESN bits are not sent, 0 bytes', text: 'aes256gcm16-esn', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: noesn = NO_EXT_SEQ_NUMBERS, 0 bytes`, text: 'aes256-sha256-noesn', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: `${KEYWORDS}: prfsha384 is a PSEUDO_RANDOM_FUNCTION token, 0 bytes on ESP`, text: 'aes256gcm16-prfsha384-ecp384', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c@3b902ea5: proposal_create_from_string adds each token by its type, in any order', text: 'sha256-modp2048-aes256', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c@3b902ea5: tokens are trimmed of spaces; upper case is the guide\'s leniency (strongSwan matches keywords exactly)', text: '  AES256GCM16 ', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c@3b902ea5: enumerator_create_token(algs, "-", " ") trims spaces', text: 'aes256 - sha256', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: "strongswan/strongswan man/ipsec.conf.5.in@3b902ea5: the strict flag '!' restricts the responder, nothing changes on the wire", text: 'aes256-sha1-modp2048!', proposal: 'aes256-sha1', iv: 16, align: 16, icv: 12, encrypts: true },
  ])('$source: $text', ({ text, proposal, iv, align, icv, encrypts }) => {
    const t = parseEspProposal(text);
    expect(t.proposal).toBe(proposal);
    expect(t.ivBytes).toBe(iv);
    expect(t.alignBytes).toBe(align);
    expect(t.icvBytes).toBe(icv);
    expect(t.encrypts).toBe(encrypts);
  });

  it('strongSwan: every cipher and integrity keyword parses, alone or paired as its kind requires', () => {
    for (const cipher of CIPHERS) {
      const combined = cipher.kind === 'aead' || cipher.kind === 'gmac';
      for (const integrity of combined ? [null] : INTEGRITY_ALGORITHMS) {
        const text = integrity ? `${cipher.keyword}-${integrity.keyword}` : cipher.keyword;
        const t = parseEspProposal(text);
        expect(t.proposal).toBe(text);
        expect(t.icvBytes).toBe(integrity ? integrity.icvBytes : cipher.icvBytes);
        expect(t.alignBytes).toBe(Math.max(4, cipher.blockBytes));
      }
    }
  });
});

function refusal(text: unknown): ModelError {
  try {
    parseEspProposal(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error(`expected ${String(text)} to be refused`);
}

describe('refused proposals', () => {
  it.each([
    { case: 'unknown token, names it and suggests the nearest keyword', text: 'aes129-sha256', mentions: ["Unknown ESP token 'aes129'", "Did you mean 'aes128'?", 'Ciphers:', 'Integrity:'] },
    { case: 'misspelt integrity algorithm', text: 'aes256-sha265', mentions: ["'sha265'", "Did you mean 'sha256'?"] },
    { case: 'RFC 4106 §6 allows only ICV 8/12/16: gcm10 does not exist', text: 'aes128gcm10', mentions: ["'aes128gcm10'"] },
    { case: 'AEAD + integrity is contradictory (strongSwan refuses it)', text: 'aes256gcm16-sha256', mentions: ["'aes256gcm16'", 'cannot be combined', "'sha256'"] },
    { case: 'GMAC + integrity is contradictory', text: 'aes128gmac-sha1', mentions: ["'aes128gmac'", 'cannot be combined'] },
    { case: 'CBC without integrity', text: 'aes256', mentions: ["'aes256' needs an integrity algorithm", "'aes256-sha256'"] },
    { case: 'CTR without integrity', text: 'aes128ctr', mentions: ["'aes128ctr' needs an integrity algorithm"] },
    { case: 'NULL without integrity', text: 'null', mentions: ["'null' needs an integrity algorithm"] },
    { case: 'integrity without cipher', text: 'sha256', mentions: ['no cipher', "'null-sha256'"] },
    { case: 'only key exchange tokens', text: 'modp2048-ecp256', mentions: ['no encryption algorithm'] },
    { case: 'two ciphers: a tunnel negotiates one', text: 'aes256gcm16-aes128gcm16', mentions: ['2 encryption algorithms', 'aes256gcm16, aes128gcm16', 'Enter the one your peers negotiate'] },
    { case: 'two integrity algorithms', text: 'aes256-sha256-sha1', mentions: ['2 integrity algorithms', 'Enter the one your peers negotiate'] },
    { case: 'comma-separated list of proposals', text: 'aes256gcm16,aes256-sha256', mentions: ['2 proposals', 'one proposal at a time'] },
    { case: 'empty', text: '', mentions: ['empty'] },
    { case: 'blank', text: '   ', mentions: ['empty'] },
    { case: 'empty token between dashes', text: 'aes256--sha256', mentions: ['empty algorithm between two dashes'] },
    { case: 'ke prefix on a non-KE keyword', text: 'aes256gcm16-ke1_aes128', mentions: ["'ke1_aes128'"] },
    { case: 'ke8_ is beyond RFC 9370 (ADDKE1..7)', text: 'aes256gcm16-ke8_mlkem768', mentions: ["'ke8_mlkem768'"] },
    { case: 'AH-only or IKE-only keyword soup', text: 'blowfish-sha1', mentions: ["'blowfish'"] },
  ])('$case: $text', ({ text, mentions }) => {
    const error = refusal(text);
    expect(error.field).toBe('esp');
    expect(error.allowed).toContain('aes256gcm16');
    for (const fragment of mentions) expect(error.message).toContain(fragment);
  });

  it.each([
    { case: 'not a string: number', value: 42 },
    { case: 'not a string: null', value: null },
    { case: 'not a string: undefined', value: undefined },
    { case: 'not a string: object', value: { esp: 'aes256gcm16' } },
    { case: 'not a string: array', value: ['aes256gcm16'] },
  ])('$case', ({ value }) => {
    const error = refusal(value);
    expect(error.field).toBe('esp');
    expect(error.message).toContain('must be text');
  });
});
