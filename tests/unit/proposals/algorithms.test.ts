import { describe, expect, it } from 'vitest';
import { ALGORITHM_ALIASES, KEY_EXCHANGE_METHODS, PRF_ALGORITHMS, canonicalAlgorithm } from '../../../src/lib/overhead/ike-transforms';
import { KEY_EXCHANGE_KEYWORDS, PRF_KEYWORDS } from '../../../src/lib/overhead/transforms';
import { classify } from '../../../src/lib/proposals';

describe('the one algorithm table', () => {
  it('keyword lists equal the IKE tables plus aliases', () => {
    expect([...PRF_KEYWORDS].sort()).toEqual(PRF_ALGORITHMS.map((p) => p.keyword).sort());
    const aliases = [...ALGORITHM_ALIASES].filter(([, to]) => KEY_EXCHANGE_METHODS.some((k) => k.keyword === to)).map(([from]) => from);
    expect([...KEY_EXCHANGE_KEYWORDS].sort()).toEqual([...KEY_EXCHANGE_METHODS.map((k) => k.keyword), ...aliases].sort());
  });

  it.each([
    // [keyword, IANA Transform Type 4 ID, source]
    ['modp1024', 2, 'RFC 7296 §3.3.2 / IANA IKEv2 Parameters'],
    ['modp2048', 14, 'RFC 3526 §3'],
    ['ecp256', 19, 'RFC 5903 §3.1'],
    ['ecp384', 20, 'RFC 5903 §3.2'],
    ['curve25519', 31, 'RFC 8031 §4'],
    ['curve448', 32, 'RFC 8031 §4'],
  ] as const)('%s is group %i', (keyword, id, _source) => {
    expect(KEY_EXCHANGE_METHODS.find((k) => k.keyword === keyword)?.id).toBe(id);
  });

  it.each([
    ['aes', 'encr', 'aes128'],
    ['sha', 'integ', 'sha1'],
    ['x25519', 'ke', 'curve25519'],
    ['modpnone', 'ke', 'none'],
    ['aes256gcm', 'encr', 'aes256gcm16'],
    ['aes128gcm64', 'encr', 'aes128gcm8'],
    ['ke3_mlkem1024', 'ke3', 'mlkem1024'],
    ['prfsha384', 'prf', 'prfsha384'],
  ] as const)('%s is %s %s (proposal_keywords_static.txt)', (token, type, keyword) => {
    expect(classify(token)).toMatchObject({ type, keyword });
    expect(canonicalAlgorithm(keyword)).toBe(keyword);
  });
});
