import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAnswers,
  encodeAnswers,
  evaluate,
  QUESTIONS,
  validateAnswers,
} from '../../../src/lib/decision/index';
import { answersArb } from './arbitraries';


describe('decision URL state', () => {
  it('round-trips any answers without notices', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const params = encodeAnswers(answers);
        expect(params.get('v')).toBe('1');
        const decoded = decodeAnswers(params.toString());
        expect(decoded.notices).toEqual([]);
        expect(decoded.answers).toEqual(answers);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage and always yields answers the model accepts', () => {
    const key = fc.oneof(fc.constantFrom('v', ...QUESTIONS.map((q) => q.param)), fc.string());
    const value = fc.oneof(fc.string(), fc.constantFrom('yes', 'no', 'windows,amiga', ',,', 'ios,ios', '%zz'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const decoded = decodeAnswers(params);
        expect(() => validateAnswers(decoded.answers)).not.toThrow();
        expect(() => evaluate(decoded.answers)).not.toThrow();
        for (const n of decoded.notices) expect(n.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(() => decodeAnswers(raw)).not.toThrow();
      }),
    );
  });

  it.each([
    { query: 'v=1&roaming=maybe', answers: {}, notice: 'roaming' },
    { query: 'v=1&platforms=windows,amiga', answers: { platforms: ['windows'] }, notice: 'platforms' },
    { query: 'v=1&platforms=ios,ios', answers: { platforms: ['ios'] }, notice: 'platforms' },
    { query: 'v=1&colour=blue&app=no', answers: { appInstall: 'no' }, notice: 'colour' },
    { query: 'v=1&udp=yes&udp=no', answers: { udpBlocked: 'yes' }, notice: 'udp' },
    { query: 'v=2&auth=eap', answers: { auth: 'eap' }, notice: 'v' },
    { query: 'security=pq', answers: { security: 'pq' }, notice: 'v' },
    // 'nist' was split into 'fips' and 'cnsa2': an old link falls back to unanswered with a notice.
    { query: 'v=1&security=nist', answers: {}, notice: 'security' },
  ])('$query -> a notice on $notice', ({ query, answers, notice }) => {
    const decoded = decodeAnswers(query);
    expect(decoded.answers).toEqual(answers);
    expect(decoded.notices.map((n) => n.param)).toContain(notice);
  });

  it.each([{ query: '' }, { query: 'v=1' }])('"$query" decodes to no answers and no notices', ({ query }) => {
    expect(decodeAnswers(query)).toEqual({ answers: {}, notices: [] });
  });

  it('encodes in question order with readable parameter names', () => {
    const params = encodeAnswers({ appInstall: 'no', platforms: ['ios', 'windows'], udpBlocked: 'sometimes' });
    expect(params.toString()).toBe('v=1&platforms=ios%2Cwindows&udp=sometimes&app=no');
  });
});
