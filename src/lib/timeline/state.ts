/**
 * The handshake timeline's state and its query-string form.
 *
 * Parameters, all written on every encode (src/lib/url-state.ts):
 *   v=1        format version
 *   event      connect | change       what starts the handshake: the user connects, or the
 *                                     client's network changes under an established tunnel
 *   rtt        round-trip time between client and gateway in ms (0 to 10000)
 *   loss       packet loss in percent, each direction, independently (0 to below 100)
 *   auth       psk | cert | eap-mschapv2 | eap-tls     IKEv2 authentication
 *   chain      bytes of the certificate chain the gateway sends (DER; cert and EAP methods)
 *   cchain     bytes of the certificate(s) the client sends (DER; cert and eap-tls)
 *   ke         modp2048 | modp3072 | modp4096 | ecp256 | ecp384 | x25519 | x448   key exchange
 *   pq         none | mlkem512 | mlkem768 | mlkem1024   additional IKEv2 key exchange
 *                                     (IKE_INTERMEDIATE, RFC 9242/9370)
 *   nat        0 | 1                  a NAT between client and gateway
 *   mobike     0 | 1                  both IKEv2 peers support MOBIKE (RFC 4555)
 *   detect     event | dpd            how the IKEv2 client notices a network change: an
 *                                     address event from the OS, or a failed liveness check
 *   l2detect   event | lcp            how the L2TP client notices it: an address event, or
 *                                     PPP LCP echo requests going unanswered
 *   mode       main | aggressive      IKEv1 phase 1 of L2TP/IPsec
 *   l2auth     mschapv2 | chap | pap  PPP authentication of L2TP/IPsec
 * Example: ?v=1&event=change&rtt=80&loss=1&mobike=1&detect=event&l2detect=lcp
 *
 * A choice outside its list falls back to its default with a notice; rtt, loss, chain and
 * cchain are kept as written and judged when the timeline is computed, so a bad value stays
 * visible at its field with the reason.
 */
import { choice, defineUrlState, text, type StateOf, type UrlStateCodec } from '../url-state';
import { DEFAULT_HANDSHAKE_INPUT, KEY_EXCHANGES, PHASE1_MODES, POST_QUANTUM_KEMS, PPP_AUTHS } from '../handshake';

/** Longest number text accepted from a link; anything longer is not a sensible value. */
const NUMBER_MAX_LENGTH = 12;

const FIELDS = {
  event: choice('event', ['connect', 'change'], 'connect'),
  rtt: text('round-trip time', String(DEFAULT_HANDSHAKE_INPUT.rttMs), NUMBER_MAX_LENGTH),
  loss: text('packet loss', String(DEFAULT_HANDSHAKE_INPUT.loss * 100), NUMBER_MAX_LENGTH),
  auth: choice('IKEv2 authentication', ['psk', 'cert', 'eap-mschapv2', 'eap-tls'], 'psk'),
  chain: text('gateway certificate chain', String(DEFAULT_HANDSHAKE_INPUT.ikev2.responderCertificateBytes), NUMBER_MAX_LENGTH),
  cchain: text('client certificate', String(DEFAULT_HANDSHAKE_INPUT.ikev2.initiatorCertificateBytes), NUMBER_MAX_LENGTH),
  ke: choice('key exchange', KEY_EXCHANGES, DEFAULT_HANDSHAKE_INPUT.keyExchange),
  pq: choice('additional key exchange', POST_QUANTUM_KEMS, DEFAULT_HANDSHAKE_INPUT.ikev2.postQuantum),
  nat: choice('NAT', ['0', '1'], DEFAULT_HANDSHAKE_INPUT.nat ? '1' : '0'),
  mobike: choice('MOBIKE', ['0', '1'], DEFAULT_HANDSHAKE_INPUT.ikev2.mobike ? '1' : '0'),
  detect: choice('IKEv2 detection', ['event', 'dpd'], 'event'),
  l2detect: choice('L2TP detection', ['event', 'lcp'], 'event'),
  mode: choice('IKEv1 mode', PHASE1_MODES, DEFAULT_HANDSHAKE_INPUT.l2tp.phase1),
  l2auth: choice('PPP authentication', PPP_AUTHS, DEFAULT_HANDSHAKE_INPUT.l2tp.pppAuth),
} as const;

export type TimelineState = StateOf<typeof FIELDS>;

/** Encodes and decodes the state; decode never throws (see url-state.ts). */
export const TIMELINE_URL_STATE: UrlStateCodec<TimelineState> = defineUrlState(FIELDS);

/** The names of the form fields, which are also the query parameters. */
export type TimelineField = keyof typeof FIELDS;

export const TIMELINE_FIELDS = Object.keys(FIELDS) as TimelineField[];

/** A first connection with the model's defaults (strongSwan PSK, 50 ms, no loss, behind a NAT). */
export const DEFAULT_TIMELINE_STATE: TimelineState = TIMELINE_URL_STATE.defaults;

/** The options of each choice field, for building form controls. */
export const TIMELINE_CHOICES = {
  event: FIELDS.event.options,
  auth: FIELDS.auth.options,
  ke: FIELDS.ke.options,
  pq: FIELDS.pq.options,
  nat: FIELDS.nat.options,
  mobike: FIELDS.mobike.options,
  detect: FIELDS.detect.options,
  l2detect: FIELDS.l2detect.options,
  mode: FIELDS.mode.options,
  l2auth: FIELDS.l2auth.options,
} as const;

/** The query string (without '?') for a state: every field, so a link keeps its meaning. */
export function timelineQuery(state: TimelineState): string {
  return TIMELINE_URL_STATE.encode(state).toString();
}

/**
 * Whether a field can change the result for this state, so a form can hide what does not apply
 * (the value is kept and still written to the link). Exact: a unit test changes every field
 * this calls irrelevant and checks that the timeline stays the same.
 */
export function fieldMatters(field: TimelineField, state: TimelineState): boolean {
  // With MOBIKE, a network change noticed by an address event keeps the IKE SA: no new
  // IKE_SA_INIT or IKE_AUTH, so IKEv2 sends no certificate and no key exchange (the method
  // still names the scenario, so 'auth' always matters).
  const ikev2Rekeys = state.event === 'connect' || state.detect === 'dpd' || state.mobike === '0';
  switch (field) {
    case 'pq':
      return ikev2Rekeys;
    case 'chain':
      return ikev2Rekeys && state.auth !== 'psk'; // every other method has the gateway send its certificate
    case 'cchain':
      return ikev2Rekeys && (state.auth === 'cert' || state.auth === 'eap-tls');
    case 'mobike':
      // Besides the update itself, MOBIKE adds its notifies to IKE_AUTH and moves IKE to port
      // 4500 even without a NAT (strongSwan swanctl.opt mobike).
      return true;
    case 'detect':
    case 'l2detect':
      return state.event === 'change';
    default:
      return true;
  }
}
