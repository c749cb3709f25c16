/**
 * The MTU calculator's state and its query-string form (design.md, "Calculator URL contract").
 *
 * Parameters, all written on every encode:
 *   v=1       format version
 *   proto     ikev2 | l2tp | wireguard | openvpn
 *   outer     4 | 6     family of the path
 *   inner     4 | 6     family inside the tunnel
 *   esp       strongSwan ESP proposal (ikev2, l2tp)
 *   encap     none | udp | tcp
 *   mtu       path MTU in bytes
 *   size      inner packet in bytes, IP header included
 *   l2tplen   0 | 1     L2TP Length field (L bit)
 *   l2tpseq   0 | 1     L2TP Ns/Nr fields (S bit)
 *   acfc      0 | 1     PPP address/control field compression
 *   pfc       0 | 1     PPP protocol field compression
 * A choice outside its list falls back to the default with a notice; esp, mtu and size are
 * kept as written and judged by the model, so a bad value stays visible at its field.
 */
import { defineUrlState, choice, text, type StateOf } from '../url-state';

/** Longest proposal accepted from a link: room for a cipher, integrity and several key exchanges. */
const ESP_MAX_LENGTH = 120;
/** Longest number text accepted from a link; the model refuses anything out of range anyway. */
const NUMBER_MAX_LENGTH = 12;

const FIELDS = {
  proto: choice('protocol', ['ikev2', 'l2tp', 'wireguard', 'openvpn'], 'ikev2'),
  outer: choice('outer IP version', ['4', '6'], '4'),
  inner: choice('inner IP version', ['4', '6'], '4'),
  esp: text('ESP proposal', 'aes256gcm16', ESP_MAX_LENGTH),
  encap: choice('encapsulation', ['none', 'udp', 'tcp'], 'udp'),
  mtu: text('path MTU', '1500', NUMBER_MAX_LENGTH),
  size: text('inner packet size', '1400', NUMBER_MAX_LENGTH),
  l2tplen: choice('L2TP Length field', ['0', '1'], '0'),
  l2tpseq: choice('L2TP sequence numbers', ['0', '1'], '0'),
  acfc: choice('PPP ACFC', ['0', '1'], '0'),
  pfc: choice('PPP PFC', ['0', '1'], '0'),
} as const;

/** Encodes and decodes the state; decode never throws (see url-state.ts). */
export const MTU_URL_STATE = defineUrlState(FIELDS);

export type CalculatorState = StateOf<typeof FIELDS>;

/** The names of the form fields, which are also the query parameters. */
export type FormField = keyof typeof FIELDS;

export const FORM_FIELDS = Object.keys(FIELDS) as FormField[];

/** IKEv2 road warrior with AES-GCM over NAT-T on an Ethernet path, 1400-byte packets. */
export const DEFAULT_STATE: CalculatorState = MTU_URL_STATE.defaults;

/** The options of each choice field, for building form controls. */
export const CHOICES = {
  proto: FIELDS.proto.options,
  outer: FIELDS.outer.options,
  inner: FIELDS.inner.options,
  encap: FIELDS.encap.options,
} as const;

/** The query string (without '?') for a state: every field, so a link keeps its meaning. */
export function stateQuery(state: CalculatorState): string {
  return MTU_URL_STATE.encode(state).toString();
}
