/**
 * The same path and inner traffic through each protocol: IKEv2/IPsec and L2TP/IPsec with the
 * reader's ESP proposal and encapsulation, WireGuard, and OpenVPN (over TCP when the reader
 * chose TCP, else UDP). Each cell is computed on its own, so one refusal blanks one cell.
 */
import { PROTOCOLS, SIMPLE_IMIX, compileTunnel, mixEfficiency, type Protocol, type TunnelSpec } from '../overhead';
import { PROTOCOL_NAMES } from './form';
import { messageOf, parseNumberField, specOf } from './spec';
import type { CalculatorState } from './state';

export type Cell = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

export interface ComparisonRow {
  readonly protocol: Protocol;
  readonly name: string;
  /** What the row assumes, e.g. 'aes256gcm16, UDP 4500' or 'AES-256-GCM, UDP'. */
  readonly detail: string;
  /** The reader's protocol. */
  readonly current: boolean;
  /** Null when the row's tunnel itself is refused (e.g. a bad ESP proposal). */
  readonly spec: TunnelSpec | null;
  readonly overheadBytes: Cell;
  readonly maxInner: Cell;
  readonly mss: Cell;
  /** Simple IMIX with packets above the tunnel MTU clamped to it (SIMPLE_IMIX in src/lib/overhead/efficiency.ts), 0..1. */
  readonly imixEfficiency: Cell;
}

const ENCAPSULATION_NAMES = { none: 'ESP (IP protocol 50)', udp: 'UDP 4500', tcp: 'TCP' } as const;

function rowSpec(protocol: Protocol, state: CalculatorState): TunnelSpec {
  const spec = specOf({ ...state, proto: protocol });
  if (protocol === 'wireguard') spec.encapsulation = 'udp';
  if (protocol === 'openvpn') spec.encapsulation = state.encap === 'tcp' ? 'tcp' : 'udp';
  return spec;
}

function detailOf(spec: TunnelSpec): string {
  switch (spec.protocol) {
    case 'ikev2':
    case 'l2tp':
      return `${spec.esp?.trim() ?? ''}, ${ENCAPSULATION_NAMES[spec.encapsulation ?? 'udp']}`;
    case 'wireguard':
      return 'ChaCha20-Poly1305, UDP';
    case 'openvpn':
      return `AES-256-GCM, ${spec.encapsulation === 'tcp' ? 'TCP' : 'UDP'}`;
  }
}

function cell(compute: () => number): Cell {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}

const refused = (reason: string): Cell => ({ ok: false, reason });

export function comparisonRows(state: CalculatorState): ComparisonRow[] {
  const mtu = parseNumberField('mtu', state.mtu);
  const size = parseNumberField('size', state.size);
  return PROTOCOLS.map((protocol) => {
    const base = rowSpec(protocol, state);
    const row = { protocol, name: PROTOCOL_NAMES[protocol], detail: detailOf(base), current: protocol === state.proto };
    let tunnel;
    try {
      tunnel = compileTunnel(base);
    } catch (error) {
      const reason = messageOf(error);
      return { ...row, spec: null, overheadBytes: refused(reason), maxInner: refused(reason), mss: refused(reason), imixEfficiency: refused(reason) };
    }
    const maxInner = mtu.ok ? cell(() => tunnel.maxInnerPacket(mtu.value)) : refused(mtu.message);
    // WireGuard's interface MTU is set to its tunnel MTU, as everywhere in the calculator.
    const spec = protocol === 'wireguard' && maxInner.ok ? { ...base, wireguardMtu: maxInner.value } : base;
    const sized = spec === base ? tunnel : compileTunnel(spec);
    const sizeNeedsMtu = protocol === 'wireguard' && !maxInner.ok;
    return {
      ...row,
      spec,
      overheadBytes: !size.ok
        ? refused(size.message)
        : sizeNeedsMtu
          ? refused('WireGuard padding depends on the interface MTU, which needs a valid path MTU.')
          : cell(() => sized.packetSize(size.value).overheadBytes),
      maxInner,
      mss: mtu.ok ? cell(() => tunnel.mssClamp(mtu.value)) : refused(mtu.message),
      imixEfficiency: mtu.ok
        ? cell(() => mixEfficiency(base, SIMPLE_IMIX, { pathMtu: mtu.value }).efficiency)
        : refused(mtu.message),
    };
  });
}
