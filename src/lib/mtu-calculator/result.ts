/**
 * One calculator state in, one result for the view out: never throws, never NaN. Whatever the
 * model refuses becomes a message under the form field it concerns; whatever can still be
 * computed is shown.
 */
import { compileTunnel, type Tunnel, type TunnelSpec } from '../overhead';
import { mssArithmetic, tunnelMtuArithmetic, type TunnelMtuArithmetic } from './arithmetic';
import { diagramLayers, type DiagramLayer } from './layers';
import { formFieldOf, messageOf, parseNumberField, specOf, type FieldErrors } from './spec';
import type { CalculatorState, FormField } from './state';

export interface PacketResult {
  readonly innerBytes: number;
  readonly outerBytes: number;
  readonly overheadBytes: number;
  readonly paddingBytes: number;
  /** Outermost first, summing to outerBytes. */
  readonly layers: readonly DiagramLayer[];
  /** Overhead with no padding and with the most padding any size receives. */
  readonly overheadRange: { readonly min: number; readonly max: number };
}

export interface PathResult {
  readonly pathMtu: number;
  /** The largest inner packet that fits: the tunnel (PPP, WireGuard) MTU to configure. */
  readonly maxInner: number;
  readonly arithmetic: TunnelMtuArithmetic;
  /** Null when the tunnel MTU leaves no room for TCP data (the reason is in errors.mtu). */
  readonly mss: number | null;
  readonly mssArithmetic: string | null;
}

export interface CalculatorResult {
  readonly state: CalculatorState;
  /** The spec the numbers were computed for (WireGuard: with its interface MTU); null when refused. */
  readonly spec: TunnelSpec | null;
  readonly errors: FieldErrors;
  readonly packet: PacketResult | null;
  readonly path: PathResult | null;
  /** Facts worth knowing that are not errors, e.g. an outer packet larger than the path MTU. */
  readonly notes: readonly string[];
}

/** Runs `compute`; a refusal is filed under its form field (the first message per field wins). */
function attempt<T>(errors: FieldErrors, compute: () => T, field?: FormField): T | null {
  try {
    return compute();
  } catch (error) {
    const key = field ?? formFieldOf(error);
    errors[key] ??= messageOf(error);
    return null;
  }
}

function pathResult(tunnel: Tunnel, pathMtu: number, errors: FieldErrors): PathResult | null {
  const maxInner = attempt(errors, () => tunnel.maxInnerPacket(pathMtu), 'mtu');
  if (maxInner === null) return null;
  const mss = attempt(errors, () => tunnel.mssClamp(pathMtu), 'mtu');
  return {
    pathMtu,
    maxInner,
    arithmetic: tunnelMtuArithmetic(tunnel, pathMtu, maxInner),
    mss,
    mssArithmetic: mss === null ? null : mssArithmetic(tunnel, maxInner, mss),
  };
}

function packetResult(tunnel: Tunnel, spec: TunnelSpec, innerBytes: number): PacketResult {
  const packet = tunnel.packetSize(innerBytes);
  const { minOverheadBytes, maxOverheadBytes } = tunnel.overheadRange;
  return {
    innerBytes,
    outerBytes: packet.outerBytes,
    overheadBytes: packet.overheadBytes,
    paddingBytes: packet.paddingBytes,
    layers: diagramLayers(spec, packet.layers),
    overheadRange: { min: minOverheadBytes, max: maxOverheadBytes },
  };
}

export function computeResult(state: CalculatorState): CalculatorResult {
  const errors: FieldErrors = {};
  const notes: string[] = [];
  const mtuText = parseNumberField('mtu', state.mtu);
  const sizeText = parseNumberField('size', state.size);
  if (!mtuText.ok) errors.mtu = mtuText.message;
  if (!sizeText.ok) errors.size = sizeText.message;

  const baseSpec = specOf(state);
  const base = attempt(errors, () => compileTunnel(baseSpec));
  if (base === null) return { state, spec: null, errors, packet: null, path: null, notes };

  const path = mtuText.ok ? pathResult(base, mtuText.value, errors) : null;

  // WireGuard pads up to its interface MTU; the calculator sets that MTU to the tunnel MTU
  // it computes, as the WireGuard snippet recommends. Without a path MTU it cannot know it.
  let spec = baseSpec;
  let tunnel: Tunnel | null = base;
  if (baseSpec.protocol === 'wireguard') {
    const maxInner = path?.maxInner;
    spec = maxInner === undefined ? baseSpec : { ...baseSpec, wireguardMtu: maxInner };
    tunnel = maxInner === undefined ? null : compileTunnel(spec);
  }

  let packet: PacketResult | null = null;
  if (sizeText.ok && tunnel !== null) {
    const innerBytes = sizeText.value;
    packet = attempt(errors, () => packetResult(tunnel, spec, innerBytes), 'size');
    if (packet === null && spec.protocol === 'wireguard' && errors.size !== undefined && path !== null) {
      errors.size += ` This calculator sets the WireGuard interface MTU to the tunnel MTU for your path, ${path.maxInner} bytes.`;
    }
  }
  if (packet !== null && path !== null && packet.outerBytes > path.pathMtu) {
    notes.push(
      `The ${packet.outerBytes}-byte outer packet is larger than the ${path.pathMtu}-byte path MTU: it would be ` +
        `fragmented, or dropped where fragmentation is not allowed. The largest inner packet that fits is ${path.maxInner} bytes.`,
    );
  }
  return { state, spec, errors, packet, path, notes };
}
