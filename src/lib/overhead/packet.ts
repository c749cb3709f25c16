/**
 * The contract functions (design.md, "The overhead model contract"). Each checks the spec
 * and its argument and throws ModelError for anything it cannot answer exactly.
 */
import { compileTunnel } from './tunnel';
import type { PacketSize, TunnelSpec } from './types';

/** Size of the outer packet for one whole inner IP packet of `innerBytes`, layer by layer. */
export function packetSize(spec: TunnelSpec, innerBytes: number): PacketSize {
  return compileTunnel(spec).packetSize(innerBytes);
}

/**
 * The largest inner IP packet that fits the path MTU: the tunnel (or PPP, or WireGuard
 * interface) MTU to configure. Exact with padding: it fits, one byte more does not.
 * For WireGuard it ignores wireguardMtu, because the answer is what to set it to.
 */
export function maxInnerPacket(spec: TunnelSpec, pathMtu: number): number {
  return compileTunnel(spec).maxInnerPacket(pathMtu);
}

/** The TCP MSS to clamp to: maxInnerPacket - 40 for IPv4 inside, - 60 for IPv6 inside. */
export function mssClamp(spec: TunnelSpec, pathMtu: number): number {
  return compileTunnel(spec).mssClamp(pathMtu);
}
