/**
 * The shape every protocol's byte accounting takes. Functions here do not check their
 * arguments: tunnel.ts checks them once, so that chart loops stay cheap.
 */
import type { NamedLayer } from './types';

export interface Framing {
  /** Bytes of the outer packet for an inner packet of `inner` bytes. */
  outerBytes(inner: number): number;
  /** Cipher padding for that inner packet. */
  paddingBytes(inner: number): number;
  /** The layers, outermost first, zero-byte layers left out. */
  layers(inner: number): NamedLayer[];
  /** The tunnel MTU to configure for a path MTU (may be below the inner IP header: the caller refuses that). */
  tunnelMtu(pathMtu: number): number;
  /** The largest inner packet whose outer packet is at most `outerLimit`, given the configured padding cap. */
  largestInnerWithin(outerLimit: number): number;
  /** Overhead when the padding is 0. */
  readonly minOverheadBytes: number;
  /** The most padding any inner size can receive. */
  readonly maxPaddingBytes: number;
}

/** Copies prebuilt layers around the inner packet so that callers can never alter the originals. */
export function assembleLayers(
  before: readonly NamedLayer[],
  inner: number,
  padding: NamedLayer | null,
  after: readonly NamedLayer[],
): NamedLayer[] {
  const layers: NamedLayer[] = before.map((layer) => ({ name: layer.name, bytes: layer.bytes }));
  layers.push({ name: 'Inner packet', bytes: inner });
  if (padding !== null && padding.bytes > 0) layers.push(padding);
  for (const layer of after) layers.push({ name: layer.name, bytes: layer.bytes });
  return layers;
}

/** Drops zero-byte layers (an IV of 0 for NULL encryption, TCP options of 0). */
export function nonEmpty(layers: readonly NamedLayer[]): NamedLayer[] {
  return layers.filter((layer) => layer.bytes > 0);
}

export function sumBytes(layers: readonly NamedLayer[]): number {
  let total = 0;
  for (const layer of layers) total += layer.bytes;
  return total;
}
