import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ProposalError,
  STRONGSWAN_DEFAULTS,
  formatProposal,
  formatProposals,
  parseProposals,
  parseStrongswanProposal,
} from '../../../src/lib/proposals';
import { ModelError } from '../../../src/lib/overhead';

const PROPOSAL_C = 'strongswan/strongswan 5.9.8 src/libstrongswan/crypto/proposal/proposal.c check_proposal()';
const DOCS = 'docs.strongswan.org config/proposals.html';

describe('strongSwan proposals', () => {
  it.each([
    // [input, protocol, expected canonical list, source]
    ['aes256gcm16-prfsha384-ecp384', 'ike', 'aes256gcm16-prfsha384-ecp384', DOCS],
    ['aes256-sha256-modp2048', 'ike', 'aes256-sha256-prfsha256-modp2048', `${PROPOSAL_C}: PRF from integrity (integ_prf_map)`],
    ['aes256gcm16-sha256-ecp256', 'ike', 'aes256gcm16-prfsha256-ecp256', `${PROPOSAL_C}: PRF derived first, then integrity removed for AEAD`],
    ['aes256gcm16-aes192gcm16-prfsha384-prfsha256-ecp384-modp3072', 'ike', 'aes256gcm16-aes192gcm16-prfsha384-prfsha256-ecp384-modp3072', `${DOCS} (example 1)`],
    ['aes256gcm16-prfsha384-ecp384-aes192gcm16-prfsha256-modp3072', 'ike', 'aes256gcm16-aes192gcm16-prfsha384-prfsha256-ecp384-modp3072', `${DOCS} (example 2: same proposal)`],
    ['aes-sha-modp2048', 'ike', 'aes128-sha1-prfsha1-modp2048', 'proposal_keywords_static.txt: aes = aes128, sha = sha1'],
    ['aes256-sha256-x25519-ke1_mlkem768', 'ike', 'aes256-sha256-prfsha256-curve25519-ke1_mlkem768', 'RFC 9370; strongSwan 6.0 keN_ prefix'],
    ['aes256-sha256-modp2048-none', 'ike', 'aes256-sha256-prfsha256-modp2048', `${PROPOSAL_C}: KE_NONE removed from IKE`],
    ['aes256gcm16', 'esp', 'aes256gcm16', DOCS],
    ['aes256gcm128-esn', 'esp', 'aes256gcm16-esn', 'proposal_keywords_static.txt: gcm128 = 16-byte ICV'],
    ['aes256-sha256-modp2048-modpnone', 'esp', 'aes256-sha256-modp2048-none', 'strongSwan docs interop/ios.adoc: optional DH group'],
    ['aes128-sha256-prfsha256', 'esp', 'aes128-sha256', `${PROPOSAL_C}: PRFs removed from ESP`],
    ['aes128gcm16-sha256', 'esp', 'aes128gcm16', `${PROPOSAL_C}: integrity removed when all ciphers are AEAD`],
    ['aes128', 'esp', 'aes128', `${PROPOSAL_C}: ESP needs no integrity`],
  ] as const)('%s (%s)', (input, protocol, expected, _source) => {
    expect(formatProposals(parseProposals(input, protocol).proposals)).toBe(expected);
  });

  it('expands default to the version’s defaults, in vici_config.c order', () => {
    // 5.9.8 vici_config.c parse_proposal(): proposal_create_default() then _default_aead().
    expect(formatProposals(parseProposals('default', 'esp', { version: '5.9' }).proposals)).toBe(
      'aes128-aes192-aes256-sha256-sha384-sha512-sha1-aesxcbc, aes128gcm16-aes192gcm16-aes256gcm16',
    );
    // 3b902ea5 add_default_proposals(): AEAD first for ESP, KE methods optional (6.0.2).
    const esp60 = parseProposals('default', 'esp', { version: '6.0' }).proposals;
    expect(esp60[0]!.transforms.encr).toEqual(['aes128gcm16', 'aes192gcm16', 'aes256gcm16']);
    expect(esp60[0]!.transforms.ke?.at(-1)).toBe('none');
    expect(STRONGSWAN_DEFAULTS['5.9'].ike).toEqual(STRONGSWAN_DEFAULTS['6.0'].ike);
  });

  it('appends the defaults to an ipsec.conf list without ! (stroke_config.c), not with it', () => {
    const loose = parseProposals('esp=aes256-sha1', 'esp', { version: '5.9' });
    expect(loose.dialect).toBe('ipsec.conf');
    expect(loose.defaultsAppended).toBe(true);
    expect(loose.proposals).toHaveLength(3);
    const strict = parseProposals('esp=aes256-sha1!', 'esp');
    expect(strict.proposals).toHaveLength(1);
    expect(parseProposals('esp_proposals = aes256-sha1', 'esp').dialect).toBe('swanctl');
  });
});

describe('libreswan proposals (ipsec.conf(5) ike=, esp=, phase2alg=)', () => {
  it.each([
    ['ike=aes256-sha2;modp2048', 'ike', 'aes256-sha256-prfsha256-modp2048', 'libreswan: sha2 = sha2_256, ;DH'],
    ['aes_gcm_c_256-hmac_sha2_256-ecp_256', 'ike', 'aes256gcm16-prfsha256-ecp256', 'hwdsl2 ikev2setup.sh; aes_gcm_c = 16-byte ICV, second token is the PRF'],
    ['phase2alg=aes_gcm-null,aes128-sha1', 'esp', 'aes256gcm16-aes128gcm16, aes128-sha1', 'libreswan: no key length = 256 and 128'],
    ['ike=aes256-sha1', 'ike', 'aes256-sha1-prfsha1-modp2048-modp3072-modp4096-modp8192-ecp256-ecp384-ecp521-curve25519', 'default DH list logged in hwdsl2/setup-ipsec-vpn#1314'],
    ['esp=aes128-sha2;dh19', 'esp', 'aes128-sha256-ecp256', 'libreswan dh19 = ECP-256 (PFS group)'],
  ] as const)('%s', (input, protocol, expected, _source) => {
    const list = parseProposals(input, protocol);
    expect(list.dialect).toBe('libreswan');
    expect(formatProposals(list.proposals)).toBe(expected);
  });
});

describe('errors name the token, its position and the closest keywords', () => {
  it.each([
    // [input, protocol, token, proposal number, offset, first suggestion]
    ['aes129-sha256-ecp256', 'ike', 'aes129', 1, 0, 'aes128'],
    ['aes256gcm16-prfsha256-ecp256, aes256-sha265-modp2048', 'ike', 'sha265', 2, 37, 'sha256'],
    ['proposals = aes256-sha256-ecp265', 'ike', 'ecp265', 1, 26, 'ecp256'],
    ['aes256gcm16-prfsha384-curve2519', 'ike', 'curve2519', 1, 22, 'curve25519'],
  ] as const)('%s', (input, protocol, token, proposal, offset, suggestion) => {
    try {
      parseProposals(input, protocol);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProposalError);
      expect(error).toBeInstanceOf(ModelError);
      const e = error as ProposalError;
      expect([e.field, e.token, e.proposal, e.offset, e.suggestions[0]]).toEqual([protocol, token, proposal, offset, suggestion]);
      expect(input.slice(e.offset, e.offset + token.length)).toBe(token);
    }
  });

  it.each([
    ['aes256gcm16-ecp256', 'ike', /no PRF/, `${PROPOSAL_C}: a PRF is mandatory in IKE`],
    ['aes256-sha256', 'ike', /no key exchange/, `${PROPOSAL_C}: a DH group is mandatory in IKE`],
    ['aes256-aes256gcm16-sha256-modp2048', 'ike', /mixes AEAD and classic/, `${PROPOSAL_C}: classic and AEAD not in one proposal`],
    ['aes256-modp2048', 'ike', /no PRF and no integrity/, `${PROPOSAL_C}: the PRF check comes first`],
    ['aes256-prfsha256-modp2048', 'ike', /no integrity/, `${PROPOSAL_C}: integrity mandatory with classic IKE ciphers`],
    ['sha256', 'esp', /no encryption/, `${PROPOSAL_C}: encryption mandatory`],
    ['', 'esp', /at least one proposal/, 'empty field'],
    ['ike=aes256-sha256-modp2048', 'esp', /IKE field/, 'an ike= line in the ESP field'],
  ] as const)('%s refused (%s)', (input, protocol, message, _source) => {
    expect(() => parseProposals(input, protocol)).toThrow(message);
  });
});

const TOKENS = ['aes128', 'aes256', 'aes256gcm16', 'aes128gcm16', 'chacha20poly1305', '3des', 'sha1', 'sha256', 'sha384', 'prfsha256', 'prfsha384', 'modp2048', 'ecp256', 'ecp384', 'x25519', 'ke1_mlkem768', 'none', 'esn', 'noesn'];

describe('properties', () => {
  it('format then parse gives the same proposal (round trip)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }), fc.constantFrom('ike', 'esp'), (tokens, protocol) => {
        let parsed;
        try {
          parsed = parseStrongswanProposal(tokens.join('-'), protocol);
        } catch (error) {
          expect(error).toBeInstanceOf(ProposalError);
          return;
        }
        expect(parseStrongswanProposal(formatProposal(parsed), protocol)).toEqual(parsed);
      }),
    );
  });

  it('never throws anything but ProposalError, on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('ike', 'esp'), (text, protocol) => {
        try {
          parseProposals(text, protocol);
        } catch (error) {
          expect(error).toBeInstanceOf(ProposalError);
          const e = error as ProposalError;
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
