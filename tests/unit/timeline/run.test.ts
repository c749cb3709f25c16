// From the form's text to the handshake model: units converted (percent -> probability), names
// mapped, and every refusal reported at the field the reader has to fix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHandshakes } from '../../../src/lib/handshake';
import { DEFAULT_TIMELINE_STATE, runTimeline, toOverrides, type TimelineState } from '../../../src/lib/timeline';
import { anyState, validState } from './arbitraries';

const state = (changes: Partial<TimelineState>): TimelineState => ({ ...DEFAULT_TIMELINE_STATE, ...changes });

function overridesOf(changes: Partial<TimelineState>) {
  const mapped = toOverrides(state(changes));
  if ('errors' in mapped) throw new Error(JSON.stringify(mapped.errors));
  return mapped.overrides;
}

describe('mapping to the model', () => {
  it.each([
    { changes: { loss: '1.5' }, path: ['loss'], value: 0.015, why: 'loss is typed in percent, the model takes a probability' },
    { changes: { rtt: ' 80 ' }, path: ['rttMs'], value: 80, why: 'spaces around a number are ignored' },
    { changes: { event: 'change' }, path: ['event'], value: 'network-change', why: 'short link value for the model event' },
    { changes: { auth: 'cert' }, path: ['ikev2', 'auth'], value: 'certificate', why: 'short link value for certificate authentication' },
    { changes: { nat: '0' }, path: ['nat'], value: false, why: '0/1 flags become booleans' },
    { changes: { mobike: '0' }, path: ['ikev2', 'mobike'], value: false, why: '0/1 flags become booleans' },
    { changes: { event: 'change', detect: 'dpd' }, path: ['detection', 'ikev2'], value: 'dpd', why: 'IKEv2 liveness check' },
    { changes: { event: 'change', l2detect: 'lcp' }, path: ['detection', 'l2tp'], value: 'lcp-echo', why: 'pppd LCP echo timeout' },
    { changes: { mode: 'aggressive' }, path: ['l2tp', 'phase1'], value: 'aggressive', why: 'IKEv1 phase 1 mode' },
    { changes: { l2auth: 'pap' }, path: ['l2tp', 'pppAuth'], value: 'pap', why: 'PPP authentication' },
    { changes: { auth: 'eap-tls', chain: '3000', cchain: '1200' }, path: ['ikev2', 'responderCertificateBytes'], value: 3000, why: 'the gateway chain' },
    { changes: { auth: 'eap-tls', chain: '3000', cchain: '1200' }, path: ['ikev2', 'initiatorCertificateBytes'], value: 1200, why: 'the client certificate' },
    { changes: { auth: 'psk', chain: 'garbage' }, path: ['ikev2', 'responderCertificateBytes'], value: undefined, why: 'a size PSK never sends is not read' },
  ] as const)('$why', ({ changes, path, value }) => {
    let node: unknown = overridesOf(changes);
    for (const key of path) node = (node as Record<string, unknown>)[key];
    expect(node).toBe(value);
  });

  it('gives exactly the model result for the mapped overrides', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const run = runTimeline(s);
        const mapped = toOverrides(s);
        expect(run.ok).toBe(true);
        if (!run.ok || 'errors' in mapped) return;
        expect(run.comparison).toEqual(compareHandshakes(mapped.overrides));
      }),
      { numRuns: 60 },
    );
  });
});

describe('refusals land at the field', () => {
  it.each([
    { changes: { rtt: '' }, field: 'rtt', message: /Enter the round-trip time/, why: 'an empty field is not 0' },
    { changes: { rtt: 'fast' }, field: 'rtt', message: /“fast” is not a number/, why: 'words' },
    { changes: { rtt: '1e3' }, field: 'rtt', message: /not a number/, why: 'exponent notation is not what a reader types' },
    { changes: { rtt: '0x10' }, field: 'rtt', message: /not a number/, why: 'hexadecimal' },
    { changes: { rtt: '-5' }, field: 'rtt', message: /Round-trip time \(ms\) must be between 0 and 10000, got -5/, why: 'model range (input.ts)' },
    { changes: { rtt: '20000' }, field: 'rtt', message: /between 0 and 10000/, why: 'model range: at most ten seconds' },
    { changes: { loss: '100' }, field: 'loss', message: /below 100 %/, why: 'a path that loses everything never connects' },
    { changes: { loss: '-1' }, field: 'loss', message: /at least 0 %/, why: 'negative loss' },
    { changes: { loss: '5%' }, field: 'loss', message: /not a number/, why: 'the unit is outside the field' },
    { changes: { auth: 'cert', chain: '20000' }, field: 'chain', message: /Gateway certificate chain \(bytes\) must be between 0 and 16384/, why: 'model limit' },
    { changes: { auth: 'cert', chain: '1000.5' }, field: 'chain', message: /whole number/, why: 'bytes are whole' },
    { changes: { auth: 'eap-tls', cchain: 'x' }, field: 'cchain', message: /client certificate/, why: 'EAP-TLS sends the client certificate' },
  ] as const)('$why: $changes', ({ changes, field, message }) => {
    const run = runTimeline(state(changes));
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.errors.map((e) => e.field)).toEqual([field]);
    expect(run.errors[0]?.message).toMatch(message);
  });

  it('reports every unreadable field at once', () => {
    const run = runTimeline(state({ rtt: 'a', loss: 'b', auth: 'cert', chain: 'c', cchain: 'd' }));
    expect(run.ok ? [] : run.errors.map((e) => e.field)).toEqual(['rtt', 'loss', 'chain', 'cchain']);
  });

  it('never throws, and every refusal names a form field with a sentence', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const run = runTimeline(s);
        if (run.ok) return;
        expect(run.errors.length).toBeGreaterThan(0);
        for (const error of run.errors) {
          expect(['rtt', 'loss', 'chain', 'cchain']).toContain(error.field);
          expect(error.message).toMatch(/^\S.*\.$/);
          expect(error.message).not.toMatch(/NaN|undefined/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
