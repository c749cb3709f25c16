import { SequenceDraft } from './draft';
import { KEY_EXCHANGE_BYTES } from './ikev2-sizes';
import type { KeyExchange } from './ikev2-sizes';
import { estimatedBecause, measuredIn } from './sequence';
import type { Layer, MessageSpec, Side, TimerLayer } from './sequence';
import { ikeDatagram, l2tpOverEsp } from './wire';
import type { EspSuite } from './wire';

/**
 * L2TP/IPsec: IKEv1 (RFC 2409) Main or Aggressive Mode with a pre-shared key, Quick Mode for the
 * transport-mode ESP SA that protects UDP 1701 (RFC 3193), the L2TP control connection and
 * incoming call (RFC 2661 §5.1, §5.2.1), then PPP: LCP (RFC 1661), authentication and IPCP
 * (RFC 1332). The IKEv1 sizes are the lab's (strongSwan 5.9.8, PSK, IKE aes256-sha1-modp2048);
 * the L2TP control messages are xl2tpd 1.3.18's lengths from the lab, wrapped in transport-mode
 * ESP by the overhead model (the lab's libipsec could only run tunnel mode); PPP could not run in
 * the lab and is built from the RFC message formats with the assumption named beside it.
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

/**
 * ISAKMP message lengths the lab measured (tests/lab/results/ike-sizes.json, ikev1-psk-l2tp: IKE
 * aes256-sha1-modp2048, ESP aes256-sha1, PSK). The Main Mode 3/4 lengths include MODP-2048's
 * 256-octet key-exchange data; other groups change only that (estimated). The NAT-T vendor IDs of
 * RFC 3947 §3.1 are in Main Mode 1/2. The lab's Quick Mode ran in tunnel mode (libipsec has no
 * transport mode), so it carries no NAT-OA.
 */
const LAB_IKEV1 = {
  run: 'ikev1-psk-l2tp',
  mainMode: [180, 160, 372, 372, 108, 92],
  quickMode: [172, 172, 60],
  keyExchangeDataBytes: KEY_EXCHANGE_BYTES.modp2048,
} as const;

// ISAKMP payloads (RFC 2408 §3.2-3.15 with the lab's SHA-1 hash), to rebuild what the lab did not run.
const ISAKMP_HEADER_BYTES = 28; // RFC 2408 §3.1
const IKEV1_BLOCK_BYTES = 16; // AES-CBC: the encrypted body is padded to the block (RFC 2409 Appendix B)
const NONCE_PAYLOAD_BYTES = 4 + 32;
const HASH_PAYLOAD_BYTES = 4 + 20; // HMAC-SHA1
const ID_FQDN_PAYLOAD_BYTES = 8 + 18; // RFC 2407 §4.6.2, the lab's FQDN identities
const NAT_D_PAYLOADS_BYTES = 2 * (4 + 20); // RFC 3947 §3.2
/** The lab's Quick Mode body: HASH(1) SA (one ESP proposal, 56) Ni IDci IDcr (IPv4 address, 12 each) = 140,
 *  which pads to the measured 172. */
const QUICK_MODE_INNER_BYTES = HASH_PAYLOAD_BYTES + 56 + NONCE_PAYLOAD_BYTES + 2 * 12;
const NAT_OA_PAYLOADS_BYTES = 2 * (4 + 4 + 4); // RFC 3947 §5.2: NAT-OAi and NAT-OAr, IPv4
/** Main Mode 1/2 after the ISAKMP header: the SA (60) and the vendor IDs (92 / 72). */
const MM1_BODY = LAB_IKEV1.mainMode[0] - ISAKMP_HEADER_BYTES;
const MM2_BODY = LAB_IKEV1.mainMode[1] - ISAKMP_HEADER_BYTES;
const KE_PAYLOAD_BYTES = 4 + LAB_IKEV1.keyExchangeDataBytes;

function encryptedIsakmpBytes(innerBytes: number): number {
  return ISAKMP_HEADER_BYTES + Math.ceil(innerBytes / IKEV1_BLOCK_BYTES) * IKEV1_BLOCK_BYTES;
}

/** L2TP control message lengths (header and AVPs) xl2tpd 1.3.18 sent in the lab, hostnames
 *  lac.example.org / lns.example.org, length bit on (RFC 2661 §3.1, §5.8). */
const LAB_L2TP = { SCCRQ: 99, SCCRP: 99, SCCCN: 20, ICRQ: 48, ICRP: 28, ICCN: 50, ZLB: 12 } as const;
const L2TP_ESTIMATE = 'xl2tpd message length from the lab; its transport-mode ESP is computed (the lab could run only tunnel mode)';
const PPP_ESTIMATE = 'built from the PPP RFCs; PPP could not run in the lab (no /dev/ppp)';

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
  basis?: { sizeSource: 'measured' | 'estimated'; sizeNote: string };
}

/** Messages of a fresh L2TP/IPsec connection, from the first IKEv1 message to IPCP up. */
export function l2tpConnectSequence(options: L2tpOptions, path: L2tpPath): MessageSpec[] {
  const draft = new SequenceDraft();
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
      ...(line.basis ?? estimatedBecause(line.layer === 'PPP' ? PPP_ESTIMATE : L2TP_ESTIMATE)),
    });
  };
  const ike = (bytes: number, onPort4500 = false) => ({ bytes, onPort4500 });
  const i = 'initiator' as const;
  const r = 'responder' as const;

  // Phase 1. The lab's IKEv1 ran with NAT-T (port 4500 from Main Mode 5 on); without a NAT the
  // same messages go on port 500, four bytes shorter.
  const keDelta = KEY_EXCHANGE_BYTES[path.keyExchange] - LAB_IKEV1.keyExchangeDataBytes;
  const run = LAB_IKEV1.run;
  const sameWire = (port4500: boolean) =>
    port4500 === floated ? measuredIn(run) : estimatedBecause('the lab measured it on port 4500 (NAT-T); here it goes on port 500');
  const withGroup = keDelta === 0 ? measuredIn(run) : estimatedBecause('the lab measured MODP-2048; this group changes only the key-exchange data');
  const aggressive = estimatedBecause("the Main Mode payloads the lab measured, sent as Aggressive Mode (not in the lab's runs)");
  let lastPhase1: string;
  let quickModeRider: Line | null = null;
  if (options.phase1 === 'main') {
    const mm = { layer: 'IKEv1' as const, exchange: 'Main Mode', rfc: 'RFC 2409 §5.4', timer: 'ike' as const };
    const [mm1, mm2, mm3, mm4, mm5, mm6] = LAB_IKEV1.mainMode;
    let round = draft.nextRound();
    put(round, { ...mm, id: 'mm1', from: i, name: 'Main Mode 1', payloads: 'HDR, SA, V, V, V, V, V (vendor IDs incl. NAT-T, RFC 3947 §3.1)', after: [], isakmp: ike(mm1), basis: measuredIn(run) });
    put(round, { ...mm, id: 'mm2', from: r, name: 'Main Mode 2', payloads: 'HDR, SA, V, V, V, V (vendor IDs incl. NAT-T)', after: ['mm1'], isakmp: ike(mm2), basis: measuredIn(run) });
    round = draft.nextRound();
    put(round, { ...mm, id: 'mm3', from: i, name: 'Main Mode 3', payloads: 'HDR, KE, Ni, NAT-D, NAT-D', after: ['mm2'], isakmp: ike(mm3 + keDelta), basis: withGroup });
    put(round, { ...mm, id: 'mm4', from: r, name: 'Main Mode 4', payloads: 'HDR, KE, Nr, NAT-D, NAT-D', after: ['mm3'], processingMs: half, isakmp: ike(mm4 + keDelta), basis: withGroup });
    round = draft.nextRound();
    put(round, { ...mm, id: 'mm5', from: i, name: 'Main Mode 5', payloads: 'HDR*, IDii, HASH_I, N(INITIAL_CONTACT)', after: ['mm4'], isakmp: ike(mm5, floated), basis: sameWire(true) });
    put(round, { ...mm, id: 'mm6', from: r, name: 'Main Mode 6', payloads: 'HDR*, IDir, HASH_R', after: ['mm5'], processingMs: half, isakmp: ike(mm6, floated), basis: sameWire(true) });
    lastPhase1 = 'mm6';
  } else {
    // RFC 2409 §5.4: the Main Mode payloads in three messages, NAT-D in the second and third (RFC 3947 §3.2).
    const am = { layer: 'IKEv1' as const, exchange: 'Aggressive Mode', rfc: 'RFC 2409 §5.4', timer: 'ike' as const };
    const keBytes = KE_PAYLOAD_BYTES + keDelta;
    const am1 = ISAKMP_HEADER_BYTES + MM1_BODY + keBytes + NONCE_PAYLOAD_BYTES + ID_FQDN_PAYLOAD_BYTES;
    const am2 = ISAKMP_HEADER_BYTES + MM2_BODY + keBytes + NONCE_PAYLOAD_BYTES + ID_FQDN_PAYLOAD_BYTES + HASH_PAYLOAD_BYTES + NAT_D_PAYLOADS_BYTES;
    const round = draft.nextRound();
    put(round, { ...am, id: 'am1', from: i, name: 'Aggressive Mode 1', payloads: 'HDR, SA, KE, Ni, IDii, vendor IDs (incl. NAT-T)', after: [], isakmp: ike(am1), basis: aggressive });
    put(round, { ...am, id: 'am2', from: r, name: 'Aggressive Mode 2', payloads: 'HDR, SA, KE, Nr, IDir, HASH_R, NAT-D, NAT-D, vendor IDs (incl. NAT-T)', after: ['am1'], processingMs: path.computeMs, isakmp: ike(am2), basis: aggressive });
    quickModeRider = { ...am, id: 'am3', from: i, name: 'Aggressive Mode 3', payloads: 'HDR*, HASH_I, NAT-D, NAT-D', after: ['am2'], isakmp: ike(encryptedIsakmpBytes(HASH_PAYLOAD_BYTES + NAT_D_PAYLOADS_BYTES), floated), basis: aggressive };
    lastPhase1 = 'am2';
  }

  // Phase 2 (Quick Mode); Quick Mode 3 rides with the SCCRQ. Behind a NAT transport mode adds
  // NAT-OA (RFC 3947 §5.2), which the lab's tunnel-mode Quick Mode did not carry.
  const qm = { layer: 'IKEv1' as const, exchange: 'Quick Mode', rfc: 'RFC 2409 §5.5', timer: 'ike' as const };
  const [qm1Bytes, qm2Bytes] = path.nat
    ? [encryptedIsakmpBytes(QUICK_MODE_INNER_BYTES + NAT_OA_PAYLOADS_BYTES), encryptedIsakmpBytes(QUICK_MODE_INNER_BYTES + NAT_OA_PAYLOADS_BYTES)]
    : [LAB_IKEV1.quickMode[0], LAB_IKEV1.quickMode[1]];
  const quickModeBasis = path.nat
    ? estimatedBecause("the lab's tunnel-mode Quick Mode plus NAT-OAi and NAT-OAr, which transport mode behind a NAT adds")
    : sameWire(true);
  const natOa = path.nat ? ', NAT-OAi, NAT-OAr' : '';
  let round = draft.nextRound();
  if (quickModeRider) put(round, quickModeRider);
  const qm1After = quickModeRider ? [quickModeRider.id] : [lastPhase1];
  put(round, { ...qm, id: 'qm1', from: i, name: 'Quick Mode 1', payloads: `HDR*, HASH(1), SA, Ni, IDci, IDcr${natOa}`, after: qm1After, isakmp: ike(qm1Bytes, floated), basis: quickModeBasis });
  put(round, { ...qm, id: 'qm2', from: r, name: 'Quick Mode 2', payloads: `HDR*, HASH(2), SA, Nr, IDci, IDcr${natOa}`, after: ['qm1', ...qm1After], isakmp: ike(qm2Bytes, floated), basis: quickModeBasis });

  // L2TP control connection (the client is the LAC) and incoming call.
  const tunnel = { layer: 'L2TP' as const, exchange: 'Control connection', rfc: 'RFC 2661 §5.1', timer: 'l2tp' as const };
  round = draft.nextRound();
  put(round, { ...qm, timer: 'l2tp', id: 'qm3', from: i, name: 'Quick Mode 3', payloads: 'HDR*, HASH(3)', after: ['qm2'], isakmp: ike(LAB_IKEV1.quickMode[2], floated), basis: sameWire(true) });
  put(round, { ...tunnel, id: 'sccrq', from: i, name: 'SCCRQ', payloads: 'Message Type, Protocol Version, Host Name, Framing Capabilities, Assigned Tunnel ID', after: ['qm3'], l2tpBytes: LAB_L2TP.SCCRQ });
  put(round, { ...tunnel, id: 'sccrp', from: r, name: 'SCCRP', payloads: 'Message Type, Protocol Version, Host Name, Framing Capabilities, Assigned Tunnel ID', after: ['sccrq', 'qm3'], l2tpBytes: LAB_L2TP.SCCRP });
  const call = { layer: 'L2TP' as const, exchange: 'Session', rfc: 'RFC 2661 §5.2.1', timer: 'l2tp' as const };
  round = draft.nextRound();
  put(round, { ...tunnel, id: 'scccn', from: i, name: 'SCCCN', payloads: 'Message Type', after: ['sccrp'], l2tpBytes: LAB_L2TP.SCCCN });
  put(round, { ...call, id: 'icrq', from: i, name: 'ICRQ', payloads: 'Message Type, Assigned Session ID, Call Serial Number', after: ['scccn'], l2tpBytes: LAB_L2TP.ICRQ });
  put(round, { ...call, id: 'icrp', from: r, name: 'ICRP', payloads: 'Message Type, Assigned Session ID', after: ['icrq'], l2tpBytes: LAB_L2TP.ICRP });

  // PPP LCP: both ends send a Configure-Request; ICCN rides with the client's.
  const lcp = { layer: 'PPP' as const, exchange: 'LCP', rfc: 'RFC 1661 §5.1-5.2', timer: 'ppp' as const };
  const serverLcpOptions = LCP_SERVER_OPTIONS_BYTES[options.pppAuth];
  round = draft.nextRound();
  put(round, { ...call, timer: 'ppp', id: 'iccn', from: i, name: 'ICCN', payloads: 'Message Type, Connect Speed, Framing Type', after: ['icrp'], l2tpBytes: LAB_L2TP.ICCN });
  put(null, { ...call, id: 'zlb', from: r, name: 'ZLB acknowledgement', payloads: '(header only)', rfc: 'RFC 2661 §5.8', after: ['iccn'], l2tpBytes: LAB_L2TP.ZLB });
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
