// How numbers read on the page: precision that suits the size, and probabilities that never
// round a possible failure away.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatProbability } from '../../../src/lib/timeline';

describe('durations', () => {
  it.each([
    [0, '0 ms', 'zero'],
    [5.5, '5.5 ms', 'below 10 ms: one decimal (half the 11 ms computation)'],
    [9.96, '10 ms', 'rounding up crosses into whole milliseconds'],
    [111, '111 ms', 'IKEv2 PSK at 50 ms RTT: 2 RTT + 11 ms'],
    [999.4, '999 ms', 'just under a second'],
    [999.6, '1 s', 'rounds to one second'],
    [1250, '1.25 s', 'three significant digits'],
    [5009.8, '5.01 s', 'three significant digits'],
    [15_661, '15.7 s', 'three significant digits'],
    [59_940, '59.9 s', 'below a minute'],
    [135_561, '2 min 16 s', 'LCP echo detection plus a reconnect'],
    [165_061.12, '2 min 45 s', 'strongSwan gives up after 165 s (docs "Retransmission")'],
    [3_600_000, '1 h 0 min', 'an hour'],
    [-111, '−111 ms', 'a negative span keeps its sign'],
  ])('%d ms -> %s (%s)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses what is not a duration', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('always has a number and a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), (ms) => {
        expect(formatDuration(ms)).toMatch(/^\d+(\.\d+)? (ms|s)$|^\d+ min \d+ s$|^\d+ h \d+ min$/);
      }),
    );
  });
});

describe('probabilities', () => {
  it.each([
    [0, '0 %', 'exactly zero'],
    [1, '100 %', 'exactly one'],
    [0.01, '1 %', 'a whole percent'],
    [0.015, '1.5 %', 'two significant digits'],
    [0.123, '12 %', 'two significant digits'],
    [0.000_015_29, '0.0015 %', 'EAP-TLS at 5 % loss gives up this rarely'],
    [1e-9, '< 0.001 %', 'tiny but possible'],
    [0.995, '99.5 %', 'near certain: digits of what is missing'],
    [0.9995, '99.95 %', 'near certain'],
    [0.999_52, '99.952 %', 'two significant digits of the 0.048 % missing'],
    [1 - 1e-9, '> 99.999 %', 'never rounds to certain'],
  ])('%d -> %s (%s)', (p, text) => {
    expect(formatProbability(p)).toBe(text);
  });

  it('shows 0 % only for 0 and 100 % only for 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const text = formatProbability(p);
        expect(text === '0 %').toBe(p === 0);
        expect(text === '100 %').toBe(p === 1);
        expect(text).not.toMatch(/NaN|e[+-]/);
      }),
    );
  });

  it('refuses what is not a probability', () => {
    expect(() => formatProbability(-0.1)).toThrow(RangeError);
    expect(() => formatProbability(Number.NaN)).toThrow(RangeError);
  });
});

describe('bytes', () => {
  it.each([
    [1, '1 byte'],
    [500, '500 bytes'],
    [1664, '1,664 bytes'],
    [123_456, '123,456 bytes'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
