// Totals and the message table say what the model computed, in words a reader can check.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../../src/lib/handshake';
import {
  DEFAULT_TIMELINE_STATE,
  formatDuration,
  formatProbability,
  lossCaption,
  messageRows,
  resultSummary,
  runTimeline,
  totalRows,
  type TimelineState,
  type TotalKey,
} from '../../../src/lib/timeline';

function comparisonOf(changes: Partial<TimelineState>) {
  const run = runTimeline({ ...DEFAULT_TIMELINE_STATE, ...changes });
  if (!run.ok) throw new Error(JSON.stringify(run.errors));
  return run.comparison;
}

const MODEL_VALUE: Record<TotalKey, (s: ScenarioResult) => number | null> = {
  messages: (s) => s.totals.messages,
  'round-trips': (s) => s.totals.roundTrips,
  bytes: (s) => s.totals.ipBytes,
  measured: (s) => s.messages.filter((m) => m.sizeSource === 'measured').length,
  detection: (s) => s.detection.meanMs,
  'zero-loss': (s) => s.totals.zeroLossMs,
  expected: (s) => s.totals.expectedMs,
  p50: (s) => s.totals.p50Ms,
  p95: (s) => s.totals.p95Ms,
  'give-up': (s) => s.totals.pGiveUp,
  'give-up-after': (s) => s.totals.giveUpAfterMs,
};

describe('totals', () => {
  it.each([
    { changes: {}, why: 'defaults' },
    { changes: { loss: '5', auth: 'eap-tls' }, why: 'loss: closed-form mean and give-up, simulated percentiles' },
    { changes: { event: 'change', detect: 'dpd', l2detect: 'lcp', loss: '2' }, why: 'network change noticed by timeouts' },
  ] as const)('carry the model numbers: $why', ({ changes }) => {
    const comparison = comparisonOf(changes);
    for (const row of totalRows(comparison)) {
      expect(row.ikev2.value).toBe(MODEL_VALUE[row.key](comparison.ikev2));
      expect(row.l2tp.value).toBe(MODEL_VALUE[row.key](comparison.l2tp));
    }
  });

  it('show the strongSwan figures for the default connection: 4 measured messages, 1,632 bytes, 111 ms', () => {
    const rows = Object.fromEntries(totalRows(comparisonOf({})).map((r) => [r.key, r]));
    expect(rows.measured?.ikev2.text).toBe('4 of 4');
    expect(rows.measured?.l2tp.text).toBe('7 of 29'); // Main Mode 1-6 and Quick Mode 3 (tests/lab/results/ike-sizes.json: ikev1-psk-l2tp)
    expect(rows.bytes?.ikev2.text).toBe('1,632 bytes'); // 492 + 500 + 352 + 288 IP bytes (tests/lab/results/ike-sizes.json: psk-modp2048 01-04)
    expect(rows['zero-loss']?.ikev2.text).toBe('111 ms'); // 2 RTT + 11 ms computation
    expect(rows.detection).toBeUndefined();
  });

  it('format each number with the shared formatters', () => {
    const comparison = comparisonOf({ loss: '1' });
    const rows = Object.fromEntries(totalRows(comparison).map((r) => [r.key, r]));
    expect(rows.expected?.label).toBe('Expected time at 1 % loss');
    expect(rows.expected?.l2tp.text).toBe(formatDuration(comparison.l2tp.totals.expectedMs));
    expect(rows['give-up']?.l2tp.text).toBe(formatProbability(comparison.l2tp.totals.pGiveUp));
  });

  it('say so when no simulated run completed instead of showing a number', () => {
    const comparison = comparisonOf({ loss: '99.9' });
    const p95 = totalRows(comparison).find((r) => r.key === 'p95');
    expect(comparison.l2tp.totals.p95Ms).toBeNull();
    expect(p95?.l2tp).toEqual({ text: 'no simulated run completed', value: null });
  });

  it('sum up both protocols in one sentence for the live region', () => {
    expect(resultSummary(comparisonOf({}))).toBe(
      'Connecting. IKEv2: 4 messages, 2 round trips, expected 111 ms. L2TP/IPsec: 29 messages, 11 round trips, expected 561 ms.',
    );
  });
});

describe('when loss makes the handshake usually fail', () => {
  it('the headline says it fails instead of an expected time (give-up above 50 %)', () => {
    const comparison = comparisonOf({ loss: '99.9' });
    expect(comparison.l2tp.totals.pGiveUp).toBeGreaterThan(0.5);
    expect(resultSummary(comparison)).toContain('L2TP/IPsec: 29 messages, 11 round trips, usually fails (gives up after ');
    expect(resultSummary(comparison)).not.toContain('expected');
  });

  it('below 50 % the headline keeps the expected time', () => {
    expect(resultSummary(comparisonOf({ loss: '5' }))).toMatch(/IKEv2: 4 messages, 2 round trips, expected [\d.,]+ (ms|s)\./);
  });

  it('names the give-up row for what it is: how long one round trip retries', () => {
    const row = totalRows(comparisonOf({})).find((r) => r.key === 'give-up-after');
    expect(row?.label).toBe('Longest a round trip retries before giving up');
    expect(row?.ikev2.text).toBe('2 min 45 s'); // strongSwan: 4 s x 1.8^n, 5 retransmissions, then 2 min 45 s (retransmission_timeout/base/tries)
  });

  it('the loss-free diagram is captioned with what loss does to the times', () => {
    expect(lossCaption(comparisonOf({}))).toBeNull();
    const comparison = comparisonOf({ loss: '5' });
    expect(lossCaption(comparison)).toBe(
      `At 5 % loss: IKEv2 expected ${formatDuration(comparison.ikev2.totals.expectedMs)}, 95th percentile ${formatDuration(comparison.ikev2.totals.p95Ms ?? 0)}; ` +
        `L2TP/IPsec expected ${formatDuration(comparison.l2tp.totals.expectedMs)}, 95th percentile ${formatDuration(comparison.l2tp.totals.p95Ms ?? 0)}.`,
    );
    expect(lossCaption(comparisonOf({ loss: '99.9' }))).toContain('L2TP/IPsec usually fails');
  });
});

describe('message table', () => {
  it('lists every message with its time, direction, size source and RFC section', () => {
    const comparison = comparisonOf({ auth: 'cert' });
    const rows = messageRows(comparison.ikev2);
    expect(rows).toHaveLength(comparison.ikev2.messages.length);
    expect(rows.map((r) => r.direction)).toEqual(['Client → gateway', 'Gateway → client', 'Client → gateway', 'Gateway → client']);
    // RSA-2048 certificates with fragmentation (tests/lab/results/ike-sizes.json: rsa2048 01-04).
    expect(rows[0]).toMatchObject({ sent: '0 ms', exchange: 'IKEv2 IKE_SA_INIT', bytes: '492 bytes', source: 'measured', rfc: 'RFC 7296 §1.2' });
    expect(rows[1]).toMatchObject({ bytes: '525 bytes', source: 'measured', payloads: expect.stringContaining('CERTREQ') });
    expect(rows[2]).toMatchObject({ bytes: '1,496 bytes in 2 packets', sourceNote: 'strongSwan 5.9.8 lab, rsa2048' });
    expect(rows[3]).toMatchObject({ bytes: '1,400 bytes in 2 packets', source: 'measured' });
    const eap = messageRows(comparisonOf({ auth: 'eap-tls' }).ikev2);
    expect(eap[2]).toMatchObject({ source: 'estimated', sourceNote: expect.stringContaining('EAP-MSCHAPv2 only') });
  });

  it('marks what nothing waits for', () => {
    const rows = messageRows(comparisonOf({}).l2tp);
    expect(rows.find((r) => r.key === 'zlb')).toMatchObject({ name: 'ZLB acknowledgement (nothing waits for it)', critical: false });
  });
});
