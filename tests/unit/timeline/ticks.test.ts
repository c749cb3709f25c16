// Axis ticks at round values: steps of 1, 2 or 5 times a power of ten.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisUnit, niceStep, tickLabel, ticksBetween } from '../../../src/lib/timeline';

describe('niceStep', () => {
  it.each([
    [1, 1],
    [1.2, 2],
    [2, 2],
    [2.01, 5],
    [7, 10],
    [43.1, 50],
    [86.2, 100],
    [0.3, 0.5],
    [0.03, 0.05],
    [12_000, 20_000],
  ])('at least %d -> %d', (minimum, step) => {
    expect(niceStep(minimum)).toBe(step);
  });

  it('is {1, 2, 5} x 10^k, at least the minimum and less than 2.5 times it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (minimum) => {
        const step = niceStep(minimum);
        expect(step).toBeGreaterThanOrEqual(minimum * (1 - 1e-9));
        expect(step).toBeLessThanOrEqual(minimum * 2.5 * (1 + 1e-9));
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
      }),
    );
  });

  it('refuses a step that is not positive', () => {
    expect(() => niceStep(0)).toThrow(RangeError);
    expect(() => niceStep(Number.NaN)).toThrow(RangeError);
  });
});

describe('ticks and their labels', () => {
  it.each([
    { start: 0, end: 600, step: 100, ticks: [0, 100, 200, 300, 400, 500, 600] },
    { start: 135_000, end: 135_600, step: 200, ticks: [135_000, 135_200, 135_400, 135_600] },
    { start: 0.05, end: 0.31, step: 0.1, ticks: [0.1, 0.2, 0.3] },
    { start: 12, end: 18, step: 10, ticks: [] },
  ])('$start..$end by $step', ({ start, end, step, ticks }) => {
    expect(ticksBetween(start, end, step)).toEqual(ticks);
  });

  it.each([
    { ms: 250, step: 50, unit: 'ms', label: '250' },
    { ms: 2.5, step: 0.5, unit: 'ms', label: '2.5' },
    { ms: 135_100, step: 100, unit: 's', label: '135.1' },
    { ms: 135_050, step: 50, unit: 's', label: '135.05' },
    { ms: 20_000, step: 10_000, unit: 's', label: '20' },
  ] as const)('$ms ms with step $step in $unit -> $label', ({ ms, step, unit, label }) => {
    expect(tickLabel(ms, step, unit)).toBe(label);
  });

  it('switches to seconds from one second on', () => {
    expect(axisUnit(999)).toBe('ms');
    expect(axisUnit(1000)).toBe('s');
  });

  it('labels of neighbouring ticks always differ', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 10_000 }), (minimum, k) => {
        const step = niceStep(minimum);
        const unit = axisUnit((k + 1) * step);
        expect(tickLabel(k * step, step, unit)).not.toBe(tickLabel((k + 1) * step, step, unit));
      }),
    );
  });
});
