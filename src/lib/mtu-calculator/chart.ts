/**
 * Wire efficiency (inner bytes ÷ outer bytes) against inner packet size for
 * each protocol of the comparison, from the smallest inner packet (its IP header) up to the
 * protocol's tunnel MTU. Points are exact: one on each side of every padding step, where the
 * outer size jumps (4 bytes for AES-GCM, 16 for AES-CBC), plus a regular grid for curvature.
 */
import { compileTunnel, type Protocol, type Tunnel } from '../overhead';
import type { ComparisonRow } from './comparison';

export type Point = readonly [innerBytes: number, efficiency: number];

export interface ChartLine {
  readonly protocol: Protocol;
  readonly name: string;
  readonly current: boolean;
  readonly minSize: number;
  /** The tunnel MTU: the largest inner packet on this path. */
  readonly maxSize: number;
  readonly points: readonly Point[];
}

export interface Reading {
  readonly protocol: Protocol;
  readonly name: string;
  /** Null when the size is outside what this protocol carries on this path. */
  readonly value: { readonly outerBytes: number; readonly efficiency: number } | null;
}

export interface EfficiencyChart {
  readonly minSize: number;
  readonly maxSize: number;
  readonly lines: readonly ChartLine[];
  /** Efficiency of every line at one inner size, for the keyboard readout. */
  readingsAt(innerBytes: number): Reading[];
  /** Representative sizes for the table alternative: common sizes plus each tunnel MTU. */
  readonly tableSizes: readonly number[];
}

/** Grid points per line besides the padding steps: enough to draw L/(L + c) smoothly. */
const GRID_POINTS = 128;
/** Sizes people recognise: a TCP ACK, Simple IMIX (40/576/1500), powers of two, jumbo frames. */
const COMMON_SIZES = [40, 64, 128, 256, 512, 576, 1024, 1280, 1400, 1500, 4096, 8192, 9000];

function linePoints(tunnel: Tunnel, minSize: number, maxSize: number): Point[] {
  const points: Point[] = [];
  const step = Math.max(1, Math.ceil((maxSize - minSize) / GRID_POINTS));
  let outer = tunnel.outerBytes(minSize);
  let previousRise = Number.NaN;
  for (let size = minSize; size <= maxSize; size++) {
    const next = size < maxSize ? tunnel.outerBytes(size + 1) : outer;
    const rise = next - outer;
    const isEdge = size === minSize || size === maxSize;
    // A vertex wherever the outer size changes its rate: both sides of every padding step.
    if (isEdge || rise !== previousRise || (size - minSize) % step === 0) points.push([size, size / outer]);
    previousRise = rise;
    outer = next;
  }
  return points;
}

/** The chart for the comparison's rows; lines whose tunnel MTU is unknown are left out. */
export function efficiencyChart(rows: readonly ComparisonRow[]): EfficiencyChart | null {
  const drawn: { line: ChartLine; tunnel: Tunnel }[] = [];
  for (const row of rows) {
    if (row.spec === null || !row.maxInner.ok) continue;
    const tunnel = compileTunnel(row.spec);
    const minSize = tunnel.innerHeaderBytes;
    const maxSize = row.maxInner.value;
    if (maxSize < minSize) continue;
    const points = linePoints(tunnel, minSize, maxSize);
    drawn.push({ line: { protocol: row.protocol, name: row.name, current: row.current, minSize, maxSize, points }, tunnel });
  }
  if (drawn.length === 0) return null;
  const lines = drawn.map((d) => d.line);
  const minSize = Math.min(...lines.map((l) => l.minSize));
  const maxSize = Math.max(...lines.map((l) => l.maxSize));
  const tableSizes = [...new Set([...COMMON_SIZES, ...lines.map((l) => l.maxSize)])]
    .filter((size) => size >= minSize && size <= maxSize)
    .sort((a, b) => a - b);
  return {
    minSize,
    maxSize,
    lines,
    tableSizes,
    readingsAt(innerBytes) {
      return drawn.map(({ line, tunnel }) => {
        const inRange = Number.isInteger(innerBytes) && innerBytes >= line.minSize && innerBytes <= line.maxSize;
        if (!inRange) return { protocol: line.protocol, name: line.name, value: null };
        const outerBytes = tunnel.outerBytes(innerBytes);
        return { protocol: line.protocol, name: line.name, value: { outerBytes, efficiency: innerBytes / outerBytes } };
      });
    },
  };
}
