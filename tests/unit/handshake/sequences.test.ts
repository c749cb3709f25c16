import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/lib/handshake';
import type { ScenarioResult } from '../../../src/lib/handshake';

function countBy(result: ScenarioResult, predicate: (m: ScenarioResult['messages'][number]) => boolean): number {
  return result.messages.filter(predicate).length;
}

// Message and round-trip counts of each scenario against the RFCs. Round trips are those on the
// critical path: a message that needs no reply of its own leaves with the next request.
describe('connection sequences: message and round-trip counts', () => {
  it.each([
    { name: 'IKEv2 PSK', protocol: 'ikev2', input: {}, messages: 4, roundTrips: 2, source: 'RFC 7296 §1.2: IKE_SA_INIT + IKE_AUTH, four messages' },
    { name: 'IKEv2 certificates', protocol: 'ikev2', input: { ikev2: { auth: 'certificate' } }, messages: 4, roundTrips: 2, source: 'RFC 7296 §1.2 (CERT rides in IKE_AUTH)' },
    { name: 'IKEv2 + COOKIE', protocol: 'ikev2', input: { ikev2: { cookie: true } }, messages: 6, roundTrips: 3, source: 'RFC 7296 §2.6: N(COOKIE) then a retried IKE_SA_INIT' },
    { name: 'IKEv2 + INVALID_KE_PAYLOAD', protocol: 'ikev2', input: { ikev2: { invalidKe: true } }, messages: 6, roundTrips: 3, source: 'RFC 7296 §2.7: retry with the corrected group' },
    { name: 'IKEv2 + COOKIE + INVALID_KE', protocol: 'ikev2', input: { ikev2: { cookie: true, invalidKe: true } }, messages: 8, roundTrips: 4, source: 'RFC 7296 §2.6.1: the shorter combined exchange' },
    { name: 'IKEv2 EAP-MSCHAPv2 without EAP-Identity', protocol: 'ikev2', input: { ikev2: { auth: 'eap-mschapv2', eapIdentity: false } }, messages: 10, roundTrips: 5, source: 'RFC 7296 §2.16 + [MS-CHAP] §2.2: challenge, response, success, success-ack, EAP-Success, final AUTH' },
    { name: 'IKEv2 EAP-MSCHAPv2 with EAP-Identity', protocol: 'ikev2', input: { ikev2: { auth: 'eap-mschapv2', eapIdentity: true } }, messages: 12, roundTrips: 6, source: 'RFC 3748 §5.1 Identity adds one IKE_AUTH exchange' },
    { name: 'IKEv2 EAP-TLS, one fragment per flight', protocol: 'ikev2', input: { ikev2: { auth: 'eap-tls', eapIdentity: false, initiatorCertificateBytes: 300, responderCertificateBytes: 300 } }, messages: 12, roundTrips: 6, source: 'RFC 5216 §2.1.1 base case: Start, ClientHello/server flight, client flight/Finished, ACK/Success, then AUTH' },
    { name: 'IKEv2 EAP-TLS, two fragments per flight', protocol: 'ikev2', input: { ikev2: { auth: 'eap-tls', eapIdentity: false } }, messages: 16, roundTrips: 8, source: 'RFC 5216 §2.1.5: every EAP-TLS fragment is acknowledged (one extra exchange per fragment)' },
    { name: 'IKEv2 hybrid ML-KEM-768', protocol: 'ikev2', input: { ikev2: { postQuantum: 'mlkem768' } }, messages: 6, roundTrips: 3, source: 'RFC 9242 §3 + RFC 9370 §2.2 (abstract: key exchanges carried in IKE_INTERMEDIATE): one exchange per additional key exchange' },
    { name: 'L2TP/IPsec Main Mode, MS-CHAPv2', protocol: 'l2tp', input: {}, messages: 29, roundTrips: 11, source: 'RFC 2409 §5.4: Main Mode 6 + Quick Mode 3 (§5.5), RFC 2661 §5.1, §5.2.1 (6 + ZLB), RFC 1661 LCP (4), RFC 2759 (3), RFC 1332 IPCP with a Nak (6)' },
    { name: 'L2TP/IPsec Aggressive Mode, MS-CHAPv2', protocol: 'l2tp', input: { l2tp: { phase1: 'aggressive' } }, messages: 26, roundTrips: 9, source: 'RFC 2409 §5.4: Aggressive Mode is 3 messages' },
    { name: 'L2TP/IPsec Main Mode, CHAP', protocol: 'l2tp', input: { l2tp: { pppAuth: 'chap' } }, messages: 29, roundTrips: 11, source: 'RFC 1994 §4.1: Challenge, Response, Success (§4.2)' },
    { name: 'L2TP/IPsec Main Mode, PAP', protocol: 'l2tp', input: { l2tp: { pppAuth: 'pap' } }, messages: 28, roundTrips: 10, source: 'RFC 1334 §2.2: Authenticate-Request, Authenticate-Ack' },
  ] as const)('$name: $messages messages, $roundTrips round trips ($source)', ({ protocol, input, messages, roundTrips }) => {
    const result = analyzeScenario(protocol, input);
    expect(result.totals.messages).toBe(messages);
    expect(result.totals.roundTrips).toBe(roundTrips);
  });
});

describe('L2TP/IPsec: messages per phase', () => {
  const main = analyzeScenario('l2tp', {});
  const aggressive = analyzeScenario('l2tp', { l2tp: { phase1: 'aggressive' } });
  const pap = analyzeScenario('l2tp', { l2tp: { pppAuth: 'pap' } });
  it.each([
    { phase: 'Main Mode', result: main, count: 6, source: 'RFC 2409 §5.4 (pre-shared key)' },
    { phase: 'Aggressive Mode', result: aggressive, count: 3, source: 'RFC 2409 §5.4' },
    { phase: 'Quick Mode', result: main, count: 3, source: 'RFC 2409 §5.5' },
    { phase: 'Control connection', result: main, count: 3, source: 'RFC 2661 §5.1: SCCRQ, SCCRP, SCCCN' },
    { phase: 'Session', result: main, count: 4, source: 'RFC 2661 §5.2.1: ICRQ, ICRP, ICCN + ZLB (§5.8)' },
    { phase: 'LCP', result: main, count: 4, source: 'RFC 1661 §5.1: Configure-Request and -Ack (§5.2) each way' },
    { phase: 'Authentication', result: main, count: 3, source: 'RFC 2759 §3, §4, §5: Challenge, Response, Success packets' },
    { phase: 'Authentication', result: pap, count: 2, source: 'RFC 1334 §2.2' },
    { phase: 'IPCP', result: main, count: 6, source: 'RFC 1332 §3 with RFC 1661 §5.3 Configure-Nak for the address' },
  ])('$phase: $count messages ($source)', ({ phase, result, count }) => {
    expect(countBy(result, (m) => m.exchange === phase)).toBe(count);
  });

  it('names the L2TP control messages in order (RFC 2661 §5.1, §5.2.1)', () => {
    const l2tp = main.messages.filter((m) => m.layer === 'L2TP').map((m) => m.name);
    expect(l2tp).toEqual(['SCCRQ', 'SCCRP', 'SCCCN', 'ICRQ', 'ICRP', 'ICCN', 'ZLB acknowledgement']);
  });
});

describe('network change: recovery sequences', () => {
  const change = { event: 'network-change' };
  it.each([
    { name: 'MOBIKE, strongSwan path probe first', input: { ...change }, messages: 4, roundTrips: 2, source: 'RFC 4555 §3.10 probe + §3.5 UPDATE_SA_ADDRESSES (strongSwan ike_mobike.c roam())' },
    { name: 'MOBIKE, update only', input: { ...change, ikev2: { mobikePathProbe: false } }, messages: 2, roundTrips: 1, source: 'RFC 4555 §3.5: one INFORMATIONAL exchange' },
    { name: 'MOBIKE with return routability check', input: { ...change, ikev2: { mobikePathProbe: false, returnRoutabilityCheck: true } }, messages: 4, roundTrips: 2, source: 'RFC 4555 §3.7: the gateway checks the new address first' },
    { name: 'no MOBIKE, delete then reconnect', input: { ...change, ikev2: { mobike: false, reauthDeletesFirst: true } }, messages: 6, roundTrips: 3, source: 'RFC 7296 §1.4.1 delete + §1.2 new IKE SA (strongSwan 5.9 make_before_break = no; lab roam_mobike_no runs)' },
    { name: 'no MOBIKE, make-before-break (default)', input: { ...change, ikev2: { mobike: false } }, messages: 6, roundTrips: 2, source: 'RFC 7296 §2.8.3: the delete follows the new SA, off the critical path (strongSwan 6.0.0 NEWS: make_before_break on by default)' },
    { name: 'dead-peer detection, new IKE SA', input: { ...change, detection: { ikev2: 'dpd' } }, messages: 4, roundTrips: 2, source: 'RFC 7296 §2.4 liveness check, then §1.2' },
  ])('IKEv2 $name: $messages messages, $roundTrips round trips ($source)', ({ input, messages, roundTrips }) => {
    const result = analyzeScenario('ikev2', input);
    expect(result.totals.messages).toBe(messages);
    expect(result.totals.roundTrips).toBe(roundTrips);
  });

  it('L2TP/IPsec redoes the whole chain (no mobility in IKEv1, RFC 2409)', () => {
    const connect = analyzeScenario('l2tp', {});
    const recover = analyzeScenario('l2tp', change);
    expect(recover.messages.map((m) => m.name)).toEqual(connect.messages.map((m) => m.name));
    expect(recover.totals.roundTrips).toBe(11);
  });

  it('the old IKE SA is deleted with a Delete payload (RFC 7296 §1.4.1)', () => {
    const result = analyzeScenario('ikev2', { ...change, ikev2: { mobike: false, reauthDeletesFirst: true } });
    expect(result.messages[0]?.payloads).toBe('HDR, SK {D}');
    const after = analyzeScenario('ikev2', { ...change, ikev2: { mobike: false } });
    const deletion = after.messages.find((m) => m.payloads === 'HDR, SK {D}');
    expect(deletion?.round).toBeNull();
  });
});

describe('every message record is complete', () => {
  const scenarios: [string, unknown][] = [
    ['ikev2', {}],
    ['ikev2', { ikev2: { auth: 'eap-tls', cookie: true, invalidKe: true, postQuantum: 'mlkem1024' } }],
    ['ikev2', { event: 'network-change', ikev2: { returnRoutabilityCheck: true } }],
    ['l2tp', { l2tp: { phase1: 'aggressive', pppAuth: 'pap' }, nat: false }],
  ];
  it.each(scenarios)('%s %j: RFC section, direction, sizes and times', (protocol, input) => {
    const result = analyzeScenario(protocol as 'ikev2' | 'l2tp', input);
    for (const m of result.messages) {
      expect(m.rfc).toMatch(/^RFC \d+/);
      expect(['initiator-to-responder', 'responder-to-initiator']).toContain(m.direction);
      expect(m.ipBytes).toBe(m.fragmentIpBytes.reduce((a, b) => a + b, 0));
      expect(m.packets).toBe(m.fragmentIpBytes.length);
      expect(m.ipBytes).toBeGreaterThan(m.messageBytes);
      expect(m.arriveMs).toBeCloseTo(m.sendMs + 25, 9); // default RTT 50 ms
    }
  });
});
