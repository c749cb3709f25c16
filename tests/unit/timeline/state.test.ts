// The timeline's URL state (design.md rule 4: versioned, every result has a link, bad links fall
// back with a notice), and which fields matter for which state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMELINE_STATE,
  TIMELINE_FIELDS,
  TIMELINE_URL_STATE,
  fieldMatters,
  runTimeline,
  timelineQuery,
  type TimelineField,
  type TimelineState,
} from '../../../src/lib/timeline';
import { DEFAULT_HANDSHAKE_INPUT } from '../../../src/lib/handshake';
import { anyState, validState } from './arbitraries';

describe('parameters and defaults', () => {
  it('uses the parameter names documented in state.ts, in order', () => {
    expect(TIMELINE_FIELDS).toEqual(['event', 'rtt', 'loss', 'auth', 'chain', 'cchain', 'ke', 'pq', 'nat', 'mobike', 'detect', 'l2detect', 'mode', 'l2auth']);
  });

  it('defaults to the handshake model defaults (DEFAULT_HANDSHAKE_INPUT)', () => {
    expect(DEFAULT_TIMELINE_STATE).toEqual({
      event: 'connect',
      rtt: String(DEFAULT_HANDSHAKE_INPUT.rttMs),
      loss: '0',
      auth: 'psk',
      chain: String(DEFAULT_HANDSHAKE_INPUT.ikev2.responderCertificateBytes),
      cchain: String(DEFAULT_HANDSHAKE_INPUT.ikev2.initiatorCertificateBytes),
      ke: DEFAULT_HANDSHAKE_INPUT.keyExchange,
      pq: 'none',
      nat: '1',
      mobike: '1',
      detect: 'event',
      l2detect: 'event',
      mode: 'main',
      l2auth: 'mschapv2',
    });
  });

  it('writes v=1 and every field', () => {
    expect(timelineQuery(DEFAULT_TIMELINE_STATE)).toBe(
      'v=1&event=connect&rtt=50&loss=0&auth=psk&chain=771&cchain=771&ke=modp2048&pq=none&nat=1&mobike=1&detect=event&l2detect=event&mode=main&l2auth=mschapv2',
    );
  });
});

describe('decoding links', () => {
  it.each([
    { query: '', changes: {}, notices: 0, why: 'no query: the defaults' },
    { query: 'v=1&event=change&rtt=80&loss=1.5', changes: { event: 'change', rtt: '80', loss: '1.5' }, notices: 0, why: 'a v=1 link' },
    { query: 'event=change', changes: { event: 'change' }, notices: 1, why: 'a missing v is read as v=1 with a notice (url-state.ts)' },
    { query: 'v=1&auth=radius', changes: {}, notices: 1, why: 'a method outside the list falls back' },
    { query: 'v=1&event=reboot&mode=quick', changes: {}, notices: 2, why: 'each bad choice has its own notice' },
    { query: 'v=1&rtt=abc', changes: { rtt: 'abc' }, notices: 0, why: 'text is kept for the model to judge at its field' },
    { query: 'v=1&rtt=1234567890123', changes: {}, notices: 1, why: 'text longer than 12 characters falls back' },
    { query: 'v=1&colour=red', changes: {}, notices: 1, why: 'unknown parameters are ignored with a notice' },
    { query: 'v=7&mobike=0', changes: { mobike: '0' }, notices: 1, why: 'an unknown version is read as v=1 with a notice' },
    { query: '?v=1&nat=0', changes: { nat: '0' }, notices: 0, why: 'location.search with its ?' },
    { query: 'v=1&toString=x&constructor=y', changes: {}, notices: 2, why: 'names of Object.prototype members are not fields' },
  ])('$why: $query', ({ query, changes, notices }) => {
    const decoded = TIMELINE_URL_STATE.decode(query);
    expect(decoded.state).toEqual({ ...DEFAULT_TIMELINE_STATE, ...changes });
    expect(decoded.notices).toHaveLength(notices);
  });

  it('round-trips every state, including text the model will refuse', () => {
    fc.assert(
      fc.property(anyState, (state) => {
        expect(TIMELINE_URL_STATE.decode(timelineQuery(state))).toEqual({ state, notices: [], noticeParams: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage and always yields a state the form can show', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const { state } = TIMELINE_URL_STATE.decode(query);
        expect(Object.keys(state)).toEqual(TIMELINE_FIELDS);
        expect(['connect', 'change']).toContain(state.event);
        expect(() => runTimeline(state)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

/** The timeline with the echo of the input left out: what a reader sees change. */
function visible(state: TimelineState) {
  const run = runTimeline(state);
  if (!run.ok) return run;
  const { ikev2, l2tp } = run.comparison;
  return { ikev2, l2tp };
}

const ALTERNATIVES: Record<TimelineField, readonly string[]> = {
  event: ['connect', 'change'],
  rtt: ['1', '250'],
  loss: ['0', '3'],
  auth: ['psk', 'cert', 'eap-mschapv2', 'eap-tls'],
  chain: ['1500', '5000', 'not a number'],
  cchain: ['700', '3000', 'not a number'],
  ke: ['modp2048', 'x25519'],
  pq: ['none', 'mlkem768'],
  nat: ['0', '1'],
  mobike: ['0', '1'],
  detect: ['event', 'dpd'],
  l2detect: ['event', 'lcp'],
  mode: ['main', 'aggressive'],
  l2auth: ['mschapv2', 'pap'],
};

describe('fieldMatters is exact', () => {
  it('changing a field it calls irrelevant never changes the timeline', () => {
    fc.assert(
      fc.property(validState, fc.constantFrom(...TIMELINE_FIELDS), fc.nat(), (state, field, pick) => {
        fc.pre(!fieldMatters(field, state));
        const options = ALTERNATIVES[field];
        const other = { ...state, [field]: options[pick % options.length] } as TimelineState;
        expect(visible(other)).toEqual(visible(state));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    { field: 'chain', state: { auth: 'eap-mschapv2' }, why: 'the gateway sends its chain in IKE_AUTH (RFC 7296 §2.16)' },
    { field: 'cchain', state: { auth: 'cert' }, why: 'the client sends its certificate in IKE_AUTH' },
    { field: 'mobike', state: { event: 'change' }, why: 'MOBIKE decides between an update and a new IKE SA' },
    { field: 'mobike', state: { nat: '0' }, why: 'MOBIKE moves IKE to port 4500 from IKE_AUTH on (4-byte marker)' },
    { field: 'detect', state: { event: 'change', mobike: '1' }, why: 'DPD replaces the address event' },
    { field: 'l2detect', state: { event: 'change' }, why: 'LCP echoes replace the address event' },
    { field: 'pq', state: { event: 'connect' }, why: 'IKE_INTERMEDIATE adds a round trip (RFC 9242)' },
  ] as const)('$field matters when $state: $why', ({ field, state }) => {
    const base = { ...DEFAULT_TIMELINE_STATE, ...state } as TimelineState;
    expect(fieldMatters(field, base)).toBe(true);
    const results = ALTERNATIVES[field].map((value) => JSON.stringify(visible({ ...base, [field]: value } as TimelineState)));
    expect(new Set(results).size).toBeGreaterThan(1);
  });
});
