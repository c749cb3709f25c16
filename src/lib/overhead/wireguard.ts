/**
 * WireGuard transport data messages (whitepaper §5.4.6): 16-byte header, the inner packet
 * zero-padded to a multiple of 16 but never beyond the interface MTU, then a 16-byte
 * Poly1305 tag (Linux drivers/net/wireguard/send.c calculate_skb_padding).
 */
import { WIREGUARD_HEADER, WIREGUARD_PADDING_MULTIPLE, WIREGUARD_TAG } from './constants';
import { assembleLayers, sumBytes, type Framing } from './framing';
import { wireguardPathLayers } from './path';
import type { NamedLayer } from './types';
import type { ResolvedSpec } from './validate';

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

export function wireguardFraming(spec: ResolvedSpec): Framing {
  const before: NamedLayer[] = [...wireguardPathLayers(spec), { name: 'WireGuard header', bytes: WIREGUARD_HEADER }];
  const after: NamedLayer[] = [{ name: 'Poly1305 tag', bytes: WIREGUARD_TAG }];
  const fixedBytes = sumBytes(before) + WIREGUARD_TAG;
  const mtu = spec.wireguardMtu;
  const multiple = WIREGUARD_PADDING_MULTIPLE;

  // Inner packets never exceed the MTU (tunnel.ts refuses them), so the cap only trims padding.
  const paddingBytes = (inner: number): number => Math.min(mtu, roundUp(inner, multiple)) - inner;

  return {
    outerBytes: (inner) => fixedBytes + inner + paddingBytes(inner),
    paddingBytes,
    layers: (inner) => assembleLayers(before, inner, { name: 'WireGuard padding', bytes: paddingBytes(inner) }, after),
    // With the interface MTU set to this value a full-size packet needs no padding, so it fits exactly.
    tunnelMtu: (pathMtu) => pathMtu - fixedBytes,
    largestInnerWithin: (outerLimit) => {
      const room = outerLimit - fixedBytes;
      // Up to the MTU every packet pads to at most the MTU; past that, padding is to 16.
      return mtu <= room ? mtu : Math.min(mtu, Math.floor(room / multiple) * multiple);
    },
    minOverheadBytes: fixedBytes,
    maxPaddingBytes: multiple - 1,
  };
}
