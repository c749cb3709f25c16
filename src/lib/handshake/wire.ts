/**
 * Bytes on the path for one protocol message: the UDP datagram(s) or ESP packet(s) that carry it.
 * IPv4 only (the model does not cover IPv6 paths). ESP framing is the overhead model's.
 */
import { IPV4_HEADER, UDP_HEADER } from '../overhead/constants';
import { espPacketFraming } from '../overhead/esp';
import { CIPHER_BY_KEYWORD, INTEGRITY_BY_KEYWORD, espSizes } from '../overhead/transforms';
import type { EspSizes } from '../overhead/transforms';

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
 * The IPv4 packets one IP datagram becomes on a path with the given MTU (RFC 791 §2.3: every
 * fragment repeats the 20-byte header; fragment data is a multiple of 8 except the last).
 */
export function ipFragments(datagramIpBytes: number, pathMtu: number): number[] {
  if (datagramIpBytes <= pathMtu) return [datagramIpBytes];
  const perFragment = Math.floor((pathMtu - IPV4_HEADER) / 8) * 8;
  const packets: number[] = [];
  for (let left = datagramIpBytes - IPV4_HEADER; left > 0; left -= perFragment) {
    packets.push(IPV4_HEADER + Math.min(perFragment, left));
  }
  return packets;
}

/** IPv4 packets needed for one UDP datagram carrying `udpPayloadBytes`. */
export function ipPacketsForUdp(udpPayloadBytes: number, pathMtu: number): number[] {
  return ipFragments(IPV4_HEADER + UDP_HEADER + udpPayloadBytes, pathMtu);
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
export const ESP_SUITES: readonly EspSuite[] = ['aes-cbc-sha1', 'aes-gcm-16'];

/** The strongSwan proposal each suite stands for (aes256-sha1 is the ESP proposal of the lab's IKEv1 runs). */
export const ESP_SUITE_PROPOSALS: Readonly<Record<EspSuite, { cipher: string; integrity: string | null }>> = {
  'aes-cbc-sha1': { cipher: 'aes256', integrity: 'sha1' },
  'aes-gcm-16': { cipher: 'aes256gcm16', integrity: null },
};

/** Per-packet ESP sizes of a cipher and integrity algorithm, from the overhead model's algorithm table. */
export function algorithmSizes(cipher: string, integrity: string | null): EspSizes {
  const cipherInfo = CIPHER_BY_KEYWORD.get(cipher);
  const integrityInfo = integrity === null ? null : INTEGRITY_BY_KEYWORD.get(integrity);
  if (cipherInfo === undefined || integrityInfo === undefined) throw new Error(`no such algorithm: ${cipher}, ${integrity}`);
  return espSizes(cipherInfo, integrityInfo);
}

/**
 * An L2TP message (control or PPP-carrying data) in UDP 1701 inside ESP transport mode (RFC 3193):
 * ESP protects the UDP datagram; with a NAT on the path ESP is UDP-encapsulated on port 4500
 * (RFC 3948 §2.1), otherwise it is IP protocol 50.
 */
export function l2tpOverEsp(l2tpBytes: number, suite: EspSuite, nat: boolean, pathMtu: number): WireSize {
  const { cipher, integrity } = ESP_SUITE_PROPOSALS[suite];
  const ipBytes = espPacketFraming(algorithmSizes(cipher, integrity), 4, nat ? 'udp' : 'none').outerBytes(UDP_HEADER + l2tpBytes);
  return {
    messageBytes: l2tpBytes,
    udpPayloadBytes: nat ? ipBytes - IPV4_HEADER - UDP_HEADER : null,
    fragmentIpBytes: ipFragments(ipBytes, pathMtu),
  };
}
