import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { choice, defineUrlState, text } from '../../../src/lib/url-state';

const codec = defineUrlState({
  proto: choice('protocol', ['ikev2', 'l2tp'], 'ikev2'),
  mtu: text('path MTU', '1500', 8),
  acfc: choice('ACFC', ['0', '1'], '0'),
});

describe('decode', () => {
  it.each([
    // [query, expected state, number of notices, why]
    ['', { proto: 'ikev2', mtu: '1500', acfc: '0' }, 0, 'empty query gives the defaults'],
    ['v=1&proto=l2tp&mtu=1492&acfc=1', { proto: 'l2tp', mtu: '1492', acfc: '1' }, 0, 'a full v1 link'],
    ['proto=l2tp', { proto: 'l2tp', mtu: '1500', acfc: '0' }, 0, 'v may be omitted'],
    ['v=1&proto=pptp', { proto: 'ikev2', mtu: '1500', acfc: '0' }, 1, 'unknown choice falls back'],
    ['v=1&mtu=abc', { proto: 'ikev2', mtu: 'abc', acfc: '0' }, 0, 'text is kept for the model to judge'],
    ['v=1&mtu=123456789', { proto: 'ikev2', mtu: '1500', acfc: '0' }, 1, 'over-long text falls back'],
    ['v=1&colour=red', { proto: 'ikev2', mtu: '1500', acfc: '0' }, 1, 'unknown parameter is ignored'],
    ['v=1&toString=x&__proto__=y', { proto: 'ikev2', mtu: '1500', acfc: '0' }, 2, 'Object.prototype members are not fields'],
    ['v=2&proto=l2tp', { proto: 'l2tp', mtu: '1500', acfc: '0' }, 1, 'unknown version is read as v1'],
    ['?v=1&proto=l2tp', { proto: 'l2tp', mtu: '1500', acfc: '0' }, 0, 'location.search with its leading ? works'],
  ])('%j', (query, state, noticeCount) => {
    const decoded = codec.decode(query);
    expect(decoded.state).toEqual(state);
    expect(decoded.notices).toHaveLength(noticeCount);
  });

  it('names the parameter and the fallback in its notice', () => {
    expect(codec.decode('proto=pptp').notices[0]).toMatch(/protocol “pptp”.*ikev2, l2tp.*showing ikev2/);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const { state } = codec.decode(query);
        expect(['ikev2', 'l2tp']).toContain(state.proto);
      }),
    );
  });
});

describe('encode', () => {
  it('writes the version and every field', () => {
    expect(codec.encode(codec.defaults).toString()).toBe('v=1&proto=ikev2&mtu=1500&acfc=0');
  });

  it('round-trips any valid state without notices', () => {
    const state = fc.record({
      proto: fc.constantFrom('ikev2' as const, 'l2tp' as const),
      mtu: fc.string({ maxLength: 8 }),
      acfc: fc.constantFrom('0' as const, '1' as const),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(codec.decode(codec.encode(s))).toEqual({ state: s, notices: [] });
        expect(codec.decode(codec.encode(s).toString())).toEqual({ state: s, notices: [] });
      }),
    );
  });
});
