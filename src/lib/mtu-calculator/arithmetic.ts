/**
 * The one-line explanation of a tunnel MTU and MSS, built from the model's own layers so that
 * the words cannot drift from the numbers (tests evaluate the terms against the model):
 *
 *   ESP:   Lmax = B × ⌊(PMTU − headers before the ESP payload − ICV) ÷ B⌋ − 2 − X    (RFC 4303 §2.4)
 *   other: Lmax = PMTU − every fixed layer                                               (no block alignment)
 */
import type { LayerName, NamedLayer, Tunnel } from '../overhead';
import { LAYER_LABELS } from './layers';

export interface Term {
  readonly label: string;
  readonly bytes: number;
}

export interface TunnelMtuArithmetic {
  readonly pathMtu: number;
  /** Subtracted from the path MTU before rounding down to the alignment. */
  readonly beforeAlign: readonly Term[];
  /** ESP's padding alignment B; 1 where nothing is rounded. */
  readonly align: number;
  /** Subtracted after rounding down: ESP's trailer and what ESP carries ahead of the inner packet. */
  readonly afterAlign: readonly Term[];
  readonly result: number;
  /** The same as one line of text. */
  readonly text: string;
}

/** Layers that take no fixed share of the path MTU. */
const VARIABLE: ReadonlySet<LayerName> = new Set(['Inner packet', 'ESP padding', 'WireGuard padding']);
/** Inside ESP, ahead of the inner packet (L2TP/IPsec, RFC 3193): subtracted after the rounding. */
const ESP_PAYLOAD_PREFIX: ReadonlySet<LayerName> = new Set(['UDP (L2TP, port 1701)', 'L2TP header', 'PPP header']);
/** ESP trailer: aligned with the payload, so subtracted after the rounding (RFC 4303 §2.4). */
const ESP_TRAILER: LayerName = 'ESP pad length + next header';

const term = (layer: NamedLayer): Term => ({ label: LAYER_LABELS[layer.name].short, bytes: layer.bytes });
const minus = (terms: readonly Term[]): string => terms.map((t) => ` − ${t.bytes} ${t.label}`).join('');

/** How the tunnel MTU for `pathMtu` comes about; `maxInner` is the model's answer, used as the result. */
export function tunnelMtuArithmetic(tunnel: Tunnel, pathMtu: number, maxInner: number): TunnelMtuArithmetic {
  const fixed = tunnel.packetSize(tunnel.innerHeaderBytes).layers.filter((layer) => !VARIABLE.has(layer.name));
  const esp = tunnel.spec.esp;
  if (esp === null) {
    const beforeAlign = fixed.map(term);
    const text = `${maxInner} = ${pathMtu} path MTU${minus(beforeAlign)}`;
    return { pathMtu, beforeAlign, align: 1, afterAlign: [], result: maxInner, text };
  }
  const afterAlign = fixed.filter((l) => l.name === ESP_TRAILER || ESP_PAYLOAD_PREFIX.has(l.name)).map(term);
  const beforeAlign = fixed.filter((l) => l.name !== ESP_TRAILER && !ESP_PAYLOAD_PREFIX.has(l.name)).map(term);
  const align = esp.alignBytes;
  const text = `${maxInner} = ${align} × ⌊(${pathMtu} path MTU${minus(beforeAlign)}) ÷ ${align}⌋${minus(afterAlign)}`;
  return { pathMtu, beforeAlign, align, afterAlign, result: maxInner, text };
}

/**
 * 'MSS 1398 = 1438 tunnel MTU − 20 IPv4 header − 20 TCP header': the split of the model's
 * mssClamp subtraction into the inner IP header (the tunnel's) and the TCP header.
 */
export function mssArithmetic(tunnel: Tunnel, maxInner: number, mss: number): string {
  const ipHeader = tunnel.innerHeaderBytes;
  const tcpHeader = maxInner - mss - ipHeader;
  return `${mss} = ${maxInner} tunnel MTU − ${ipHeader} IPv${tunnel.spec.inner} header − ${tcpHeader} TCP header`;
}
