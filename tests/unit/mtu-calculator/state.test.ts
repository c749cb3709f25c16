// The calculator's URL contract (design.md, "Calculator URL contract"): names, values,
// defaults, round trips, and links that are old, foreign or garbage.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHOICES, DEFAULT_STATE, FORM_FIELDS, MTU_URL_STATE, stateQuery, type CalculatorState } from '../../../src/lib/mtu-calculator';

const arbitraryState: fc.Arbitrary<CalculatorState> = fc.record({
  proto: fc.constantFrom(...CHOICES.proto),
  outer: fc.constantFrom(...CHOICES.outer),
  inner: fc.constantFrom(...CHOICES.inner),
  esp: fc.string({ maxLength: 120 }),
  encap: fc.constantFrom(...CHOICES.encap),
  mtu: fc.string({ maxLength: 12 }),
  size: fc.string({ maxLength: 12 }),
  l2tplen: fc.constantFrom('0' as const, '1' as const),
  l2tpseq: fc.constantFrom('0' as const, '1' as const),
  acfc: fc.constantFrom('0' as const, '1' as const),
  pfc: fc.constantFrom('0' as const, '1' as const),
});

describe('the contract', () => {
  it('uses exactly the parameter names of the design, in order', () => {
    expect(FORM_FIELDS).toEqual(['proto', 'outer', 'inner', 'esp', 'encap', 'mtu', 'size', 'l2tplen', 'l2tpseq', 'acfc', 'pfc']);
  });

  it('offers exactly the contract values for each choice', () => {
    expect(CHOICES).toEqual({
      proto: ['ikev2', 'l2tp', 'wireguard', 'openvpn'],
      outer: ['4', '6'],
      inner: ['4', '6'],
      encap: ['none', 'udp', 'tcp'],
    });
  });

  it('defaults to the IKEv2 road warrior (issue 4): ikev2, 4, 4, aes256gcm16, udp, 1500, 1400, 0, 0, 0, 0', () => {
    expect(DEFAULT_STATE).toEqual({
      proto: 'ikev2', outer: '4', inner: '4', esp: 'aes256gcm16', encap: 'udp', mtu: '1500', size: '1400',
      l2tplen: '0', l2tpseq: '0', acfc: '0', pfc: '0',
    });
  });

  it('writes v=1 and every field', () => {
    expect(stateQuery(DEFAULT_STATE)).toBe(
      'v=1&proto=ikev2&outer=4&inner=4&esp=aes256gcm16&encap=udp&mtu=1500&size=1400&l2tplen=0&l2tpseq=0&acfc=0&pfc=0',
    );
  });
});

describe('decoding links', () => {
  it.each([
    // [query, fields expected to differ from the defaults, notices, why]
    ['', {}, 0, 'no query: the defaults'],
    ['v=1&proto=l2tp&esp=aes256-sha1&l2tplen=1&l2tpseq=1&acfc=1&pfc=1', { proto: 'l2tp', esp: 'aes256-sha1', l2tplen: '1', l2tpseq: '1', acfc: '1', pfc: '1' }, 0, 'an L2TP link with every header option'],
    ['proto=wireguard&outer=6&mtu=1492', { proto: 'wireguard', outer: '6', mtu: '1492' }, 1, 'a missing v is read as v=1 with a notice (hand-written links)'],
    ['v=1&proto=pptp', {}, 1, 'an unknown protocol falls back with a notice'],
    ['v=1&outer=5&encap=gre', {}, 2, 'each bad choice gets its own notice'],
    ['v=1&mtu=abc&size=-5&esp=aes129', { mtu: 'abc', size: '-5', esp: 'aes129' }, 0, 'text is kept for the model to judge at its field'],
    ['v=1&mtu=1234567890123', {}, 1, 'an over-long number falls back with a notice'],
    ['v=1&theme=dark', {}, 1, 'an unknown parameter is ignored with a notice'],
    ['v=2&proto=openvpn', { proto: 'openvpn' }, 1, 'a future version is read as v=1 with a notice'],
    ['?v=1&encap=tcp', { encap: 'tcp' }, 0, 'location.search with its ?'],
    ['v=1&esp=aes256gcm16%2Dmodp2048', { esp: 'aes256gcm16-modp2048' }, 0, 'percent-encoded text'],
  ] as [string, Partial<CalculatorState>, number, string][])('%s', (query, changed, noticeCount) => {
    const { state, notices } = MTU_URL_STATE.decode(query);
    expect(state).toEqual({ ...DEFAULT_STATE, ...changed });
    expect(notices).toHaveLength(noticeCount);
  });

  it('names the refused value and the fallback in its notice', () => {
    expect(MTU_URL_STATE.decode('proto=pptp').notices[0]).toMatch(/protocol “pptp”.*ikev2, l2tp, wireguard, openvpn.*showing ikev2/);
  });

  it('round-trips every state exactly, as URLSearchParams and as text', () => {
    fc.assert(
      fc.property(arbitraryState, (state) => {
        expect(MTU_URL_STATE.decode(MTU_URL_STATE.encode(state))).toEqual({ state, notices: [], noticeParams: [] });
        expect(MTU_URL_STATE.decode(stateQuery(state))).toEqual({ state, notices: [], noticeParams: [] });
      }),
    );
  });

  it('never throws and always yields choices from the lists, whatever the query', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.webQueryParameters()), (query) => {
        const { state } = MTU_URL_STATE.decode(query);
        expect(CHOICES.proto).toContain(state.proto);
        expect(CHOICES.encap).toContain(state.encap);
        expect(['0', '1']).toContain(state.pfc);
        expect(state.esp.length).toBeLessThanOrEqual(120);
      }),
    );
  });
});
