/**
 * Fixed header sizes, in bytes, each with the document or implementation it comes from.
 * Transform-specific sizes (IV, ICV, block) live in transforms.ts.
 */
import type { IpVersion } from './types';

/** IPv4 header without options (RFC 791 §3.1: IHL minimum 5 words). */
export const IPV4_HEADER = 20;
/** IPv6 fixed header without extension headers (RFC 8200 §3). */
export const IPV6_HEADER = 40;

export function ipHeaderBytes(version: IpVersion): number {
  return version === 4 ? IPV4_HEADER : IPV6_HEADER;
}

/** Largest IPv4 packet: the 16-bit Total Length counts the header (RFC 791 §3.1). */
export const IPV4_MAX_PACKET = 65_535;
/** Largest IPv6 packet without jumbograms: 16-bit Payload Length excludes the 40-byte header (RFC 8200 §3). */
export const IPV6_MAX_PACKET = 65_535 + IPV6_HEADER;

export function maxPacketBytes(version: IpVersion): number {
  return version === 4 ? IPV4_MAX_PACKET : IPV6_MAX_PACKET;
}

/** Largest inner packet and path MTU the model accepts: a 16-bit IP length (RFC 791 §3.1). */
export const MAX_INNER_PACKET = 65_535;
export const MAX_PATH_MTU = 65_535;

/** UDP header (RFC 768). */
export const UDP_HEADER = 8;
/** TCP header without options (RFC 9293 §3.1: Data Offset minimum 5 words). */
export const TCP_HEADER = 20;
/** TCP options: at most 40 bytes, in 32-bit words (RFC 9293 §3.1, Data Offset is 4 bits). */
export const TCP_OPTIONS_MAX = 40;
export const TCP_OPTIONS_WORD = 4;

/** NAT-T: ESP follows the UDP header directly, no marker on ESP packets (RFC 3948 §2.1). */
export const NATT_UDP = UDP_HEADER;
/** ESP in TCP: a 2-byte Length field before every ESP packet (RFC 9329, framing unchanged from RFC 8229; Linux esp_init_state adds 2 for espintcp). */
export const ESP_IN_TCP_LENGTH = 2;

/** ESP header: SPI 4 + Sequence Number 4; ESN high bits are not sent (RFC 4303 §2, §2.2.1). */
export const ESP_HEADER = 8;
/** ESP trailer: Pad Length 1 + Next Header 1 (RFC 4303 §2.5, §2.6). */
export const ESP_TRAILER = 2;
/** Pad Length and Next Header end on a 4-byte boundary (RFC 4303 §2.4; Linux ALIGN(blocksize, 4)). */
export const ESP_MIN_ALIGN = 4;

/** L2TPv2 data header: flags/version 2 + Tunnel ID 2 + Session ID 2 (RFC 2661 §3.1). */
export const L2TP_HEADER = 6;
/** Optional Length field, present when the L bit is set (RFC 2661 §3.1). */
export const L2TP_LENGTH_FIELD = 2;
/** Optional Ns and Nr fields, present when the S bit is set (RFC 2661 §3.1). */
export const L2TP_SEQUENCE_FIELDS = 4;

/** PPP Address 0xFF + Control 0x03, removed by ACFC (RFC 1662 HDLC-like framing; RFC 1661 §6.6). */
export const PPP_ADDRESS_CONTROL = 2;
/** PPP Protocol field: 2 bytes, 1 with PFC when the protocol is below 0x100 (RFC 1661 §2, §6.5). */
export const PPP_PROTOCOL = 2;
export const PPP_PROTOCOL_COMPRESSED = 1;
/** PPP protocol numbers for IPv4 (0x0021, RFC 1332) and IPv6 (0x0057, RFC 5072): both below 0x100. */
export const PPP_PROTOCOL_NUMBER: Readonly<Record<IpVersion, number>> = { 4: 0x0021, 6: 0x0057 };
/** PFC applies only to protocol numbers below this (RFC 1661 §6.5). */
export const PPP_PFC_LIMIT = 0x100;

/** WireGuard transport data header: type 1 + reserved 3 + receiver index 4 + counter 8 (whitepaper §5.4.6). */
export const WIREGUARD_HEADER = 16;
/** WireGuard Poly1305 tag (whitepaper §5.4.6). */
export const WIREGUARD_TAG = 16;
/** WireGuard pads plaintext to a multiple of 16, capped at the MTU (Linux send.c calculate_skb_padding). */
export const WIREGUARD_PADDING_MULTIPLE = 16;
/** Default interface MTU: 1500 - 80 for an IPv6 outer path (Linux wireguard device.c). */
export const WIREGUARD_DEFAULT_MTU = 1420;

/** OpenVPN P_DATA_V2 opcode/key-id + 3-byte peer-id (OpenVPN mtu.c frame_calculate_protocol_header_size). */
export const OPENVPN_OPCODE_PEER_ID = 4;
/** OpenVPN 2.4-2.6 AEAD packet ID on the wire (OpenVPN crypto.c calculate_crypto_overhead). */
export const OPENVPN_PACKET_ID = 4;
/** OpenVPN AES-GCM tag (OpenVPN crypto.c, OPENVPN_AEAD_TAG_LENGTH). */
export const OPENVPN_AEAD_TAG = 16;
/** OpenVPN over TCP: 16-bit packet length before every packet (OpenVPN mtu.c). */
export const OPENVPN_TCP_LENGTH = 2;

/** TCP/IP headers subtracted for the MSS clamp: 20 TCP + 20 IPv4 or 40 IPv6 (iptables TCPMSS --clamp-mss-to-pmtu). */
export function mssHeaderBytes(inner: IpVersion): number {
  return ipHeaderBytes(inner) + TCP_HEADER;
}

/** Ethernet on the wire per frame: preamble+SFD 8, MAC header 14, FCS 4, inter-frame gap 12 (IEEE 802.3). */
export const ETHERNET_L1_OVERHEAD = 38;
