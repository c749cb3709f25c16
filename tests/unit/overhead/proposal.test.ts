// strongSwan ESP proposal parser: keywords as in strongSwan's proposal_keywords_static.txt,
// sizes as in overhead.md §2.4, refusals with a message that names the problem.
import { describe, expect, it } from 'vitest';
import { CIPHERS, INTEGRITY_ALGORITHMS, ModelError, parseEspProposal } from '../../../src/lib/overhead';

describe('accepted proposals', () => {
  it.each([
    { source: 'strongSwan keyword aes256gcm16; RFC 4106', text: 'aes256gcm16', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan alias aes256gcm128 = ICV 16', text: 'aes256gcm128', proposal: 'aes256gcm128', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan bare aes128gcm = ICV 16', text: 'aes128gcm', proposal: 'aes128gcm', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan alias aes192gcm64 = ICV 8', text: 'aes192gcm64', proposal: 'aes192gcm64', iv: 8, align: 4, icv: 8, encrypts: true },
    { source: 'strongSwan aes128ccm12; RFC 4309', text: 'aes128ccm12', proposal: 'aes128ccm12', iv: 8, align: 4, icv: 12, encrypts: true },
    { source: 'strongSwan alias aes256ccm96 = ICV 12', text: 'aes256ccm96', proposal: 'aes256ccm96', iv: 8, align: 4, icv: 12, encrypts: true },
    { source: 'strongSwan aes128-sha1; RFC 3602 + RFC 2404', text: 'aes128-sha1', proposal: 'aes128-sha1', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aes = aes128 (CBC), sha = sha1', text: 'aes-sha', proposal: 'aes-sha', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aes192-md5; RFC 2403', text: 'aes192-md5', proposal: 'aes192-md5', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aes256-sha384; RFC 4868', text: 'aes256-sha384', proposal: 'aes256-sha384', iv: 16, align: 16, icv: 24, encrypts: true },
    { source: 'strongSwan sha2_512 alias; RFC 4868', text: 'aes256-sha2_512', proposal: 'aes256-sha2_512', iv: 16, align: 16, icv: 32, encrypts: true },
    { source: 'strongSwan legacy sha256_96 (pre-RFC 4868 Linux)', text: 'aes128-sha256_96', proposal: 'aes128-sha256_96', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aesxcbc; RFC 3566', text: 'aes128-aesxcbc', proposal: 'aes128-aesxcbc', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aescmac; RFC 4494', text: 'aes128-aescmac', proposal: 'aes128-aescmac', iv: 16, align: 16, icv: 12, encrypts: true },
    { source: 'strongSwan aes128ctr; RFC 3686', text: 'aes128ctr-sha256', proposal: 'aes128ctr-sha256', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan chacha20poly1305; RFC 7634', text: 'chacha20poly1305', proposal: 'chacha20poly1305', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan aes128gmac; RFC 4543 (authentication only)', text: 'aes128gmac', proposal: 'aes128gmac', iv: 8, align: 4, icv: 16, encrypts: false },
    { source: 'strongSwan 3des; RFC 2451', text: '3des-sha1', proposal: '3des-sha1', iv: 8, align: 8, icv: 12, encrypts: true },
    { source: 'strongSwan des; RFC 2405', text: 'des-md5', proposal: 'des-md5', iv: 8, align: 8, icv: 12, encrypts: true },
    { source: 'strongSwan null; RFC 2410 (no IV, 4-byte alignment)', text: 'null-sha256', proposal: 'null-sha256', iv: 0, align: 4, icv: 16, encrypts: false },
    { source: 'strongSwan camellia256; RFC 4312', text: 'camellia256-sha256', proposal: 'camellia256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'strongSwan camellia128ccm8; RFC 5529', text: 'camellia128ccm8', proposal: 'camellia128ccm8', iv: 8, align: 4, icv: 8, encrypts: true },
    { source: 'KE tokens cost 0 bytes (strongSwan modp/ecp keywords)', text: 'aes256gcm16-modp2048-ecp256', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan 6 RFC 9370 additional KE: ke1_mlkem768', text: 'aes256gcm16-x25519-ke1_mlkem768', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'strongSwan ke7_ prefix, curve448/x448, ecp*bp', text: 'aes256-sha256-curve448-x448-ecp256bp-ke7_modp3072', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'ESN adds 0 bytes (RFC 4303 §2.2.1)', text: 'aes256gcm16-esn', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'noesn adds 0 bytes', text: 'aes256-sha256-noesn', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'IKE proposals pasted with prf tokens: accepted, 0 bytes', text: 'aes256gcm16-prfsha384-ecp384', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'Order of kinds does not matter (strongSwan docs, proposals)', text: 'sha256-modp2048-aes256', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: 'Case-insensitive, whitespace trimmed', text: '  AES256GCM16 ', proposal: 'aes256gcm16', iv: 8, align: 4, icv: 16, encrypts: true },
    { source: 'Spaces around dashes trimmed (strongSwan tokeniser trims spaces)', text: 'aes256 - sha256', proposal: 'aes256-sha256', iv: 16, align: 16, icv: 16, encrypts: true },
    { source: "ipsec.conf strict flag '!' changes nothing on the wire", text: 'aes256-sha1-modp2048!', proposal: 'aes256-sha1', iv: 16, align: 16, icv: 12, encrypts: true },
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
    { source: 'unknown token, names it and suggests the nearest keyword', text: 'aes129-sha256', mentions: ["Unknown ESP token 'aes129'", "Did you mean 'aes128'?", 'Ciphers:', 'Integrity:'] },
    { source: 'misspelt integrity algorithm', text: 'aes256-sha265', mentions: ["'sha265'", "Did you mean 'sha256'?"] },
    { source: 'RFC 4106 §6 allows only ICV 8/12/16: gcm10 does not exist', text: 'aes128gcm10', mentions: ["'aes128gcm10'"] },
    { source: 'AEAD + integrity is contradictory (strongSwan refuses it)', text: 'aes256gcm16-sha256', mentions: ["'aes256gcm16'", 'cannot be combined', "'sha256'"] },
    { source: 'GMAC + integrity is contradictory', text: 'aes128gmac-sha1', mentions: ["'aes128gmac'", 'cannot be combined'] },
    { source: 'CBC without integrity', text: 'aes256', mentions: ["'aes256' needs an integrity algorithm", "'aes256-sha256'"] },
    { source: 'CTR without integrity', text: 'aes128ctr', mentions: ["'aes128ctr' needs an integrity algorithm"] },
    { source: 'NULL without integrity', text: 'null', mentions: ["'null' needs an integrity algorithm"] },
    { source: 'integrity without cipher', text: 'sha256', mentions: ['no cipher', "'null-sha256'"] },
    { source: 'only key exchange tokens', text: 'modp2048-ecp256', mentions: ['no encryption algorithm'] },
    { source: 'two ciphers: a tunnel negotiates one', text: 'aes256gcm16-aes128gcm16', mentions: ['2 encryption algorithms', 'aes256gcm16, aes128gcm16', 'Enter the one your peers negotiate'] },
    { source: 'two integrity algorithms', text: 'aes256-sha256-sha1', mentions: ['2 integrity algorithms', 'Enter the one your peers negotiate'] },
    { source: 'comma-separated list of proposals', text: 'aes256gcm16,aes256-sha256', mentions: ['2 proposals', 'one proposal at a time'] },
    { source: 'empty', text: '', mentions: ['empty'] },
    { source: 'blank', text: '   ', mentions: ['empty'] },
    { source: 'empty token between dashes', text: 'aes256--sha256', mentions: ['empty algorithm between two dashes'] },
    { source: 'ke prefix on a non-KE keyword', text: 'aes256gcm16-ke1_aes128', mentions: ["'ke1_aes128'"] },
    { source: 'ke8_ is beyond RFC 9370 (ADDKE1..7)', text: 'aes256gcm16-ke8_mlkem768', mentions: ["'ke8_mlkem768'"] },
    { source: 'AH-only or IKE-only keyword soup', text: 'blowfish-sha1', mentions: ["'blowfish'"] },
  ])('$source: $text', ({ text, mentions }) => {
    const error = refusal(text);
    expect(error.field).toBe('esp');
    expect(error.allowed).toContain('aes256gcm16');
    for (const fragment of mentions) expect(error.message).toContain(fragment);
  });

  it.each([
    { source: 'not a string: number', value: 42 },
    { source: 'not a string: null', value: null },
    { source: 'not a string: undefined', value: undefined },
    { source: 'not a string: object', value: { esp: 'aes256gcm16' } },
    { source: 'not a string: array', value: ['aes256gcm16'] },
  ])('$source', ({ value }) => {
    const error = refusal(value);
    expect(error.field).toBe('esp');
    expect(error.message).toContain('must be text');
  });
});
