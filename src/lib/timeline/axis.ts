/**
 * The shared time axis of the sequence diagram: time runs down, the same milliseconds per unit
 * for both protocols, so equal lengths mean equal times.
 *
 * Scale: always linear where something happens. A detection delay of minutes (dead-peer
 * detection, PPP LCP echo timeouts) next to handshakes of a few hundred milliseconds would leave
 * the handshakes a few pixels tall on a linear axis, and a logarithmic axis would give every
 * round trip a different height. So a quiet stretch that dwarfs everything drawn is cut out of
 * the axis and replaced by a fixed-height break that states the time it stands for; both
 * sides of a break stay linear at the same scale.
 */
import { axisUnit, niceStep, tickLabel, ticksBetween } from './ticks';
import type { AxisUnit } from './ticks';

/** A time interval during which something is drawn (a message in flight). */
export interface Interval {
  startMs: number;
  endMs: number;
}

export interface AxisPiece {
  kind: 'linear' | 'break';
  startMs: number;
  endMs: number;
  y0: number;
  y1: number;
}

export interface AxisTick {
  ms: number;
  y: number;
  label: string;
}

export interface TimeAxis {
  scale: 'linear' | 'broken';
  pxPerMs: number;
  stepMs: number;
  unit: AxisUnit;
  pieces: AxisPiece[];
  ticks: AxisTick[];
  top: number;
  bottom: number;
}

export interface AxisOptions {
  top: number; // y of time 0
  breakHeight: number; // height of one break
  labelGap: number; // wanted space between two labels
  minPlotHeight: number; // the linear parts are never squeezed below this
  maxPlotHeight: number; // nor stretched beyond it
  tickSpacing: number; // wanted distance between ticks
}

/** A gap is cut when it is more than this many times longer than all that stays linear... */
export const BREAK_RATIO = 4;
/** ...and at least this long: shorter waits are drawn to scale whatever their share. */
export const MIN_BREAK_MS = 1000;

/** Busy stretches: the intervals merged where they overlap or touch, starting at time 0. */
export function busyStretches(intervals: readonly Interval[]): Interval[] {
  const sorted = [{ startMs: 0, endMs: 0 }, ...intervals].sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Which gaps between busy stretches to cut: the fewest longest gaps such that the shortest of
 * them is still more than BREAK_RATIO times everything left linear (and at least MIN_BREAK_MS).
 * Cutting only the longest of two long waits could leave the other one dwarfing the handshakes,
 * so the k longest are tried together for k = 1, 2, ...
 */
export function gapsToCut(stretches: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  for (let i = 1; i < stretches.length; i += 1) {
    const before = stretches[i - 1];
    const after = stretches[i];
    if (before !== undefined && after !== undefined) gaps.push({ startMs: before.endMs, endMs: after.startMs });
  }
  const length = (gap: Interval) => gap.endMs - gap.startMs;
  const longestFirst = gaps.filter((gap) => length(gap) >= MIN_BREAK_MS).sort((a, b) => length(b) - length(a));
  const extent = (stretches[stretches.length - 1]?.endMs ?? 0) - (stretches[0]?.startMs ?? 0);
  let cutMs = 0;
  for (let k = 0; k < longestFirst.length; k += 1) {
    const shortest = longestFirst[k] as Interval;
    cutMs += length(shortest);
    const linear = extent - cutMs;
    if (linear > 0 && length(shortest) > BREAK_RATIO * linear) {
      return longestFirst.slice(0, k + 1).sort((a, b) => a.startMs - b.startMs);
    }
  }
  return [];
}

/** Distance in linear (uncut) milliseconds between two times, or null when a cut lies between. */
function linearDistance(a: number, b: number, cuts: readonly Interval[]): number | null {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return cuts.some((cut) => cut.startMs >= low && cut.endMs <= high) ? null : high - low;
}

/** A label the scale should make room for: its anchor time and its height. */
export interface LabelSpan {
  ms: number;
  height: number;
}

/**
 * The axis for the given busy intervals and labels (grouped per panel: labels of different
 * panels never collide). The scale gives every two neighbouring labels of a panel room to sit
 * at their own times, `labelGap` apart, within the plot height limits; where the limits win, the
 * labels are stacked with leader lines instead.
 */
export function buildTimeAxis(intervals: readonly Interval[], labelsByPanel: readonly (readonly LabelSpan[])[], options: AxisOptions): TimeAxis {
  const stretches = busyStretches(intervals);
  const cuts = gapsToCut(stretches);
  const endMs = stretches[stretches.length - 1]?.endMs ?? 0;
  const linearMs = Math.max(endMs - cuts.reduce((sum, cut) => sum + cut.endMs - cut.startMs, 0), 1e-6);

  let wanted = 0;
  for (const labels of labelsByPanel) {
    const sorted = [...labels].sort((a, b) => a.ms - b.ms);
    for (let i = 1; i < sorted.length; i += 1) {
      const upper = sorted[i - 1] as LabelSpan;
      const lower = sorted[i] as LabelSpan;
      const distance = linearDistance(upper.ms, lower.ms, cuts);
      if (distance !== null && distance > 0) wanted = Math.max(wanted, ((upper.height + lower.height) / 2 + options.labelGap) / distance);
    }
  }
  const pxPerMs = Math.min(Math.max(wanted, options.minPlotHeight / linearMs), options.maxPlotHeight / linearMs);
  const stepMs = niceStep(options.tickSpacing / pxPerMs);

  // Linear pieces between the cuts, widened to whole steps where there is room so that every
  // piece begins and ends on a round tick.
  const bounds: Interval[] = [];
  let start = 0;
  for (const cut of cuts) {
    bounds.push({ startMs: start, endMs: cut.startMs });
    start = cut.endMs;
  }
  bounds.push({ startMs: start, endMs: endMs });
  bounds.forEach((piece, i) => {
    const previousEnd = i === 0 ? 0 : (bounds[i - 1]?.endMs ?? 0);
    const nextStart = bounds[i + 1]?.startMs ?? Number.POSITIVE_INFINITY;
    const roundedStart = Math.floor(piece.startMs / stepMs + 1e-9) * stepMs;
    const roundedEnd = Math.ceil(piece.endMs / stepMs - 1e-9) * stepMs;
    if (i > 0 && roundedStart > previousEnd) piece.startMs = Number(roundedStart.toPrecision(12));
    if (roundedEnd < nextStart) piece.endMs = Number(roundedEnd.toPrecision(12));
  });

  const pieces: AxisPiece[] = [];
  let y = options.top;
  bounds.forEach((piece, i) => {
    if (i > 0) {
      const previous = bounds[i - 1];
      pieces.push({ kind: 'break', startMs: previous?.endMs ?? 0, endMs: piece.startMs, y0: y, y1: y + options.breakHeight });
      y += options.breakHeight;
    }
    const height = (piece.endMs - piece.startMs) * pxPerMs;
    pieces.push({ kind: 'linear', startMs: piece.startMs, endMs: piece.endMs, y0: y, y1: y + height });
    y += height;
  });

  const tickTimes = bounds.flatMap((piece) => ticksBetween(piece.startMs, piece.endMs, stepMs));
  const unit = axisUnit(Math.max(0, ...tickTimes));
  const ticks = tickTimes.map((ms) => ({ ms, y: yAt(pieces, ms), label: tickLabel(ms, stepMs, unit) }));
  return { scale: cuts.length > 0 ? 'broken' : 'linear', pxPerMs, stepMs, unit, pieces, ticks, top: options.top, bottom: y };
}

/**
 * The y of a time: linear inside a linear piece; inside a break, proportional to the time within
 * it (only the ends of long spans, such as a detection delay, fall there). Before 0 is the top,
 * after the end the bottom.
 */
export function yAt(pieces: readonly AxisPiece[], ms: number): number {
  for (const piece of pieces) {
    if (ms <= piece.endMs) {
      if (ms <= piece.startMs) return piece.y0;
      const share = (ms - piece.startMs) / (piece.endMs - piece.startMs);
      return piece.y0 + share * (piece.y1 - piece.y0);
    }
  }
  return pieces[pieces.length - 1]?.y1 ?? 0;
}
