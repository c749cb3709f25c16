import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/lib/handshake';

const change = { event: 'network-change', rttMs: 100 };

describe('how the network change is detected', () => {
  it.each([
    { protocol: 'ikev2', detection: { ikev2: 'address-event' }, min: 100, max: 100, source: 'strongswan-kernel-netlink-net: ROAM_DELAY 100 ms' },
    { protocol: 'ikev2', detection: { ikev2: 'address-event', roamDelayMs: 500 }, min: 500, max: 500, source: 'strongswan/strongswan src/libcharon/plugins/kernel_iph/kernel_iph_net.c@3b902ea5: ROAM_DELAY 500 ms' },
    { protocol: 'ikev2', detection: { ikev2: 'dpd' }, min: 165_061.12, max: 195_061.12, source: 'RFC 7296 §2.4: 30 s DPD delay + 165 s of strongSwan retransmissions' },
    { protocol: 'l2tp', detection: { l2tp: 'address-event' }, min: 100, max: 100, source: 'strongswan-kernel-netlink-net: the same 100 ms settling delay, then the client redials (best case)' },
    { protocol: 'l2tp', detection: { l2tp: 'lcp-echo' }, min: 120_000, max: 150_000, source: 'hwdsl2-vpnsetup: pppd lcp-echo-interval 30 s x lcp-echo-failure 4' },
    { protocol: 'l2tp', detection: { l2tp: 'lcp-echo', lcpEchoIntervalMs: 10_000, lcpEchoFailures: 3 }, min: 30_000, max: 40_000, source: 'ppp-project/ppp pppd/lcp.c@3eb9e810: LcpSendEchoRequest declares failure at the next echo after `failures` are pending' },
  ] as const)('$protocol $detection: $min-$max ms ($source)', ({ protocol, detection, min, max }) => {
    const result = analyzeScenario(protocol, { ...change, detection });
    expect(result.detection.minMs).toBeCloseTo(min, 6);
    expect(result.detection.maxMs).toBeCloseTo(max, 6);
    expect(result.totals.zeroLossMs).toBeCloseTo((min + max) / 2 + result.totals.roundTrips * 100 + result.totals.computeMs, 6);
  });

  it('a user-started connection has no detection delay', () => {
    expect(analyzeScenario('ikev2', { rttMs: 100 }).detection.meanMs).toBe(0);
  });

  it('the timeline starts when the change is noticed', () => {
    const result = analyzeScenario('ikev2', change);
    expect(result.messages[0]?.sendMs).toBe(100);
  });

  it('dead-peer detection uses the IKE retransmission schedule it is given', () => {
    const fast = analyzeScenario('ikev2', { ...change, detection: { ikev2: 'dpd', dpdDelayMs: 0 }, timers: { ike: { timeoutMs: 1000, base: 2, retries: 2 } } });
    expect(fast.detection.minMs).toBe(7000); // 1 + 2 + 4 s
  });
});
