/**
 * Geometry of the packet bar (src/components/mtu/PacketDiagram.svelte draws it as it is): each
 * layer's share of the bar, the brackets over encrypted and authenticated bytes, and which
 * labels fit. The inner packet is drawn at most INNER_CAP times the overhead so the headers stay
 * visible; the bar says so.
 */
import type { DiagramLayer } from './layers';
import type { PacketResult } from './result';

/** The inner packet is drawn at most this many times the overhead. */
export const INNER_CAP = 1.5;

/**
 * Share of the bar (percent) one label character needs at the narrowest supported width: a
 * 2xs character is about 7 px in a bar of about 290 px at 320 px, plus 1 % for the padding.
 * A label that would be clipped is left out; the segment's title and the table name it.
 */
const PERCENT_PER_CHAR = 2.5;
const LABEL_PADDING_PERCENT = 1;
const fits = (label: string, percent: number) => percent >= label.length * PERCENT_PER_CHAR + LABEL_PADDING_PERCENT;

export interface BarSegment {
  readonly layer: DiagramLayer;
  /** Drawn bytes, for flex-grow. */
  readonly grow: number;
  /** Whether the tag fits inside the segment. */
  readonly labelled: boolean;
  /** The inner packet, drawn shorter than its size. */
  readonly shortened: boolean;
}

export interface Bracket {
  readonly kind: 'encrypted' | 'authenticated';
  /** Percent of the bar, as CSS values. */
  readonly left: string;
  readonly width: string;
  readonly labelled: boolean;
}

export interface PacketBar {
  readonly segments: readonly BarSegment[];
  readonly brackets: readonly Bracket[];
  /** The inner packet is drawn shorter than its size. */
  readonly shortened: boolean;
  /** Some segment is too narrow for its tag. */
  readonly unlabelled: boolean;
}

export function packetBar(packet: PacketResult): PacketBar {
  const drawnInner = Math.min(packet.innerBytes, Math.max(1, Math.round(packet.overheadBytes * INNER_CAP)));
  const shortened = drawnInner < packet.innerBytes;
  const widthOf = (layer: DiagramLayer) => (layer.name === 'Inner packet' ? drawnInner : layer.bytes);
  const total = packet.layers.reduce((sum, layer) => sum + widthOf(layer), 0);
  const share = (bytes: number) => (bytes / total) * 100;
  const css = (percent: number) => `${percent.toFixed(3)}%`;

  const segments = packet.layers.map((layer) => ({
    layer,
    grow: widthOf(layer),
    labelled: fits(layer.tag, share(widthOf(layer))),
    shortened: layer.name === 'Inner packet' && shortened,
  }));

  /** Contiguous runs of layers with a property, as [start, width] in drawn bytes. */
  function runs(has: (layer: DiagramLayer) => boolean): [number, number][] {
    const found: [number, number][] = [];
    let offset = 0;
    for (const layer of packet.layers) {
      const width = widthOf(layer);
      const last = found.at(-1);
      if (has(layer)) {
        if (last && last[0] + last[1] === offset) last[1] += width;
        else found.push([offset, width]);
      }
      offset += width;
    }
    return found;
  }
  const brackets = (['encrypted', 'authenticated'] as const).flatMap((kind) =>
    runs((layer) => layer[kind]).map(([start, width]) => ({
      kind,
      left: css(share(start)),
      width: css(share(width)),
      labelled: fits(kind, share(width)),
    })),
  );
  return { segments, brackets, shortened, unlabelled: segments.some((segment) => !segment.labelled) };
}
