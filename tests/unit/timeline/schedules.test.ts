// The timers the tool page lists: read from the model, matching the documents they cite.
import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../../../src/lib/citations/links';
import { detectionRows, scheduleRows } from '../../../src/lib/timeline';

describe('retransmission schedules', () => {
  it.each([
    {
      key: 'ike',
      sendsAt: '0 ms, 4 s, 11.2 s, 24.2 s, 47.5 s, 1 min 29 s',
      givesUpAfter: '2 min 45 s',
      growth: '× 1.8 per retry',
      source: 'strongswan-retransmission: 4, 11, 24, 47, 89 s, giving up at 165 s',
    },
    { key: 'l2tp', sendsAt: '0 ms, 1 s, 3 s, 7 s, 15 s, 23 s', givesUpAfter: '31 s', growth: '× 2 per retry, at most 8 s', source: 'RFC 2661 §5.8' },
    { key: 'ppp', sendsAt: '0 ms, 3 s, 6 s, 9 s, 12 s, 15 s, 18 s, 21 s, 24 s, 27 s', givesUpAfter: '30 s', growth: 'none', source: 'RFC 1661 §4.6: Restart 3 s, Max-Configure 10' },
  ])('$key: $source', ({ key, sendsAt, givesUpAfter, growth }) => {
    const row = scheduleRows().find((r) => r.key === key);
    expect(row).toMatchObject({ sendsAt, givesUpAfter, growth });
  });

  it('cites documents the reference list knows', () => {
    for (const row of [...scheduleRows(), ...detectionRows()]) expect(resolveCitation(row.source)).toBeDefined();
  });
});

describe('detection', () => {
  it.each([
    { key: 'address-event', delay: '100 ms', source: 'strongswan-kernel-netlink-net: ROAM_DELAY 100' },
    { key: 'dpd', delay: '2 min 45 s to 3 min 15 s (mean 3 min 0 s)', source: 'hwdsl2-vpnsetup: 30 s dpddelay + 165 s of IKE retransmissions (strongswan-retransmission)' },
    { key: 'lcp-echo', delay: '2 min 0 s to 2 min 30 s (mean 2 min 15 s)', source: 'hwdsl2-vpnsetup: options.xl2tpd lcp-echo-interval 30, lcp-echo-failure 4' },
  ])('$key: $delay ($source)', ({ key, delay }) => {
    expect(detectionRows().find((r) => r.key === key)?.delay).toBe(delay);
  });
});
