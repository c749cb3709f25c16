import { SequenceDraft } from './draft';
import { KEY_EXCHANGE_BYTES } from './ikev2-sizes';
import type { KeyExchange } from './ikev2-sizes';
import type { Layer, MessageSpec, Side, TimerLayer } from './sequence';
import { ikeDatagram, l2tpOverEsp } from './wire';
import type { EspSuite } from './wire';

/**
 * L2TP/IPsec: IKEv1 (RFC 2409) Main or Aggressive Mode with a pre-shared key, Quick Mode for the
 * transport-mode ESP SA that protects UDP 1701 (RFC 3193), the L2TP control connection and
 * incoming call (RFC 2661 §5.1, §5.2.1), then PPP: LCP (RFC 1661), authentication and IPCP
 * (RFC 1332). No size here is measured: each is derived from the RFC message formats with the
 * assumption named beside it.
 *
 * A message that needs no answer of its own (Quick Mode 3, SCCCN, ICCN, the client's LCP
 * Configure-Ack) leaves together with the next request and is counted in that round trip.
 */

export type Phase1Mode = 'main' | 'aggressive';
export const PHASE1_MODES: readonly Phase1Mode[] = ['main', 'aggressive'];
export type PppAuth = 'mschapv2' | 'chap' | 'pap';
export const PPP_AUTHS: readonly PppAuth[] = ['mschapv2', 'chap', 'pap'];

export interface L2tpOptions {
  phase1: Phase1Mode;
  pppAuth: PppAuth;
  espSuite: EspSuite;
}

export interface L2tpPath {
  keyExchange: KeyExchange;
  nat: boolean;
  pathMtu: number;
  computeMs: number;
}

// ISAKMP (RFC 2408 §3): 28-byte header, 4-byte generic payload header. Assumed proposal: one
// transform of AES-CBC-256, HMAC-SHA2-256, the chosen group, PSK and a lifetime (8 attributes).
const ISAKMP_HEADER_BYTES = 28; // RFC 2408 §3.1
const SA_ONE_TRANSFORM_BYTES = 60; // SA 12 + Proposal 8 + Transform 8 + attributes 32 (RFC 2408 §3.4-3.6)
const INITIATOR_VENDOR_IDS_BYTES = 72; // NAT-T (RFC 3947), DPD (RFC 3706), XAuth and fragmentation vendor IDs
const RESPONDER_VENDOR_IDS_BYTES = 52; // NAT-T, DPD, XAuth
const NONCE_PAYLOAD_BYTES = 4 + 32; // RFC 2409 §5: 8-256 octets; 32 assumed
const HASH_PAYLOAD_BYTES = 4 + 32; // HMAC-SHA2-256 output
const NAT_D_PAYLOADS_BYTES = 2 * (4 + 32); // RFC 3947 §3.2: two hashes of the negotiated hash length
const ID_IPV4_PAYLOAD_BYTES = 4 + 4 + 4; // RFC 2407 §4.6.2: type, protocol, port, IPv4 address
const INITIAL_CONTACT_BYTES = 4 + 8 + 16; // RFC 2407 §4.6.3: notify carrying both cookies as SPI
const QUICK_MODE_SA_BYTES = 56; // SA 12 + Proposal with 4-byte SPI 12 + Transform 8 + 24 bytes of attributes
const NAT_OA_PAYLOADS_BYTES = 2 * (4 + 4 + 4); // RFC 3947 §5.2: NAT-OAi and NAT-OAr (transport mode)
const IKEV1_BLOCK_BYTES = 16; // AES-CBC: the encrypted part is padded to the block (RFC 2409 Appendix B)

function encryptedIsakmpBytes(innerBytes: number): number {
  return ISAKMP_HEADER_BYTES + Math.ceil(innerBytes / IKEV1_BLOCK_BYTES) * IKEV1_BLOCK_BYTES;
}

// L2TP control messages (RFC 2661 §3.1: 12-byte header with Length and Ns/Nr; §4.1: 6-byte AVP header).
const L2TP_CONTROL_HEADER_BYTES = 12;
function avp(valueBytes: number): number {
  return 6 + valueBytes;
}
const MESSAGE_TYPE_AVP = avp(2); // RFC 2661 §4.4.1
/** SCCRQ: Message Type, Protocol Version, Host Name (8 octets), Framing and Bearer Capabilities,
 *  Assigned Tunnel ID, Receive Window Size, Firmware Revision, Vendor Name (9 octets). */
const SCCRQ_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP + avp(2) + avp(8) + avp(4) + avp(4) + avp(2) + avp(2) + avp(2) + avp(9);
/** SCCRP: the same set from the LNS, Host Name "l2tpd", Vendor Name of 13 octets. */
const SCCRP_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP + avp(2) + avp(5) + avp(4) + avp(4) + avp(2) + avp(2) + avp(2) + avp(13);
const SCCCN_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP;
/** ICRQ: Message Type, Assigned Session ID, Call Serial Number, Bearer Type. */
const ICRQ_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP + avp(2) + avp(4) + avp(4);
const ICRP_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP + avp(2);
/** ICCN: Message Type, (Tx) Connect Speed, Framing Type. */
const ICCN_BYTES = L2TP_CONTROL_HEADER_BYTES + MESSAGE_TYPE_AVP + avp(4) + avp(4);
const ZLB_BYTES = L2TP_CONTROL_HEADER_BYTES; // RFC 2661 §5.8: Zero-Length Body acknowledgement

// PPP in an L2TP data message: 6-byte L2TP data header (RFC 2661 §3.1, no L/S/O bits), address
// and control FF 03 (never compressed for LCP, RFC 1661 §6.6), 2-byte protocol, then the packet
// with its 4-byte Code/Identifier/Length header (RFC 1661 §5).
function pppBytes(bodyBytes: number): number {
  return 6 + 2 + 2 + 4 + bodyBytes;
}
const LCP_CLIENT_OPTIONS_BYTES = 4 + 6; // MRU (RFC 1661 §6.1) + Magic-Number (§6.4)
const LCP_SERVER_OPTIONS_BYTES: Record<PppAuth, number> = {
  mschapv2: 4 + 5 + 6, // MRU + Authentication-Protocol CHAP/0x81 (RFC 2759 §2) + Magic-Number
  chap: 4 + 5 + 6, // CHAP with algorithm 5 = MD5 (RFC 1994 §3)
  pap: 4 + 4 + 6, // Authentication-Protocol PAP (RFC 1334 §2.1)
};
const SERVER_NAME_BYTES = 5; // pppd name "l2tpd" in the hwdsl2 setup
const USER_NAME_BYTES = 8; // assumed
const PASSWORD_BYTES = 10; // assumed
const IPCP_CLIENT_OPTIONS_BYTES = 3 * 6; // IP-Address (RFC 1332 §3.3) + primary/secondary DNS (RFC 1877 §1.1, §1.3)
const IPCP_SERVER_OPTIONS_BYTES = 6; // IP-Address

interface PppAuthMessages {
  challenge: number | null; // null for PAP: the peer speaks first
  response: number;
  verdict: number;
  names: { challenge: string; response: string; verdict: string };
  rfc: string;
}

const PPP_AUTH_MESSAGES: Record<PppAuth, PppAuthMessages> = {
  mschapv2: {
    challenge: 1 + 16 + SERVER_NAME_BYTES, // RFC 2759 §3: Value-Size, 16-octet challenge, name
    response: 1 + 49 + USER_NAME_BYTES, // RFC 2759 §4: Value-Size 49, response, name
    verdict: 42 + 17, // RFC 2759 §5: "S=" + 40 hex digits + " M=Access granted"
    names: { challenge: 'MS-CHAPv2 Challenge', response: 'MS-CHAPv2 Response', verdict: 'MS-CHAPv2 Success' },
    rfc: 'RFC 2759 §3-5',
  },
  chap: {
    challenge: 1 + 16 + SERVER_NAME_BYTES, // RFC 1994 §4.1: Value-Size, value, name
    response: 1 + 16 + USER_NAME_BYTES, // RFC 1994 §4.1: MD5 value is 16 octets
    verdict: 14, // RFC 1994 §4.2: Success message "Access granted"
    names: { challenge: 'CHAP Challenge', response: 'CHAP Response', verdict: 'CHAP Success' },
    rfc: 'RFC 1994 §4.1-4.2',
  },
  pap: {
    challenge: null,
    response: 1 + USER_NAME_BYTES + 1 + PASSWORD_BYTES, // RFC 1334 §2.2.1
    verdict: 1 + 8, // RFC 1334 §2.2.2: Msg-Length + "Login ok"
    names: { challenge: '', response: 'PAP Authenticate-Request', verdict: 'PAP Authenticate-Ack' },
    rfc: 'RFC 1334 §2.2',
  },
};

interface Line {
  id: string;
  from: Side;
  layer: Layer;
  exchange: string;
  name: string;
  payloads: string;
  rfc: string;
  timer: TimerLayer;
  after: string[];
  processingMs?: number;
  isakmp?: { bytes: number; onPort4500: boolean };
  l2tpBytes?: number;
}

/** Messages of a fresh L2TP/IPsec connection, from the first IKEv1 message to IPCP up. */
export function l2tpConnectSequence(options: L2tpOptions, path: L2tpPath): MessageSpec[] {
  const draft = new SequenceDraft();
  const keBytes = 4 + KEY_EXCHANGE_BYTES[path.keyExchange];
  const floated = path.nat; // RFC 3947 §4: IKE moves to port 4500 once a NAT is detected
  const half = path.computeMs / 2;

  const put = (round: number | null, line: Line): void => {
    draft.add({
      id: line.id,
      from: line.from,
      layer: line.layer,
      exchange: line.exchange,
      name: line.name,
      payloads: line.payloads,
      rfc: line.rfc,
      timer: line.timer,
      round,
      after: line.after,
      processingMs: line.processingMs ?? 0,
      size:
        line.l2tpBytes !== undefined
          ? l2tpOverEsp(line.l2tpBytes, options.espSuite, path.nat, path.pathMtu)
          : ikeDatagram(line.isakmp?.bytes ?? 0, line.isakmp?.onPort4500 ?? false, path.pathMtu),
      sizeSource: 'estimated',
    });
  };
  const ike = (bytes: number, onPort4500 = false) => ({ bytes, onPort4500 });
  const i = 'initiator' as const;
  const r = 'responder' as const;

  // Phase 1
  let lastPhase1: string;
  let quickModeRider: Line | null = null;
  if (options.phase1 === 'main') {
    const mm = { layer: 'IKEv1' as const, exchange: 'Main Mode', rfc: 'RFC 2409 §5.4', timer: 'ike' as const };
    let round = draft.nextRound();
    put(round, { ...mm, id: 'mm1', from: i, name: 'Main Mode 1', payloads: 'HDR, SA', after: [], isakmp: ike(ISAKMP_HEADER_BYTES + SA_ONE_TRANSFORM_BYTES + INITIATOR_VENDOR_IDS_BYTES) });
    put(round, { ...mm, id: 'mm2', from: r, name: 'Main Mode 2', payloads: 'HDR, SA', after: ['mm1'], isakmp: ike(ISAKMP_HEADER_BYTES + SA_ONE_TRANSFORM_BYTES + RESPONDER_VENDOR_IDS_BYTES) });
    round = draft.nextRound();
    const keyMessage = ISAKMP_HEADER_BYTES + keBytes + NONCE_PAYLOAD_BYTES + NAT_D_PAYLOADS_BYTES;
    put(round, { ...mm, id: 'mm3', from: i, name: 'Main Mode 3', payloads: 'HDR, KE, Ni, NAT-D, NAT-D', after: ['mm2'], isakmp: ike(keyMessage) });
    put(round, { ...mm, id: 'mm4', from: r, name: 'Main Mode 4', payloads: 'HDR, KE, Nr, NAT-D, NAT-D', after: ['mm3'], processingMs: half, isakmp: ike(keyMessage) });
    round = draft.nextRound();
    put(round, { ...mm, id: 'mm5', from: i, name: 'Main Mode 5', payloads: 'HDR*, IDii, HASH_I, N(INITIAL-CONTACT)', after: ['mm4'], isakmp: ike(encryptedIsakmpBytes(ID_IPV4_PAYLOAD_BYTES + HASH_PAYLOAD_BYTES + INITIAL_CONTACT_BYTES), floated) });
    put(round, { ...mm, id: 'mm6', from: r, name: 'Main Mode 6', payloads: 'HDR*, IDir, HASH_R', after: ['mm5'], processingMs: half, isakmp: ike(encryptedIsakmpBytes(ID_IPV4_PAYLOAD_BYTES + HASH_PAYLOAD_BYTES), floated) });
    lastPhase1 = 'mm6';
  } else {
    const am = { layer: 'IKEv1' as const, exchange: 'Aggressive Mode', rfc: 'RFC 2409 §5.4', timer: 'ike' as const };
    const round = draft.nextRound();
    put(round, { ...am, id: 'am1', from: i, name: 'Aggressive Mode 1', payloads: 'HDR, SA, KE, Ni, IDii', after: [], isakmp: ike(ISAKMP_HEADER_BYTES + SA_ONE_TRANSFORM_BYTES + keBytes + NONCE_PAYLOAD_BYTES + ID_IPV4_PAYLOAD_BYTES + INITIATOR_VENDOR_IDS_BYTES) });
    put(round, { ...am, id: 'am2', from: r, name: 'Aggressive Mode 2', payloads: 'HDR, SA, KE, Nr, IDir, HASH_R, NAT-D, NAT-D', after: ['am1'], processingMs: path.computeMs, isakmp: ike(ISAKMP_HEADER_BYTES + SA_ONE_TRANSFORM_BYTES + keBytes + NONCE_PAYLOAD_BYTES + ID_IPV4_PAYLOAD_BYTES + HASH_PAYLOAD_BYTES + NAT_D_PAYLOADS_BYTES + RESPONDER_VENDOR_IDS_BYTES) });
    quickModeRider = { ...am, id: 'am3', from: i, name: 'Aggressive Mode 3', payloads: 'HDR*, HASH_I, NAT-D, NAT-D', after: ['am2'], isakmp: ike(encryptedIsakmpBytes(HASH_PAYLOAD_BYTES + NAT_D_PAYLOADS_BYTES), floated) };
    lastPhase1 = 'am2';
  }

  // Phase 2 (Quick Mode); Quick Mode 3 rides with the SCCRQ.
  const qm = { layer: 'IKEv1' as const, exchange: 'Quick Mode', rfc: 'RFC 2409 §5.5', timer: 'ike' as const };
  const quickModeInner = HASH_PAYLOAD_BYTES + QUICK_MODE_SA_BYTES + NONCE_PAYLOAD_BYTES + 2 * ID_IPV4_PAYLOAD_BYTES + (path.nat ? NAT_OA_PAYLOADS_BYTES : 0);
  const natOa = path.nat ? ', NAT-OAi, NAT-OAr' : '';
  let round = draft.nextRound();
  if (quickModeRider) put(round, quickModeRider);
  const qm1After = quickModeRider ? [quickModeRider.id] : [lastPhase1];
  put(round, { ...qm, id: 'qm1', from: i, name: 'Quick Mode 1', payloads: `HDR*, HASH(1), SA, Ni, IDci, IDcr${natOa}`, after: qm1After, isakmp: ike(encryptedIsakmpBytes(quickModeInner), floated) });
  put(round, { ...qm, id: 'qm2', from: r, name: 'Quick Mode 2', payloads: `HDR*, HASH(2), SA, Nr, IDci, IDcr${natOa}`, after: ['qm1', ...qm1After], isakmp: ike(encryptedIsakmpBytes(quickModeInner), floated) });

  // L2TP control connection (the client is the LAC) and incoming call.
  const tunnel = { layer: 'L2TP' as const, exchange: 'Control connection', rfc: 'RFC 2661 §5.1', timer: 'l2tp' as const };
  round = draft.nextRound();
  put(round, { ...qm, timer: 'l2tp', id: 'qm3', from: i, name: 'Quick Mode 3', payloads: 'HDR*, HASH(3)', after: ['qm2'], isakmp: ike(encryptedIsakmpBytes(HASH_PAYLOAD_BYTES), floated) });
  put(round, { ...tunnel, id: 'sccrq', from: i, name: 'SCCRQ', payloads: 'Message Type, Protocol Version, Host Name, Framing Capabilities, Assigned Tunnel ID', after: ['qm3'], l2tpBytes: SCCRQ_BYTES });
  put(round, { ...tunnel, id: 'sccrp', from: r, name: 'SCCRP', payloads: 'Message Type, Protocol Version, Host Name, Framing Capabilities, Assigned Tunnel ID', after: ['sccrq', 'qm3'], l2tpBytes: SCCRP_BYTES });
  const call = { layer: 'L2TP' as const, exchange: 'Session', rfc: 'RFC 2661 §5.2.1', timer: 'l2tp' as const };
  round = draft.nextRound();
  put(round, { ...tunnel, id: 'scccn', from: i, name: 'SCCCN', payloads: 'Message Type', after: ['sccrp'], l2tpBytes: SCCCN_BYTES });
  put(round, { ...call, id: 'icrq', from: i, name: 'ICRQ', payloads: 'Message Type, Assigned Session ID, Call Serial Number', after: ['scccn'], l2tpBytes: ICRQ_BYTES });
  put(round, { ...call, id: 'icrp', from: r, name: 'ICRP', payloads: 'Message Type, Assigned Session ID', after: ['icrq'], l2tpBytes: ICRP_BYTES });

  // PPP LCP: both ends send a Configure-Request; ICCN rides with the client's.
  const lcp = { layer: 'PPP' as const, exchange: 'LCP', rfc: 'RFC 1661 §5.1-5.2', timer: 'ppp' as const };
  const serverLcpOptions = LCP_SERVER_OPTIONS_BYTES[options.pppAuth];
  round = draft.nextRound();
  put(round, { ...call, timer: 'ppp', id: 'iccn', from: i, name: 'ICCN', payloads: 'Message Type, Connect Speed, Framing Type', after: ['icrp'], l2tpBytes: ICCN_BYTES });
  put(null, { ...call, id: 'zlb', from: r, name: 'ZLB acknowledgement', payloads: '(header only)', rfc: 'RFC 2661 §5.8', after: ['iccn'], l2tpBytes: ZLB_BYTES });
  put(round, { ...lcp, id: 'lcp-req-c', from: i, name: 'LCP Configure-Request', payloads: 'MRU, Magic-Number', after: ['iccn'], l2tpBytes: pppBytes(LCP_CLIENT_OPTIONS_BYTES) });
  put(round, { ...lcp, id: 'lcp-req-s', from: r, name: 'LCP Configure-Request', payloads: 'MRU, Authentication-Protocol, Magic-Number', after: ['iccn'], l2tpBytes: pppBytes(serverLcpOptions) });
  put(round, { ...lcp, id: 'lcp-ack-s', from: r, name: 'LCP Configure-Ack', payloads: 'MRU, Magic-Number', after: ['lcp-req-c', 'lcp-req-s'], l2tpBytes: pppBytes(LCP_CLIENT_OPTIONS_BYTES) });

  // Authentication (RFC 1661 §3.5): the gateway starts once its LCP is open, i.e. once the
  // client's Configure-Ack has arrived. Then IPCP (RFC 1661 §3.6).
  const auth = PPP_AUTH_MESSAGES[options.pppAuth];
  const authPhase = { layer: 'PPP' as const, exchange: 'Authentication', rfc: auth.rfc, timer: 'ppp' as const };
  const ipcp = { layer: 'PPP' as const, exchange: 'IPCP', rfc: 'RFC 1332 §3; RFC 1661 §5.1-5.3', timer: 'ppp' as const };
  round = draft.nextRound();
  put(round, { ...lcp, id: 'lcp-ack-c', from: i, name: 'LCP Configure-Ack', payloads: 'MRU, Authentication-Protocol, Magic-Number', after: ['lcp-req-s', 'lcp-ack-s'], l2tpBytes: pppBytes(serverLcpOptions) });
  if (auth.challenge !== null) {
    put(round, { ...authPhase, id: 'auth-challenge', from: r, name: auth.names.challenge, payloads: 'Value, Name', after: ['lcp-ack-c'], l2tpBytes: pppBytes(auth.challenge) });
    round = draft.nextRound();
    put(round, { ...authPhase, id: 'auth-response', from: i, name: auth.names.response, payloads: 'Value, Name', after: ['auth-challenge'], l2tpBytes: pppBytes(auth.response) });
  } else {
    put(round, { ...authPhase, id: 'auth-response', from: i, name: auth.names.response, payloads: 'Peer-ID, Password', after: ['lcp-ack-c'], l2tpBytes: pppBytes(auth.response) });
  }
  put(round, { ...authPhase, id: 'auth-verdict', from: r, name: auth.names.verdict, payloads: 'Message', after: ['auth-response', 'lcp-ack-c'], l2tpBytes: pppBytes(auth.verdict) });
  put(round, { ...ipcp, id: 'ipcp-req-s', from: r, name: 'IPCP Configure-Request', payloads: 'IP-Address', after: ['auth-verdict'], l2tpBytes: pppBytes(IPCP_SERVER_OPTIONS_BYTES) });
  round = draft.nextRound();
  put(round, { ...ipcp, id: 'ipcp-req-c', from: i, name: 'IPCP Configure-Request', payloads: 'IP-Address 0.0.0.0, Primary DNS, Secondary DNS', after: ['auth-verdict'], l2tpBytes: pppBytes(IPCP_CLIENT_OPTIONS_BYTES) });
  put(round, { ...ipcp, id: 'ipcp-ack-c', from: i, name: 'IPCP Configure-Ack', payloads: 'IP-Address', after: ['ipcp-req-s', 'ipcp-req-c'], l2tpBytes: pppBytes(IPCP_SERVER_OPTIONS_BYTES) });
  put(round, { ...ipcp, id: 'ipcp-nak', from: r, name: 'IPCP Configure-Nak', payloads: 'IP-Address, Primary DNS, Secondary DNS (assigned)', after: ['ipcp-req-c'], l2tpBytes: pppBytes(IPCP_CLIENT_OPTIONS_BYTES) });
  round = draft.nextRound();
  put(round, { ...ipcp, id: 'ipcp-req-c2', from: i, name: 'IPCP Configure-Request', payloads: 'IP-Address, Primary DNS, Secondary DNS (as assigned)', after: ['ipcp-nak'], l2tpBytes: pppBytes(IPCP_CLIENT_OPTIONS_BYTES) });
  put(round, { ...ipcp, id: 'ipcp-ack-s', from: r, name: 'IPCP Configure-Ack', payloads: 'IP-Address, Primary DNS, Secondary DNS', after: ['ipcp-req-c2'], l2tpBytes: pppBytes(IPCP_CLIENT_OPTIONS_BYTES) });
  return draft.messages;
}
