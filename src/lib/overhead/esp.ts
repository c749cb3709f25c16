/**
 * ESP byte accounting (RFC 4303) for IKEv2 (tunnel mode: the whole inner packet is the
 * payload) and L2TP/IPsec (transport mode around UDP 1701 + L2TPv2 + PPP, RFC 3193).
 *
 *   Outer(L) = before + B * ceil((X + L + 2) / B) + ICV       (RFC 4303 §2.4: pad to B, then Pad Length and Next Header)
 *   Lmax(P)  = B * floor((P - before - ICV) / B) - 2 - X       (= Linux xfrm_state_mtu)
 *
 * with before = outer IP + transport + ESP header + IV, X = bytes inside ESP ahead of the
 * inner packet (0 in tunnel mode), B = max(cipher block, 4).
 */
import {
  ESP_HEADER,
  ESP_TRAILER,
  L2TP_HEADER,
  L2TP_LENGTH_FIELD,
  L2TP_SEQUENCE_FIELDS,
  PPP_ADDRESS_CONTROL,
  PPP_PFC_LIMIT,
  PPP_PROTOCOL,
  PPP_PROTOCOL_COMPRESSED,
  PPP_PROTOCOL_NUMBER,
  UDP_HEADER,
} from './constants';
import { assembleLayers, nonEmpty, sumBytes, type Framing } from './framing';
import { espPathLayers } from './path';
import type { EspSizes } from './transforms';
import type { IpVersion, NamedLayer } from './types';
import type { ResolvedSpec } from './validate';

/** L2TPv2 data header: 6, +2 with the L bit, +4 with the S bit (RFC 2661 §3.1). */
export function l2tpHeaderBytes(spec: ResolvedSpec): number {
  return L2TP_HEADER + (spec.l2tp.length ? L2TP_LENGTH_FIELD : 0) + (spec.l2tp.sequence ? L2TP_SEQUENCE_FIELDS : 0);
}

/** PPP header: FF 03 unless ACFC, then a 2-byte protocol, 1 byte with PFC for protocols below 0x100. */
export function pppHeaderBytes(spec: ResolvedSpec): number {
  const protocolCompressible = PPP_PROTOCOL_NUMBER[spec.inner] < PPP_PFC_LIMIT;
  const protocolBytes = spec.ppp.pfc && protocolCompressible ? PPP_PROTOCOL_COMPRESSED : PPP_PROTOCOL;
  return (spec.ppp.acfc ? 0 : PPP_ADDRESS_CONTROL) + protocolBytes;
}

/** Layers inside ESP ahead of the inner packet: none in tunnel mode; UDP + L2TP + PPP for L2TP/IPsec. */
function innerPrefixLayers(spec: ResolvedSpec): NamedLayer[] {
  if (spec.protocol !== 'l2tp') return [];
  return [
    { name: 'UDP (L2TP, port 1701)', bytes: UDP_HEADER },
    { name: 'L2TP header', bytes: l2tpHeaderBytes(spec) },
    { name: 'PPP header', bytes: pppHeaderBytes(spec) },
  ];
}

export function espFraming(spec: ResolvedSpec, esp: EspSizes): Framing {
  const beforePayload = nonEmpty([
    ...espPathLayers(spec),
    { name: 'ESP header (SPI + sequence)', bytes: ESP_HEADER },
    { name: 'ESP IV', bytes: esp.ivBytes },
  ]);
  const prefix = innerPrefixLayers(spec);
  const before = [...beforePayload, ...prefix];
  const after = nonEmpty([
    { name: 'ESP pad length + next header', bytes: ESP_TRAILER },
    { name: 'ESP ICV', bytes: esp.icvBytes },
  ]);

  // Plain locals: the closures below run once per chart point.
  const headBytes = sumBytes(beforePayload);
  const prefixBytes = sumBytes(prefix);
  const trailer = ESP_TRAILER;
  const align = esp.alignBytes;
  const icv = esp.icvBytes;
  const fixedBytes = headBytes + prefixBytes + trailer + icv;

  const paddingBytes = (inner: number): number => {
    const unpadded = prefixBytes + inner + trailer;
    return (align - (unpadded % align)) % align;
  };
  const tunnelMtu = (pathMtu: number): number =>
    align * Math.floor((pathMtu - headBytes - icv) / align) - trailer - prefixBytes;

  return {
    outerBytes: (inner) => fixedBytes + inner + paddingBytes(inner),
    paddingBytes,
    layers: (inner) => assembleLayers(before, inner, { name: 'ESP padding', bytes: paddingBytes(inner) }, after),
    tunnelMtu,
    largestInnerWithin: tunnelMtu,
    minOverheadBytes: fixedBytes,
    maxPaddingBytes: align - 1,
  };
}

/**
 * One ESP packet around a payload of any kind (what Next Header names: an IP packet in tunnel
 * mode, a UDP datagram in transport mode), for callers that frame single messages rather than
 * tunnel traffic: the handshake model's L2TP control messages and PPP frames, some smaller than
 * an IP header. Plain ESP or NAT-T; the same formula as every tunnel packet.
 */
export function espPacketFraming(esp: EspSizes, outer: IpVersion, encapsulation: 'none' | 'udp'): Framing {
  const spec: ResolvedSpec = {
    protocol: 'ikev2',
    outer,
    inner: outer,
    encapsulation,
    tcpOptionBytes: 0,
    esp: null,
    l2tp: { length: false, sequence: false },
    ppp: { acfc: false, pfc: false },
    wireguardMtu: 0,
  };
  return espFraming(spec, esp);
}
