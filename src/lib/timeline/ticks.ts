/**
 * Round tick values for a time axis: steps of 1, 2 or 5 times a power of ten, ticks at whole
 * multiples of the step, labels with just enough decimals for the step.
 */

const MANTISSAS = [1, 2, 5, 10] as const;

/** The smallest step of the form {1, 2, 5} x 10^k that is at least `minimum` (> 0). */
export function niceStep(minimum: number): number {
  if (!(minimum > 0) || !Number.isFinite(minimum)) throw new RangeError(`a tick step needs a positive size, got ${minimum}`);
  const power = 10 ** Math.floor(Math.log10(minimum));
  for (const mantissa of MANTISSAS) {
    // Multiply, then round away binary noise (0.1 * 3 is not 0.3) to the step's own precision.
    const step = Number((mantissa * power).toPrecision(12));
    if (step >= minimum * (1 - 1e-12)) return step;
  }
  return Number((10 * power).toPrecision(12)); // unreachable: 10 x power always exceeds minimum
}

/** Whole multiples of `step` from `start` to `end`, both included (with a little tolerance). */
export function ticksBetween(start: number, end: number, step: number): number[] {
  const first = Math.ceil(start / step - 1e-9);
  const last = Math.floor(end / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k += 1) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

export type AxisUnit = 'ms' | 's';

/** Milliseconds while the axis stays below one second, seconds beyond. */
export function axisUnit(largestTickMs: number): AxisUnit {
  return largestTickMs >= 1000 ? 's' : 'ms';
}

/** A tick's number in the axis unit, with as many decimals as the step needs: '250', '1.5', '135.1'. */
export function tickLabel(ms: number, stepMs: number, unit: AxisUnit): string {
  const scale = unit === 's' ? 1000 : 1;
  const decimals = Math.max(0, Math.ceil(-Math.log10(stepMs / scale) - 1e-9));
  return (ms / scale).toFixed(decimals);
}
