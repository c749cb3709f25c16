import { describe, expect, it } from 'vitest';
import { HandshakeError, analyzeScenario, compareHandshakes, resolveHandshakeInput } from '../../../src/lib/handshake';

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof HandshakeError) return error.field;
    throw error;
  }
  throw new Error('expected a HandshakeError');
}

describe('bad input is refused with a HandshakeError naming the field', () => {
  it.each([
    { case: 'negative RTT', input: { rttMs: -1 }, field: 'rttMs' },
    { case: 'NaN RTT', input: { rttMs: Number.NaN }, field: 'rttMs' },
    { case: 'RTT above ten seconds', input: { rttMs: 1e6 }, field: 'rttMs' },
    { case: 'RTT as text', input: { rttMs: '50' }, field: 'rttMs' },
    { case: 'negative loss', input: { loss: -0.1 }, field: 'loss' },
    { case: 'loss of 1', input: { loss: 1 }, field: 'loss' },
    { case: 'loss above 1', input: { loss: 1.5 }, field: 'loss' },
    { case: 'infinite loss', input: { loss: Number.POSITIVE_INFINITY }, field: 'loss' },
    { case: 'no retransmission', input: { timers: { ike: { retries: 0 } } }, field: 'timers.ike.retries' },
    { case: 'fractional retries', input: { timers: { ppp: { retries: 2.5 } } }, field: 'timers.ppp.retries' },
    { case: 'shrinking backoff', input: { timers: { ike: { base: 0.5 } } }, field: 'timers.ike.base' },
    { case: 'zero timeout', input: { timers: { l2tp: { timeoutMs: 0 } } }, field: 'timers.l2tp.timeoutMs' },
    { case: 'cap below the first timeout', input: { timers: { l2tp: { capMs: 500 } } }, field: 'timers.l2tp.capMs' },
    { case: 'unknown event', input: { event: 'reboot' }, field: 'event' },
    { case: 'unknown IKEv2 authentication', input: { ikev2: { auth: 'radius' } }, field: 'ikev2.auth' },
    { case: 'unknown key exchange', input: { keyExchange: 'modp1024' }, field: 'keyExchange' },
    { case: 'unknown PPP authentication', input: { l2tp: { pppAuth: 'eap' } }, field: 'l2tp.pppAuth' },
    { case: 'unknown detection for L2TP', input: { detection: { l2tp: 'dpd' } }, field: 'detection.l2tp' },
    { case: 'negative certificate size', input: { ikev2: { auth: 'certificate', initiatorCertificateBytes: -1 } }, field: 'ikev2.initiatorCertificateBytes' },
    { case: 'fragment size below 576', input: { ikev2: { fragmentSize: 100 } }, field: 'ikev2.fragmentSize' },
    { case: 'zero Monte Carlo samples', input: { monteCarlo: { samples: 0 } }, field: 'monteCarlo.samples' },
    { case: 'MOBIKE flag as text', input: { ikev2: { mobike: 'yes' } }, field: 'ikev2.mobike' },
    { case: 'misspelt top-level field', input: { rtt: 50 }, field: 'rtt' },
    { case: 'misspelt nested field', input: { ikev2: { mobikee: true } }, field: 'ikev2.mobikee' },
    { case: 'section that is not an object', input: { timers: 5 }, field: 'timers' },
    { case: 'input that is not an object', input: null, field: 'input' },
  ])('$case -> $field', ({ input, field }) => {
    expect(fieldOf(() => resolveHandshakeInput(input))).toBe(field);
    expect(fieldOf(() => compareHandshakes(input))).toBe(field);
  });

  it('an unknown protocol (scenario) is refused', () => {
    expect(fieldOf(() => analyzeScenario('pptp' as 'ikev2', {}))).toBe('protocol');
  });

  it('the message says what is allowed', () => {
    expect(() => resolveHandshakeInput({ loss: 2 })).toThrow(/loss: must be between 0 and 1/);
    expect(() => resolveHandshakeInput({ event: 'x' })).toThrow(/one of connect, network-change/);
  });

  it('defaults fill every field that is not given', () => {
    const input = resolveHandshakeInput({ rttMs: 120, timers: { ike: { retries: 3 } } });
    expect(input.rttMs).toBe(120);
    expect(input.timers.ike).toEqual({ timeoutMs: 4000, base: 1.8, retries: 3, capMs: null });
    expect(input.ikev2.mobike).toBe(true);
  });
});
