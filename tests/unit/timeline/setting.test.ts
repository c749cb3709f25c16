// The sentence a static embed shows in place of its form.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMELINE_STATE, settingSummary, type TimelineState } from '../../../src/lib/timeline';

describe('settingSummary', () => {
  it.each([
    [{}, 'Connecting: 50 ms round trip, 0 % loss, behind a NAT; IKEv2 with a pre-shared key and MOBIKE; L2TP/IPsec with IKEv1 Main Mode and MS-CHAPv2.'],
    [
      { event: 'change', rtt: '120', loss: '2', nat: '0', auth: 'eap-tls', mobike: '0', mode: 'aggressive', l2auth: 'pap' },
      'Recovering from a network change: 120 ms round trip, 2 % loss, no NAT; IKEv2 with EAP-TLS, without MOBIKE; L2TP/IPsec with IKEv1 Aggressive Mode and PAP.',
    ],
  ] as const)('%j', (changes, sentence) => {
    expect(settingSummary({ ...DEFAULT_TIMELINE_STATE, ...changes } as TimelineState)).toBe(sentence);
  });
});
