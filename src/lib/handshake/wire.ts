/**
 * Bytes on the path for one protocol message: the UDP datagram(s) or ESP packet(s) that carry it.
 * IPv4 only (the model does not cover IPv6 paths).
 */
export const IPV4_HEADER_BYTES = 20; // RFC 791 §3.1, no options
export const UDP_HEADER_BYTES = 8; // RFC 768
export const NON_ESP_MARKER_BYTES = 4; // RFC 3948 §2.2 and RFC 7296 §2.23: four zero octets before IKE on port 4500

export interface WireSize {
  messageBytes: number; // the protocol message itself (IKE/ISAKMP length field, L2TP message, PPP packet)
  udpPayloadBytes: number | null; // sum of the outer UDP payloads, null when carried as ESP (IP protocol 50)
  fragmentIpBytes: readonly number[]; // each IPv4 packet on the path; a message is lost if any is lost
}

export function totalIpBytes(size: WireSize): number {
  return size.fragmentIpBytes.reduce((sum, bytes) => sum + bytes, 0);
}

/**
 * IPv4 packets needed for one UDP datagram on a path with the given MTU (RFC 791 §2.3: every
 * fragment repeats the 20-byte header; fragment data is a multiple of 8 except the last).
 */
export function ipPacketsForUdp(udpPayloadBytes: number, pathMtu: number): number[] {
  const datagram = UDP_HEADER_BYTES + udpPayloadBytes;
  if (IPV4_HEADER_BYTES + datagram <= pathMtu) return [IPV4_HEADER_BYTES + datagram];
  const perFragment = Math.floor((pathMtu - IPV4_HEADER_BYTES) / 8) * 8;
  const packets: number[] = [];
  for (let left = datagram; left > 0; left -= perFragment) {
    packets.push(IPV4_HEADER_BYTES + Math.min(perFragment, left));
  }
  return packets;
}

/** One IKE/ISAKMP message (or one RFC 7383 fragment) in its own UDP datagram. */
export function ikeDatagram(ikeBytes: number, onPort4500: boolean, pathMtu: number): WireSize {
  const udpPayloadBytes = ikeBytes + (onPort4500 ? NON_ESP_MARKER_BYTES : 0);
  return { messageBytes: ikeBytes, udpPayloadBytes, fragmentIpBytes: ipPacketsForUdp(udpPayloadBytes, pathMtu) };
}

/** Several IKE fragments (RFC 7383), each its own datagram; messageBytes sums the fragments. */
export function ikeFragments(fragmentIkeBytes: readonly number[], onPort4500: boolean, pathMtu: number): WireSize {
  const parts = fragmentIkeBytes.map((bytes) => ikeDatagram(bytes, onPort4500, pathMtu));
  return {
    messageBytes: fragmentIkeBytes.reduce((sum, bytes) => sum + bytes, 0),
    udpPayloadBytes: parts.reduce((sum, part) => sum + (part.udpPayloadBytes ?? 0), 0),
    fragmentIpBytes: parts.flatMap((part) => part.fragmentIpBytes),
  };
}

/** ESP transforms offered for the L2TP/IPsec data path (the SA that carries L2TP and PPP). */
export type EspSuite = 'aes-cbc-sha1' | 'aes-gcm-16';

interface EspShape {
  ivBytes: number;
  blockBytes: number; // pad length + next header aligned to this
  icvBytes: number;
}

const ESP_SHAPES: Record<EspSuite, EspShape> = {
  'aes-cbc-sha1': { ivBytes: 16, blockBytes: 16, icvBytes: 12 }, // RFC 3602 §3 (IV 16, block 16), RFC 2404 §2 (HMAC-SHA-1-96)
  'aes-gcm-16': { ivBytes: 8, blockBytes: 4, icvBytes: 16 }, // RFC 4106 §3.1 (8-byte IV), §6 (16-byte ICV); RFC 4303 §2.4 (4-byte alignment)
};

export const ESP_SUITES: readonly EspSuite[] = ['aes-cbc-sha1', 'aes-gcm-16'];

const ESP_HEADER_BYTES = 8; // RFC 4303 §2: SPI + sequence number
const ESP_TRAILER_BYTES = 2; // RFC 4303 §2.4-2.6: pad length + next header

/**
 * An L2TP message (control or PPP-carrying data) in UDP 1701 inside ESP transport mode (RFC 3193),
 * optionally UDP-encapsulated on port 4500 when a NAT is on the path (RFC 3948 §2.1).
 */
export function l2tpOverEsp(l2tpBytes: number, suite: EspSuite, nat: boolean, pathMtu: number): WireSize {
  const shape = ESP_SHAPES[suite];
  const protectedBytes = UDP_HEADER_BYTES + l2tpBytes + ESP_TRAILER_BYTES;
  const padded = Math.ceil(protectedBytes / shape.blockBytes) * shape.blockBytes;
  const espBytes = ESP_HEADER_BYTES + shape.ivBytes + padded + shape.icvBytes;
  if (nat) {
    return { messageBytes: l2tpBytes, udpPayloadBytes: espBytes, fragmentIpBytes: ipPacketsForUdp(espBytes, pathMtu) };
  }
  return { messageBytes: l2tpBytes, udpPayloadBytes: null, fragmentIpBytes: [IPV4_HEADER_BYTES + espBytes] };
}
