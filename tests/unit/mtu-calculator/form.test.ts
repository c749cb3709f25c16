import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  HEADER_OPTIONS,
  computeResult,
  errorList,
  mixedL2tpAdvice,
  presetSelection,
  presetState,
  pressedPathMtu,
  type CalculatorState,
} from '../../../src/lib/mtu-calculator';

describe('form data', () => {
  it('labels the L2TP and PPP options with the bytes each adds or saves', () => {
    // RFC 2661 §3.1: the L bit adds the 2-byte Length field, the S bit the 2+2-byte Ns and Nr.
    // RFC 1661 §6.6 (ACFC): the 2 bytes FF 03 are left out; §6.5 (PFC): the protocol field shrinks from 2 bytes to 1.
    expect(HEADER_OPTIONS.map((option) => option.label)).toEqual([
      'L2TP Length field (L bit, +2 bytes)',
      'L2TP sequence numbers Ns/Nr (S bit, +4)',
      'PPP address/control compression (ACFC, −2)',
      'PPP protocol field compression (PFC, −1)',
    ]);
  });

  it.each([
    { mtu: '1500', pressed: 1500, why: 'Ethernet chip' },
    { mtu: '1500.0', pressed: 1500, why: 'the same number written with a fraction (code review §1.5)' },
    { mtu: ' 1492 ', pressed: 1492, why: 'spaces around the number' },
    { mtu: '+1280', pressed: 1280, why: 'an explicit plus sign' },
    { mtu: '1400', pressed: null, why: 'no chip for 1400' },
    { mtu: 'abc', pressed: null, why: 'not a number' },
  ])('path-MTU chip for "$mtu": $why', ({ mtu, pressed }) => {
    expect(pressedPathMtu({ ...DEFAULT_STATE, mtu })).toBe(pressed);
  });

  it('keeps the setup the reader chose while the state matches it, and names the match once it does not', () => {
    const windows = presetState('l2tp-windows', DEFAULT_STATE);
    expect(presetSelection('l2tp-windows', windows)).toBe('l2tp-windows');
    // The two L2TP setups differ only in ACFC (presets.ts), so turning it off is the Linux setup.
    expect(presetSelection('l2tp-windows', { ...windows, acfc: '0' })).toBe('l2tp-linux');
    expect(presetSelection('', { ...windows, mtu: '1400', esp: 'aes128gcm16' })).toBe('');
  });

  it('lists errors in form order with the form names', () => {
    expect(errorList({ size: 'b', proto: 'a' })).toEqual([
      { field: 'proto', name: 'Protocol', message: 'a' },
      { field: 'size', name: 'Inner packet size', message: 'b' },
    ]);
  });
});

describe('messages in the reader’s words (usability review #12)', () => {
  it.each([
    { changes: { mtu: '99999' }, field: 'mtu', message: 'The path MTU must be a whole number from 1 to 65535; you entered 99999.' },
    { changes: { size: '70000' }, field: 'size', message: /^The inner packet size must be a whole number from 20 to \d+; you entered 70000\.$/ },
  ] as { changes: Partial<CalculatorState>; field: 'mtu' | 'size'; message: string | RegExp }[])('$field', ({ changes, field, message }) => {
    const error = computeResult({ ...DEFAULT_STATE, ...changes }).errors[field];
    expect(error).toMatch(message);
    expect(error).not.toMatch(/pathMtu|innerBytes/);
  });
});

describe('Windows clients with a Linux L2TP server (usability review #11)', () => {
  it('names both MSS values and clamps to the smaller', () => {
    // By hand, path 1492, IPv4, NAT-T, aes256-sha1 (IV 16, ICV 12, block 16; RFC 4303 §2.4, RFC 3602 §3, RFC 2404):
    // 1492 - 20 IPv4 - 8 UDP - 8 ESP - 16 IV - 12 ICV = 1428 -> 1424 in 16-byte blocks, minus 2 (pad length, next header)
    // = 1422 for UDP 8 + L2TP 6 + PPP + inner. Linux sends PPP FF 03 + protocol (4): inner 1404, MSS 1364.
    // Windows compresses address/control (2): inner 1406, MSS 1366.
    const state: CalculatorState = { ...DEFAULT_STATE, proto: 'l2tp', esp: 'aes256-sha1', mtu: '1492' };
    expect(mixedL2tpAdvice(state)).toBe(
      'Windows clients with a Linux server: the Linux setup gives an MSS of 1364, the Windows client 1366. ' +
        'Clamp on the server to the smaller, 1364, so packets from both ends fit.',
    );
  });

  it('says nothing for other protocols or when the path cannot be computed', () => {
    expect(mixedL2tpAdvice(DEFAULT_STATE)).toBeNull();
    expect(mixedL2tpAdvice({ ...DEFAULT_STATE, proto: 'l2tp', esp: 'aes256-sha1', mtu: 'abc' })).toBeNull();
  });
});
