/**
 * A checked, reusable view of one TunnelSpec. compileTunnel validates the spec once; its
 * methods check only their own argument, so a chart can evaluate thousands of sizes cheaply.
 * packetSize, maxInnerPacket and mssClamp (packet.ts) are one-shot wrappers around it.
 */
import {
  MAX_INNER_PACKET,
  MAX_PATH_MTU,
  ipHeaderBytes,
  maxPacketBytes,
  mssHeaderBytes,
} from './constants';
import { ModelError } from './errors';
import { espFraming } from './esp';
import type { Framing } from './framing';
import { openvpnFraming } from './openvpn';
import type { NamedLayer, PacketSize, TunnelSpec } from './types';
import { checkWholeNumber, resolveSpec, type ResolvedSpec } from './validate';
import { wireguardFraming } from './wireguard';

export interface OverheadRange {
  /** Overhead with no padding: everything but the inner packet, fixed for this spec. */
  readonly minOverheadBytes: number;
  /** The variable part: the most cipher padding any inner size receives (B - 1 for ESP, 15 for WireGuard). */
  readonly maxPaddingBytes: number;
  /** minOverheadBytes + maxPaddingBytes: the worst case that "safe" rules of thumb subtract. */
  readonly maxOverheadBytes: number;
}

export interface PacketSizeWithNames extends PacketSize {
  layers: NamedLayer[];
}

export interface Tunnel {
  readonly spec: ResolvedSpec;
  /** The inner packet's own IP header: the smallest inner packet there is. */
  readonly innerHeaderBytes: number;
  /** The largest inner packet accepted: 65535, or the WireGuard interface MTU. */
  readonly maxInnerBytes: number;
  readonly overheadRange: OverheadRange;
  packetSize(innerBytes: number): PacketSizeWithNames;
  /** Outer bytes only, without building the layer list (for charts). */
  outerBytes(innerBytes: number): number;
  maxInnerPacket(pathMtu: number): number;
  mssClamp(pathMtu: number): number;
}

function framingFor(spec: ResolvedSpec): Framing {
  if (spec.esp !== null) return espFraming(spec, spec.esp);
  return spec.protocol === 'wireguard' ? wireguardFraming(spec) : openvpnFraming(spec);
}

export function compileTunnel(input: TunnelSpec): Tunnel {
  const spec = resolveSpec(input);
  const framing = framingFor(spec);
  const innerHeaderBytes = ipHeaderBytes(spec.inner);
  const maxInnerBytes = spec.protocol === 'wireguard' ? spec.wireguardMtu : MAX_INNER_PACKET;
  const outerLimit = maxPacketBytes(spec.outer);
  const family = `IPv${spec.inner}`;

  const checkInner = (innerBytes: number): number => {
    // Fast path for charts: only local values, no call into another module.
    if (Number.isInteger(innerBytes) && innerBytes >= innerHeaderBytes && innerBytes <= maxInnerBytes) {
      const outer = framing.outerBytes(innerBytes);
      if (outer <= outerLimit) return outer;
    }
    return refuseInner(innerBytes);
  };

  /** Throws the ModelError that explains why innerBytes was refused. */
  const refuseInner = (innerBytes: number): never => {
    if (spec.protocol === 'wireguard' && Number.isInteger(innerBytes) && innerBytes > maxInnerBytes && innerBytes <= MAX_INNER_PACKET) {
      throw new ModelError(
        'innerBytes',
        `An inner packet of ${innerBytes} bytes is larger than the WireGuard interface MTU (wireguardMtu ${maxInnerBytes}), ` +
          `so WireGuard would not send it; raise wireguardMtu or send at most ${maxInnerBytes} bytes.`,
      );
    }
    checkWholeNumber('innerBytes', innerBytes, innerHeaderBytes, maxInnerBytes, `innerBytes (a whole inner ${family} packet, header included)`);
    throw new ModelError(
      'innerBytes',
      `An inner packet of ${innerBytes} bytes would make a ${framing.outerBytes(innerBytes)}-byte outer IPv${spec.outer} packet, ` +
        `more than the ${outerLimit} bytes its length field can express; the largest inner packet is ${framing.largestInnerWithin(outerLimit)}.`,
    );
  };

  const maxInnerPacket = (pathMtu: number): number => {
    checkWholeNumber('pathMtu', pathMtu, 1, MAX_PATH_MTU, 'pathMtu (the largest IP packet the path carries)');
    const largest = framing.tunnelMtu(pathMtu);
    if (largest < innerHeaderBytes) {
      const smallestOuter = framing.outerBytes(innerHeaderBytes);
      throw new ModelError(
        'pathMtu',
        `A path MTU of ${pathMtu} bytes cannot carry even a header-only ${family} packet (${innerHeaderBytes} bytes) through this ` +
          `tunnel: that takes ${smallestOuter} bytes on the path.`,
      );
    }
    return largest;
  };

  const minOverheadBytes = framing.minOverheadBytes;
  const maxPaddingBytes = framing.maxPaddingBytes;

  return {
    spec,
    innerHeaderBytes,
    maxInnerBytes,
    overheadRange: { minOverheadBytes, maxPaddingBytes, maxOverheadBytes: minOverheadBytes + maxPaddingBytes },
    packetSize(innerBytes) {
      const outerBytes = checkInner(innerBytes);
      return {
        outerBytes,
        overheadBytes: outerBytes - innerBytes,
        paddingBytes: framing.paddingBytes(innerBytes),
        layers: framing.layers(innerBytes),
      };
    },
    outerBytes: checkInner,
    maxInnerPacket,
    mssClamp(pathMtu) {
      const mss = maxInnerPacket(pathMtu) - mssHeaderBytes(spec.inner);
      if (mss < 1) {
        throw new ModelError(
          'pathMtu',
          `A path MTU of ${pathMtu} bytes leaves no room for TCP data: the tunnel MTU is ${mss + mssHeaderBytes(spec.inner)} ` +
            `bytes, and ${family} + TCP headers take ${mssHeaderBytes(spec.inner)}.`,
        );
      }
      return mss;
    },
  };
}
