import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { choice, defineUrlState, list, text } from '../../../src/lib/url-state';

// The rules every tool's link shares; the expected states and notice parameters are written out.
const codec = defineUrlState({
  proto: choice('protocol', ['ikev2', 'l2tp'], 'ikev2'),
  mtu: text('path MTU', '1500', 8),
  acfc: choice('ACFC', ['0', '1'], '0'),
  roam: choice('roaming answer', ['yes', 'no']),
  os: list('platform', ['windows', 'ios', 'linux']),
});
const DEFAULTS = { proto: 'ikev2', mtu: '1500', acfc: '0', roam: undefined, os: [] };

describe('decode', () => {
  it.each([
    // [query, changes from the defaults, parameters the notices are about, why]
    ['', {}, [], 'empty query gives the defaults'],
    ['v=1', {}, [], 'a bare version is the default state'],
    ['v=1&proto=l2tp&mtu=1492&acfc=1', { proto: 'l2tp', mtu: '1492', acfc: '1' }, [], 'a full v1 link'],
    ['proto=l2tp', { proto: 'l2tp' }, ['v'], 'a missing v is read as v=1, with a notice'],
    ['v=2&proto=l2tp', { proto: 'l2tp' }, ['v'], 'an unknown version is read as v=1, with a notice'],
    ['v=1&v=1&proto=l2tp', { proto: 'l2tp' }, ['v'], 'a repeated v is a repeated parameter'],
    ['v=1&proto=pptp', {}, ['proto'], 'unknown choice falls back'],
    ['v=1&proto=%20l2tp%20', { proto: 'l2tp' }, [], 'choices are trimmed'],
    ['v=1&proto=', {}, ['proto'], 'an empty required choice falls back'],
    ['v=1&mtu=abc', { mtu: 'abc' }, [], 'text is kept for the model to judge'],
    ['v=1&mtu=%201492', { mtu: ' 1492' }, [], 'text is kept exactly as written'],
    ['v=1&mtu=123456789', {}, ['mtu'], 'over-long text falls back'],
    ['v=1&proto=l2tp&proto=ikev2', { proto: 'l2tp' }, ['proto'], 'a repeated parameter keeps its first value'],
    ['v=1&mtu=1400&mtu=1300&mtu=1200', { mtu: '1400' }, ['mtu', 'mtu'], 'one notice per repetition'],
    ['v=1&colour=red', {}, ['colour'], 'unknown parameter is ignored'],
    ['v=1&toString=x&__proto__=y', {}, ['toString', '__proto__'], 'Object.prototype members are not fields'],
    ['?v=1&proto=l2tp', { proto: 'l2tp' }, [], 'location.search with its leading ? works'],
    ['v=1&roam=yes', { roam: 'yes' }, [], 'an optional choice'],
    ['v=1&roam=', {}, [], 'an empty optional choice is unanswered'],
    ['v=1&roam=maybe', {}, ['roam'], 'an unknown optional choice is unanswered, with a notice'],
    ['v=1&os=ios,windows', { os: ['ios', 'windows'] }, [], 'a list keeps the link order'],
    ['v=1&os=ios,,%20linux%20,', { os: ['ios', 'linux'] }, [], 'empty items are skipped, items trimmed'],
    ['v=1&os=ios,amiga,beos', { os: ['ios'] }, ['os', 'os'], 'unknown items are dropped, each with a notice'],
    ['v=1&os=ios,ios', { os: ['ios'] }, ['os'], 'a repeated item is kept once'],
  ] as [string, object, string[], string][])('%j', (query, changes, noticeParams) => {
    const decoded = codec.decode(query);
    expect(decoded.state).toEqual({ ...DEFAULTS, ...changes });
    expect(decoded.noticeParams).toEqual(noticeParams);
    expect(decoded.notices).toHaveLength(noticeParams.length);
  });

  it('names the parameter and the fallback in its notice', () => {
    expect(codec.decode('v=1&proto=pptp').notices[0]).toMatch(/protocol “pptp”.*ikev2, l2tp.*showing ikev2/);
    expect(codec.decode('v=1&mtu=1&mtu=2').notices[0]).toMatch(/“mtu” appears more than once; the first value was used/);
    expect(codec.decode('mtu=1').notices[0]).toMatch(/no format version/);
  });

  it('cuts long values short in notices', () => {
    const [notice] = codec.decode(`v=1&${'x'.repeat(5000)}=1`).notices;
    expect(notice!.length).toBeLessThan(120);
  });

  it('never throws on arbitrary query strings or parameter lists', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const { state, notices, noticeParams } = codec.decode(query);
        expect(['ikev2', 'l2tp']).toContain(state.proto);
        expect(noticeParams).toHaveLength(notices.length);
      }),
    );
    const key = fc.oneof(fc.constantFrom('v', 'proto', 'mtu', 'acfc', 'roam', 'os'), fc.string());
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string()), { maxLength: 10 }), (pairs) => {
        const { state } = codec.decode(new URLSearchParams(pairs));
        for (const item of state.os) expect(['windows', 'ios', 'linux']).toContain(item);
      }),
    );
  });
});

describe('encode', () => {
  it('writes the version and every field, leaving out an unanswered choice and an empty list', () => {
    expect(codec.encode(codec.defaults).toString()).toBe('v=1&proto=ikev2&mtu=1500&acfc=0');
    expect(codec.encode({ ...codec.defaults, roam: 'no', os: ['linux', 'ios'] }).toString()).toBe(
      'v=1&proto=ikev2&mtu=1500&acfc=0&roam=no&os=linux%2Cios',
    );
  });

  it('round-trips any valid state without notices', () => {
    const state = fc.record({
      proto: fc.constantFrom('ikev2' as const, 'l2tp' as const),
      mtu: fc.string({ maxLength: 8 }),
      acfc: fc.constantFrom('0' as const, '1' as const),
      roam: fc.constantFrom(undefined, 'yes' as const, 'no' as const),
      os: fc.shuffledSubarray(['windows', 'ios', 'linux'] as const),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(codec.decode(codec.encode(s))).toEqual({ state: s, notices: [], noticeParams: [] });
        expect(codec.decode(codec.encode(s).toString())).toEqual({ state: s, notices: [], noticeParams: [] });
      }),
    );
  });
});

describe('codec description', () => {
  it('lists the parameters in encode order and the options of every choice and list', () => {
    expect(codec.params).toEqual(['proto', 'mtu', 'acfc', 'roam', 'os']);
    expect(codec.choices).toEqual({
      proto: ['ikev2', 'l2tp'],
      acfc: ['0', '1'],
      roam: ['yes', 'no'],
      os: ['windows', 'ios', 'linux'],
    });
  });
});
