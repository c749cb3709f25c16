import type { WireSize } from './wire';
import { IPV4_HEADER_BYTES, NON_ESP_MARKER_BYTES, UDP_HEADER_BYTES, ikeDatagram, ikeFragments } from './wire';

/**
 * IKEv2 message sizes. Unencrypted IKE_SA_INIT sizes are measured; encrypted messages are built
 * from payload lengths (RFC 7296 §3) inside an Encrypted payload (RFC 7296 §3.14) with an 8-byte
 * IV, a 16-byte ICV and the plaintext plus its Pad Length octet padded to 16 bytes (AES-GCM-16
 * shape, RFC 5282). With that shape the arithmetic reproduces every measured IKE_AUTH and RFC 7383
 * fragment size below (328/264 and 1244/332 IKE bytes). The measured MOBIKE sizes (176/160) fit
 * AES-CBC with HMAC-SHA-256-128 instead, so they are used as measured, not rebuilt.
 */

export type KeyExchange = 'modp2048' | 'modp3072' | 'modp4096' | 'ecp256' | 'ecp384' | 'x25519' | 'x448';
export const KEY_EXCHANGES: readonly KeyExchange[] = ['modp2048', 'modp3072', 'modp4096', 'ecp256', 'ecp384', 'x25519', 'x448'];

/** Key Exchange Data length in octets. */
export const KEY_EXCHANGE_BYTES: Record<KeyExchange, number> = {
  modp2048: 256, // RFC 3526 §3: 2048-bit modulus
  modp3072: 384, // RFC 3526 §4
  modp4096: 512, // RFC 3526 §5
  ecp256: 64, // RFC 5903 §7: x || y, 32 octets each
  ecp384: 96, // RFC 5903 §7: 48 + 48
  x25519: 32, // RFC 8031 §2
  x448: 56, // RFC 8031 §2
};

export type PostQuantumKem = 'none' | 'mlkem512' | 'mlkem768' | 'mlkem1024';
export const POST_QUANTUM_KEMS: readonly PostQuantumKem[] = ['none', 'mlkem512', 'mlkem768', 'mlkem1024'];

/** ML-KEM encapsulation key (initiator's KE data) and ciphertext (responder's), FIPS 203 Table 3. */
export const KEM_BYTES: Record<Exclude<PostQuantumKem, 'none'>, { encapsulationKey: number; ciphertext: number }> = {
  mlkem512: { encapsulationKey: 800, ciphertext: 768 },
  mlkem768: { encapsulationKey: 1184, ciphertext: 1088 },
  mlkem1024: { encapsulationKey: 1568, ciphertext: 1568 },
};

/** Measured on a strongSwan 5.9.8 pair (IPv4, PSK): IKE_SA_INIT request/response UDP payloads of
 *  472/480 bytes with MODP-2048, 248/256 with X25519, 280/288 with ECP-256. All six are these
 *  bases plus the KE data length, so other groups are this base plus their KE length (estimated). */
export const IKE_SA_INIT_REQUEST_BASE_BYTES = 216;
export const IKE_SA_INIT_RESPONSE_BASE_BYTES = 224;
export const MEASURED_KEY_EXCHANGES: readonly KeyExchange[] = ['modp2048', 'x25519', 'ecp256'];

/** strongSwan 5.9.8, PSK: IKE_AUTH request/response 332/268 UDP bytes including the 4-byte
 *  non-ESP marker, i.e. 328/264 IKE bytes. */
export const PSK_AUTH_REQUEST_IKE_BYTES = 328;
export const PSK_AUTH_RESPONSE_IKE_BYTES = 264;
/** Inner payload lengths that rebuild exactly those sizes (pinned to within one 16-byte pad
 *  block); the base for the certificate and EAP variants. */
export const PSK_AUTH_REQUEST_INNER_BYTES = 268;
export const PSK_AUTH_RESPONSE_INNER_BYTES = 204;

/** strongSwan 5.9.8, after an address change: UPDATE_SA_ADDRESSES request/response, IKE bytes. */
export const MOBIKE_UPDATE_REQUEST_IKE_BYTES = 176;
export const MOBIKE_UPDATE_RESPONSE_IKE_BYTES = 160;

const IKE_HEADER_BYTES = 28; // RFC 7296 §3.1
const GENERIC_PAYLOAD_HEADER_BYTES = 4; // RFC 7296 §3.2
const NOTIFY_HEADER_BYTES = 8; // RFC 7296 §3.10 with an empty SPI
const ENCRYPTED_FRAGMENT_HEADER_BYTES = 8; // RFC 7383 §2.5: generic header + Fragment Number + Total Fragments
const IV_BYTES = 8;
const ICV_BYTES = 16;
const PAD_ALIGN_BYTES = 16;

export const AUTH_PSK_PAYLOAD_BYTES = 8 + 32; // RFC 7296 §3.8: 8-byte header + PRF-HMAC-SHA2-256 output (RFC 4868)
/** RFC 7427 §3 Digital Signature: length octet + sha256WithRSAEncryption AlgorithmIdentifier (15)
 *  + RSA-2048 signature (256), after the 8-byte AUTH header. */
export const AUTH_RSA2048_PAYLOAD_BYTES = 8 + 1 + 15 + 256;
export const CERTREQ_ONE_CA_BYTES = 5 + 20; // RFC 7296 §3.7: header + SHA-1 hash of one CA key
export function certPayloadBytes(derBytes: number): number {
  return 5 + derBytes; // RFC 7296 §3.6: header + encoding octet + X.509 DER
}
export function eapPayloadBytes(eapMessageBytes: number): number {
  return GENERIC_PAYLOAD_HEADER_BYTES + eapMessageBytes; // RFC 7296 §3.16
}
export function notifyBytes(dataBytes: number): number {
  return NOTIFY_HEADER_BYTES + dataBytes;
}
export function keyExchangePayloadBytes(dataBytes: number): number {
  return 8 + dataBytes; // RFC 7296 §3.4: generic header + group + reserved
}

/** Identity and child-SA parts of the measured PSK response (IDr of an FQDN of 15 octets). */
export const RESPONDER_ID_PAYLOAD_BYTES = 8 + 15; // RFC 7296 §3.5
export const RESPONSE_CHILD_SA_PART_BYTES = PSK_AUTH_RESPONSE_INNER_BYTES - AUTH_PSK_PAYLOAD_BYTES - RESPONDER_ID_PAYLOAD_BYTES;

function padded(innerBytes: number): number {
  return Math.ceil((innerBytes + 1) / PAD_ALIGN_BYTES) * PAD_ALIGN_BYTES;
}

export function encryptedIkeBytes(innerBytes: number): number {
  return IKE_HEADER_BYTES + GENERIC_PAYLOAD_HEADER_BYTES + IV_BYTES + padded(innerBytes) + ICV_BYTES;
}

function fragmentIkeBytes(chunkBytes: number): number {
  return IKE_HEADER_BYTES + ENCRYPTED_FRAGMENT_HEADER_BYTES + IV_BYTES + padded(chunkBytes) + ICV_BYTES;
}

export interface IkeTransport {
  onPort4500: boolean; // after IKE_SA_INIT with MOBIKE or NAT (RFC 7296 §2.23, RFC 4555 §3.3)
  fragmentation: boolean; // RFC 7383 negotiated
  fragmentSize: number; // largest IP datagram for a fragment (strongSwan charon.fragment_size)
  pathMtu: number;
}

/** Largest plaintext chunk one Encrypted Fragment payload can carry within the fragment size. */
export function maxFragmentChunkBytes(transport: IkeTransport): number {
  const marker = transport.onPort4500 ? NON_ESP_MARKER_BYTES : 0;
  const ikeRoom = transport.fragmentSize - IPV4_HEADER_BYTES - UDP_HEADER_BYTES - marker;
  const paddedRoom = Math.floor((ikeRoom - fragmentIkeBytes(0) + PAD_ALIGN_BYTES) / PAD_ALIGN_BYTES) * PAD_ALIGN_BYTES;
  return paddedRoom - 1;
}

/** An encrypted IKE message: one datagram, or RFC 7383 fragments when it would exceed the
 *  fragment size, or IP fragments when RFC 7383 is off and it exceeds the path MTU. */
export function encryptedIkeMessage(innerBytes: number, transport: IkeTransport): WireSize {
  const whole = encryptedIkeBytes(innerBytes);
  const marker = transport.onPort4500 ? NON_ESP_MARKER_BYTES : 0;
  const datagram = IPV4_HEADER_BYTES + UDP_HEADER_BYTES + marker + whole;
  if (!transport.fragmentation || datagram <= transport.fragmentSize) {
    return ikeDatagram(whole, transport.onPort4500, transport.pathMtu);
  }
  const chunk = maxFragmentChunkBytes(transport);
  const fragments: number[] = [];
  for (let left = innerBytes; left > 0; left -= chunk) {
    fragments.push(fragmentIkeBytes(Math.min(chunk, left)));
  }
  return ikeFragments(fragments, transport.onPort4500, transport.pathMtu);
}

/** An unencrypted IKE message (IKE_SA_INIT and its error responses) on port 500. */
export function plainIkeMessage(ikeBytes: number, pathMtu: number): WireSize {
  return ikeDatagram(ikeBytes, false, pathMtu);
}

/** A measured encrypted message used as is (never refragmented: it is small). */
export function measuredIkeMessage(ikeBytes: number, transport: IkeTransport): WireSize {
  return ikeDatagram(ikeBytes, transport.onPort4500, transport.pathMtu);
}

export { IKE_HEADER_BYTES };
