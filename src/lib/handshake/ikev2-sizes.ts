import { IPV4_HEADER, UDP_HEADER } from '../overhead/constants';
import type { WireSize } from './wire';
import { NON_ESP_MARKER_BYTES, algorithmSizes, ikeDatagram, ikeFragments } from './wire';

/**
 * IKEv2 message sizes. IKE_SA_INIT is the measured base plus the key-exchange data. Encrypted
 * messages are built from the payload formats of RFC 7296 §3 inside an Encrypted payload
 * (§3.14) of the IKE SA the lab negotiated, aes256-sha256-modp2048. With the lab's identities,
 * proposals and certificates this arithmetic gives every encrypted size the lab measured on a
 * strongSwan 5.9.8 pair (IKE_AUTH, the RSA-2048 messages and their RFC 7383 fragments, EAP, the
 * MOBIKE probe and update): tests/unit/handshake/lab-sizes.test.ts checks it against
 * tests/lab/results/ike-sizes.json.
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

/** The lab's IKE_SA_INIT (strongSwan 5.9.8, PSK): 464/472 IKE bytes with MODP-2048, 592/600 with
 *  MODP-3072, 272/280 with ECP-256, 240/248 with X25519. Each is this base plus the KE data, so
 *  other groups are the base plus their KE length (estimated). The base includes N(FRAG_SUP). */
export const IKE_SA_INIT_REQUEST_BASE_BYTES = 208;
export const IKE_SA_INIT_RESPONSE_BASE_BYTES = 216;
/** Lab run (tests/lab/results/ike-sizes.json variant) of each group whose IKE_SA_INIT was measured. */
export const MEASURED_KEY_EXCHANGES: Partial<Record<KeyExchange, string>> = {
  modp2048: 'psk-modp2048',
  modp3072: 'psk-modp3072',
  ecp256: 'psk-ecp256',
  x25519: 'psk-x25519',
};

export const IKE_HEADER_BYTES = 28; // RFC 7296 §3.1
const GENERIC_PAYLOAD_HEADER_BYTES = 4; // RFC 7296 §3.2
const ENCRYPTED_FRAGMENT_HEADER_BYTES = 8; // RFC 7383 §2.5: generic header + Fragment Number + Total Fragments
const PAD_LENGTH_BYTES = 1; // RFC 7296 §3.14: padding, then one Pad Length octet, fill whole cipher blocks

/** The lab's IKE SA cipher and integrity algorithm from the one algorithm table: AES-256-CBC
 *  (16-byte IV and block, RFC 3602) and HMAC-SHA2-256-128 (16-byte ICV, RFC 4868). */
const IKE_SA = algorithmSizes('aes256', 'sha256');
const IV_BYTES = IKE_SA.ivBytes;
const ICV_BYTES = IKE_SA.icvBytes;
const BLOCK_BYTES = IKE_SA.alignBytes; // AES-CBC: the 16-byte block (IKE has no 4-byte rule; a CBC block is larger anyway)

export function notifyBytes(dataBytes: number): number {
  return 8 + dataBytes; // RFC 7296 §3.10: generic header, protocol, SPI size 0, type
}
export function keyExchangePayloadBytes(dataBytes: number): number {
  return 8 + dataBytes; // RFC 7296 §3.4: generic header + group + reserved
}
function certPayloadBytes(derBytes: number): number {
  return 5 + derBytes; // RFC 7296 §3.6: header + encoding octet + X.509 DER
}
export function eapPayloadBytes(eapMessageBytes: number): number {
  return GENERIC_PAYLOAD_HEADER_BYTES + eapMessageBytes; // RFC 7296 §3.16
}
export function certificateRequestBytes(authorities: number): number {
  return 5 + 20 * authorities; // RFC 7296 §3.7: header + encoding + one SHA-1 key hash per CA
}

/** The lab's identities are FQDNs client.example.org and server.example.org (18 octets). */
const ID_PAYLOAD_BYTES = 8 + 18; // RFC 7296 §3.5
export const AUTH_PSK_PAYLOAD_BYTES = 8 + 32; // RFC 7296 §3.8: 8-byte header + PRF-HMAC-SHA2-256 output (RFC 4868)
/** RFC 7427 §3 Digital Signature: length octet + sha256WithRSAEncryption AlgorithmIdentifier (15)
 *  + RSA-2048 signature (256), after the 8-byte AUTH header. */
const AUTH_RSA2048_PAYLOAD_BYTES = 8 + 1 + 15 + 256;
/** SA with one ESP proposal, the lab's aes128gcm16: SA header 4, proposal 8 + SPI 4, ENCR with
 *  its key-length attribute 12, ESN 8 (RFC 7296 §3.3). */
const CHILD_SA_PAYLOAD_BYTES = 4 + 8 + 4 + 12 + 8;
const TS_PAYLOAD_BYTES = 8 + 16; // RFC 7296 §3.13: header + one IPv4 range selector
const FLAG_NOTIFY_BYTES = notifyBytes(0); // INITIAL_CONTACT, MOBIKE_SUPPORTED, MULTIPLE_AUTH_SUPPORTED, ...
/** N(ADDITIONAL_IP6_ADDRESS): the lab's client and gateway also had an IPv6 address (RFC 4555 §3.4). */
const ADDITIONAL_IP6_NOTIFY_BYTES = notifyBytes(16);
const NAT_DETECTION_NOTIFY_BYTES = notifyBytes(20); // RFC 7296 §2.23: SHA-1 hash
const COOKIE2_NOTIFY_BYTES = notifyBytes(16); // RFC 4555 §4.2.2; strongSwan ike_mobike.c COOKIE2_SIZE 16
export const DELETE_IKE_SA_PAYLOAD_BYTES = 8; // RFC 7296 §3.11, no SPIs for the IKE SA

/** Payloads of IKE_AUTH after IDs and AUTH, as strongSwan 5.9.8 sent them (lab log). */
function childAndNotifies(mobike: boolean, side: 'request' | 'response'): number {
  const mobikeNotifies = mobike ? FLAG_NOTIFY_BYTES + ADDITIONAL_IP6_NOTIFY_BYTES : 0; // N(MOBIKE_SUP) N(ADD_6_ADDR)
  const requestFlags = side === 'request' ? 3 * FLAG_NOTIFY_BYTES : 0; // N(MULT_AUTH) N(EAP_ONLY) N(MSG_ID_SYN_SUP)
  return CHILD_SA_PAYLOAD_BYTES + 2 * TS_PAYLOAD_BYTES + mobikeNotifies + requestFlags;
}

type AuthPayload = 'psk' | 'rsa2048' | 'none';

function authBytes(auth: AuthPayload): number {
  return auth === 'psk' ? AUTH_PSK_PAYLOAD_BYTES : auth === 'rsa2048' ? AUTH_RSA2048_PAYLOAD_BYTES : 0;
}

/** IKE_AUTH request plaintext: IDi [CERT] N(INIT_CONTACT) [CERTREQ] IDr [AUTH] SA TSi TSr notifies. */
export function authRequestInnerBytes(p: { auth: AuthPayload; certificateBytes: number | null; certificateRequest: boolean; mobike: boolean }): number {
  return (
    ID_PAYLOAD_BYTES +
    (p.certificateBytes === null ? 0 : certPayloadBytes(p.certificateBytes)) +
    FLAG_NOTIFY_BYTES +
    (p.certificateRequest ? certificateRequestBytes(1) : 0) +
    ID_PAYLOAD_BYTES +
    authBytes(p.auth) +
    childAndNotifies(p.mobike, 'request')
  );
}

/** IKE_AUTH response plaintext: IDr [CERT] AUTH and, when it carries the Child SA, SA TSi TSr notifies. */
export function authResponseInnerBytes(p: { auth: AuthPayload; certificateBytes: number | null; childSa: boolean; mobike: boolean }): number {
  return (
    ID_PAYLOAD_BYTES +
    (p.certificateBytes === null ? 0 : certPayloadBytes(p.certificateBytes)) +
    authBytes(p.auth) +
    (p.childSa ? childAndNotifies(p.mobike, 'response') : 0)
  );
}

/** The final EAP response: AUTH from the MSK, then the Child SA. */
export function eapFinalResponseInnerBytes(mobike: boolean): number {
  return AUTH_PSK_PAYLOAD_BYTES + childAndNotifies(mobike, 'response');
}

/** MOBIKE (RFC 4555 §3.5) request: N(UPDATE_SA_ADDRESSES) N(NAT_DETECTION_*) x2 N(COOKIE2) and
 *  N(NO_ADDITIONAL_ADDRESSES): the lab's client had only its new IPv4 address left (§3.6). */
export const MOBIKE_UPDATE_REQUEST_INNER_BYTES = FLAG_NOTIFY_BYTES + 2 * NAT_DETECTION_NOTIFY_BYTES + COOKIE2_NOTIFY_BYTES + FLAG_NOTIFY_BYTES;
/** Its response: N(NAT_DETECTION_*) x2 N(COOKIE2). */
export const MOBIKE_UPDATE_RESPONSE_INNER_BYTES = 2 * NAT_DETECTION_NOTIFY_BYTES + COOKIE2_NOTIFY_BYTES;
export const RETURN_ROUTABILITY_INNER_BYTES = COOKIE2_NOTIFY_BYTES;

function padded(plainBytes: number): number {
  return Math.ceil((plainBytes + PAD_LENGTH_BYTES) / BLOCK_BYTES) * BLOCK_BYTES;
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
  const ikeRoom = transport.fragmentSize - IPV4_HEADER - UDP_HEADER - marker;
  const paddedRoom = Math.floor((ikeRoom - fragmentIkeBytes(0) + BLOCK_BYTES) / BLOCK_BYTES) * BLOCK_BYTES;
  return paddedRoom - PAD_LENGTH_BYTES;
}

/** An encrypted IKE message: one datagram, or RFC 7383 fragments when it would exceed the
 *  fragment size, or IP fragments when RFC 7383 is off and it exceeds the path MTU. */
export function encryptedIkeMessage(innerBytes: number, transport: IkeTransport): WireSize {
  const whole = encryptedIkeBytes(innerBytes);
  const marker = transport.onPort4500 ? NON_ESP_MARKER_BYTES : 0;
  const datagram = IPV4_HEADER + UDP_HEADER + marker + whole;
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
