/**
 * The figures chapters quote from the overhead model, computed from a named preset plus
 * overrides. Pure, so the Astro components that render them stay one-liners and the
 * figures can be unit-tested. A bad request throws: a chapter must not build with a wrong number.
 */
import {
  maxInnerPacket,
  mixEfficiency,
  mssClamp,
  packetSize,
  presetById,
  type TunnelSpec,
} from '../overhead';

export type Figure = 'outer' | 'overhead' | 'padding' | 'maxInner' | 'mss' | 'imix';

export const FIGURE_LABELS: Record<Figure, string> = {
  outer: 'Outer packet (bytes)',
  overhead: 'Overhead (bytes)',
  padding: 'Padding (bytes)',
  maxInner: 'Tunnel MTU (bytes)',
  mss: 'TCP MSS (bytes)',
  imix: 'IMIX efficiency',
};

export interface FigureRequest {
  preset: string;
  /** Any TunnelSpec fields that differ from the preset. */
  spec?: Partial<TunnelSpec>;
  /** Inner packet size, for outer / overhead / padding. */
  inner?: number;
  /** Path MTU, for maxInner / mss / imix. */
  mtu?: number;
}

export function specFor(request: FigureRequest): TunnelSpec {
  return { ...presetById(request.preset).spec, ...request.spec };
}

function need(value: number | undefined, name: 'inner' | 'mtu', figure: Figure): number {
  if (value === undefined) throw new Error(`The figure "${figure}" needs the ${name} prop`);
  return value;
}

/** The numeric value of one figure (IMIX as a fraction 0..1). */
export function figureValue(figure: Figure, request: FigureRequest): number {
  const spec = specFor(request);
  switch (figure) {
    case 'outer':
      return packetSize(spec, need(request.inner, 'inner', figure)).outerBytes;
    case 'overhead':
      return packetSize(spec, need(request.inner, 'inner', figure)).overheadBytes;
    case 'padding':
      return packetSize(spec, need(request.inner, 'inner', figure)).paddingBytes;
    case 'maxInner':
      return maxInnerPacket(spec, need(request.mtu, 'mtu', figure));
    case 'mss':
      return mssClamp(spec, need(request.mtu, 'mtu', figure));
    case 'imix':
      return mixEfficiency(spec, undefined, { pathMtu: need(request.mtu, 'mtu', figure) }).efficiency;
  }
}

/** How a figure reads in text: whole bytes, or a percentage with one decimal. */
export function formatFigure(figure: Figure, value: number): string {
  return figure === 'imix' ? `${(value * 100).toFixed(1)} %` : String(value);
}
