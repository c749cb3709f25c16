/**
 * OpenVPN 2.4-2.6 data channel, P_DATA_V2 with AES-256-GCM (OpenVPN crypto.h data-channel
 * format): [opcode/peer-id 4][packet ID 4][tag 16][encrypted inner packet]. No padding.
 */
import { OPENVPN_AEAD_TAG, OPENVPN_OPCODE_PEER_ID, OPENVPN_PACKET_ID } from './constants';
import { assembleLayers, sumBytes, type Framing } from './framing';
import { openvpnPathLayers } from './path';
import type { NamedLayer } from './types';
import type { ResolvedSpec } from './validate';

export function openvpnFraming(spec: ResolvedSpec): Framing {
  const before: NamedLayer[] = [
    ...openvpnPathLayers(spec),
    { name: 'OpenVPN header', bytes: OPENVPN_OPCODE_PEER_ID },
    { name: 'OpenVPN packet ID', bytes: OPENVPN_PACKET_ID },
    { name: 'AES-GCM tag', bytes: OPENVPN_AEAD_TAG },
  ];
  const fixedBytes = sumBytes(before);
  const largest = (outerLimit: number): number => outerLimit - fixedBytes;
  return {
    outerBytes: (inner) => fixedBytes + inner,
    paddingBytes: () => 0,
    layers: (inner) => assembleLayers(before, inner, null, []),
    tunnelMtu: largest,
    largestInnerWithin: largest,
    minOverheadBytes: fixedBytes,
    maxPaddingBytes: 0,
  };
}
