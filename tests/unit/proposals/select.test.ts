import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatProposal, parseProposals, parseStrongswanProposal, selectPair, selectProposal } from '../../../src/lib/proposals';

// Semantics from strongswan/strongswan 5.9.8 src/libstrongswan/crypto/proposal/proposal.c:
// select_algo() (preferred side's order; optional ESP key exchange matched by NONE),
// select_algos() (every type must match; AEAD skips integrity), proposal_select().
const SRC = 'proposal.c 5.9.8';
const ike = (s: string) => parseProposals(s, 'ike').proposals;
const esp = (s: string) => parseProposals(s, 'esp').proposals;

describe('selection', () => {
  it.each([
    // [preferred (server), other (client), protocol, skip KE, expected selection or missing types, source]
    ['aes256-aes128-sha256-ecp256-modp2048', 'aes128-aes256-sha256-modp2048-ecp256', 'ike', false, 'aes256-sha256-prfsha256-ecp256', `${SRC}: preferred side's order decides`],
    ['aes256gcm16-prfsha256-ecp256, aes256-sha256-modp2048', 'aes256-sha256-modp2048', 'ike', false, 'aes256-sha256-prfsha256-modp2048', `${SRC}: next configured proposal`],
    ['aes256-sha256-ecp384', 'aes256-sha256-modp1024', 'ike', false, ['ke'], `${SRC}: no common key exchange`],
    ['aes256gcm16-prfsha384-ecp384', 'aes256-sha1-modp1024', 'ike', false, ['encr', 'prf', 'ke'], `${SRC}: nothing in common (integrity compared only between classic proposals)`],
    ['aes256-sha256', 'aes256-sha256-modp2048', 'esp', false, ['ke'], `${SRC}: KE on one side only and no NONE`],
    ['aes256-sha256-modp2048-none', 'aes256-sha256', 'esp', false, 'aes256-sha256', `${SRC}: NONE makes the key exchange optional`],
    ['aes256-sha256', 'aes256-sha256-modp2048-none', 'esp', false, 'aes256-sha256', `${SRC}: NONE on the other side works too`],
    ['aes256-sha256-ecp384', 'aes256-sha256', 'esp', true, 'aes256-sha256', 'child_create.c: IKE_AUTH skips key exchanges'],
    ['aes256gcm16-ecp384', 'aes256gcm16', 'esp', false, ['ke'], 'algo esp vs a client without PFS, at rekey'],
    ['aes128gcm16, aes128-sha1', 'aes256gcm16, aes128-sha1', 'esp', false, 'aes128-sha1', `${SRC}: second proposal pair`],
    ['aes256-sha256-modp2048-ke1_mlkem768', 'aes256-sha256-modp2048', 'ike', false, ['ke1'], 'RFC 9370: an additional key exchange is not optional unless NONE is listed'],
    ['aes256-sha256-modp2048-ke1_mlkem768-ke1_none', 'aes256-sha256-modp2048', 'ike', false, 'aes256-sha256-prfsha256-modp2048', `${SRC}: additional key exchanges are optional with NONE`],
  ] as const)('%s vs %s (%s)', (server, client, protocol, skipKe, expected, _source) => {
    const parse = protocol === 'ike' ? ike : esp;
    const result = selectProposal(parse(server), parse(client), { skipKe });
    if (typeof expected === 'string') {
      expect(result.ok && formatProposal(result.selected)).toBe(expected);
    } else {
      expect(result.ok ? 'matched' : result.missing).toEqual(expected);
    }
  });
});

const KE = ['modp2048', 'ecp256', 'ecp384', 'curve25519', 'none'];
const ENCR = ['aes128', 'aes256', '3des'];
const INTEG = ['sha1', 'sha256', 'sha384'];
const espProposal = fc
  .record({
    encr: fc.subarray(ENCR, { minLength: 1 }),
    integ: fc.subarray(INTEG, { minLength: 1 }),
    ke: fc.subarray(KE),
  })
  .map(({ encr, integ, ke }) => parseStrongswanProposal([...encr, ...integ, ...ke].join('-'), 'esp'));
const ikeProposal = fc
  .record({ encr: fc.subarray(ENCR, { minLength: 1 }), integ: fc.subarray(INTEG, { minLength: 1 }), ke: fc.subarray(KE.slice(0, 4), { minLength: 1 }) })
  .map(({ encr, integ, ke }) => parseStrongswanProposal([...encr, ...integ, ...ke].join('-'), 'ike'));

describe('selection properties', () => {
  it('whether two proposals match does not depend on which side is preferred', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(espProposal, espProposal), fc.tuple(ikeProposal, ikeProposal)), ([a, b]) => {
        expect('selected' in selectPair(a, b)).toBe('selected' in selectPair(b, a));
      }),
    );
  });

  it('the selection has one algorithm per type, offered by both sides, the preferred side’s first', () => {
    fc.assert(
      fc.property(fc.tuple(ikeProposal, ikeProposal), ([a, b]) => {
        const result = selectPair(a, b);
        if (!('selected' in result)) return;
        for (const [type, [alg]] of Object.entries(result.selected.transforms) as [keyof typeof a.transforms, string[]][]) {
          expect(a.transforms[type]).toContain(alg);
          expect(b.transforms[type]).toContain(alg);
          expect(a.transforms[type]!.find((x) => b.transforms[type]!.includes(x))).toBe(alg);
        }
      }),
    );
  });

  it('a proposal always matches itself', () => {
    fc.assert(fc.property(fc.oneof(espProposal, ikeProposal), (p) => {
      expect('selected' in selectPair(p, p)).toBe(true);
    }));
  });
});
