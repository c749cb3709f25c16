/**
 * Efficiency figures for charts: delivered inner bytes per outer byte, for one size, for a
 * series of sizes, and for a packet mix.
 */
import { ETHERNET_L1_OVERHEAD } from './constants';
import { ModelError, describeValue } from './errors';
import { compileTunnel, type OverheadRange, type Tunnel } from './tunnel';
import type { TunnelSpec } from './types';

export interface MixEntry {
  /** Inner IP packet size, header included. */
  readonly bytes: number;
  /** Relative frequency (a count per cycle of the mix). */
  readonly weight: number;
}

export interface PacketMix {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly entries: readonly MixEntry[];
}

/** "Simple IMIX": 7 x 40, 4 x 576, 1 x 1500-byte IP packets (average 340.3 bytes). */
export const SIMPLE_IMIX: PacketMix = Object.freeze({
  id: 'simple-imix',
  label: 'Simple IMIX (7 x 40, 4 x 576, 1 x 1500 bytes)',
  source: 'Simple IMIX as used by Ostinato (ostinato.org/blog/imix) and Wikipedia "Internet Mix"; IP packet sizes',
  entries: Object.freeze([
    Object.freeze({ bytes: 40, weight: 7 }),
    Object.freeze({ bytes: 576, weight: 4 }),
    Object.freeze({ bytes: 1500, weight: 1 }),
  ]),
});

export interface MixOptions {
  /**
   * Path MTU. When given, packets larger than the tunnel MTU (maxInnerPacket) are cut to it,
   * as a TCP MSS clamp does, and a WireGuard interface is taken to be set to that MTU.
   * When absent, every size is sent as is (the spec must accept it).
   */
  readonly pathMtu?: number;
  /** Count Ethernet's 38 bytes per frame (preamble, MAC header, FCS, gap) in the outer total. */
  readonly ethernetL1?: boolean;
}

export interface MixPacket {
  /** Size in the mix. */
  readonly bytes: number;
  /** Size actually sent after the clamp. */
  readonly innerBytes: number;
  readonly weight: number;
  /** Outer bytes per packet (with Ethernet framing when asked). */
  readonly outerBytes: number;
}

export interface MixEfficiency {
  /** Sum of weight x inner bytes. */
  readonly innerBytes: number;
  /** Sum of weight x outer bytes. */
  readonly outerBytes: number;
  /** innerBytes / outerBytes. */
  readonly efficiency: number;
  readonly packets: readonly MixPacket[];
}

/** Fixed part (overhead without padding) and variable part (padding) of the overhead. */
export function overheadRange(spec: TunnelSpec): OverheadRange {
  return compileTunnel(spec).overheadRange;
}

function checkMix(mix: PacketMix): void {
  const entries: unknown = typeof mix === 'object' && mix !== null ? mix.entries : undefined;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ModelError('mix', `The packet mix must list at least one { bytes, weight } entry; got ${describeValue(entries)}.`);
  }
  for (const entry of entries as unknown[]) {
    const weight: unknown = typeof entry === 'object' && entry !== null ? (entry as MixEntry).weight : undefined;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1) {
      throw new ModelError('mix', `Each weight in the packet mix must be a whole number of at least 1; got ${describeValue(weight)}.`);
    }
  }
}

function clampedTunnel(spec: TunnelSpec, pathMtu: number | undefined): { tunnel: Tunnel; limit: number } {
  const tunnel = compileTunnel(spec);
  if (pathMtu === undefined) return { tunnel, limit: Number.POSITIVE_INFINITY };
  const limit = tunnel.maxInnerPacket(pathMtu);
  if (tunnel.spec.protocol !== 'wireguard') return { tunnel, limit };
  // The interface MTU is what the clamp follows; set it to the tunnel MTU for this path.
  return { tunnel: compileTunnel({ ...spec, wireguardMtu: limit }), limit };
}

/** Reports a bad size in the mix against the mix, not against an innerBytes argument the caller never passed. */
function outerForMix(tunnel: Tunnel, innerBytes: number): number {
  try {
    return tunnel.outerBytes(innerBytes);
  } catch (error) {
    if (error instanceof ModelError) throw new ModelError('mix', `Packet mix entry of ${describeValue(innerBytes)} bytes: ${error.message}`);
    throw error;
  }
}

/**
 * Efficiency of a packet mix (default Simple IMIX). With options.pathMtu, sizes above the
 * tunnel MTU are clamped to it, as a tunnel would fragment or clamp them; without, sizes go as is.
 */
export function mixEfficiency(spec: TunnelSpec, mix: PacketMix = SIMPLE_IMIX, options: MixOptions = {}): MixEfficiency {
  checkMix(mix);
  if (typeof options !== 'object' || options === null) {
    throw new ModelError('options', `options must be an object such as { pathMtu: 1500 }; got ${describeValue(options)}.`);
  }
  const { tunnel, limit } = clampedTunnel(spec, options.pathMtu);
  if (options.ethernetL1 !== undefined && typeof options.ethernetL1 !== 'boolean') {
    throw new ModelError('ethernetL1', `ethernetL1 must be true or false; got ${describeValue(options.ethernetL1)}.`, ['true', 'false']);
  }
  const perFrame = options.ethernetL1 === true ? ETHERNET_L1_OVERHEAD : 0;
  let innerTotal = 0;
  let outerTotal = 0;
  const packets = mix.entries.map((entry) => {
    const innerBytes = typeof entry.bytes === 'number' && entry.bytes > limit ? limit : entry.bytes;
    const outerBytes = outerForMix(tunnel, innerBytes) + perFrame;
    innerTotal += entry.weight * innerBytes;
    outerTotal += entry.weight * outerBytes;
    return { bytes: entry.bytes, innerBytes, weight: entry.weight, outerBytes };
  });
  return { innerBytes: innerTotal, outerBytes: outerTotal, efficiency: innerTotal / outerTotal, packets };
}
