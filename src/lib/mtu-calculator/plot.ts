/**
 * Chart geometry in SVG user units: scales, tick values and line paths. Paths keep, per unit
 * column, the first, lowest, highest and last point, so that a jumbo-frame chart stays a few
 * kilobytes while every padding step still shows at the drawn resolution.
 */
import type { Point } from './chart';

export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Plot area inside the frame. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
  return Object.assign(scale, { domain });
}

/** Round tick values from 0 to at least `max`, at most `maxCount` of them (1, 2, 2.5, 5 × 10ⁿ steps). */
export function niceTicks(max: number, maxCount: number): number[] {
  if (!(max > 0) || maxCount < 2) return [0];
  const rough = max / (maxCount - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toPrecision(12)));
    if (value >= max) break;
  }
  return ticks;
}

const fixed1 = (value: number): string => String(Math.round(value * 10) / 10);

/** An SVG path through the points, reduced to at most four points per unit column. */
export function linePath(points: readonly Point[], x: Scale, y: Scale): string {
  const parts: string[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  const emit = (px: number, py: number) => {
    if (px === lastX && py === lastY) return;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${fixed1(px)} ${fixed1(py)}`);
    lastX = px;
    lastY = py;
  };
  // Per column: the first point, the lowest and highest (in drawing order), and the last.
  let column = Number.NaN;
  let firstX = 0, firstY = 0, lowX = 0, lowY = 0, highX = 0, highY = 0, endX = 0, endY = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    emit(firstX, firstY);
    // SVG y grows downwards: the lowest efficiency has the largest y.
    if (lowX <= highX) {
      emit(lowX, lowY);
      emit(highX, highY);
    } else {
      emit(highX, highY);
      emit(lowX, lowY);
    }
    emit(endX, endY);
  };
  for (const [size, efficiency] of points) {
    const px = x(size);
    const py = y(efficiency);
    const col = Math.floor(px);
    if (col !== column) {
      flush();
      column = col;
      firstX = lowX = highX = px;
      firstY = lowY = highY = py;
    } else {
      if (py > lowY) {
        lowX = px;
        lowY = py;
      }
      if (py < highY) {
        highX = px;
        highY = py;
      }
    }
    endX = px;
    endY = py;
  }
  flush();
  return parts.join('');
}
