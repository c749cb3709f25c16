/**
 * The calculator's form as data, so the island only binds it (as src/lib/timeline/form.ts does
 * for the timeline): field names, encapsulation and header options with byte deltas taken from
 * the overhead model's constants, and which named setup and which path-MTU chip the state matches.
 */
import {
  L2TP_LENGTH_FIELD,
  L2TP_SEQUENCE_FIELDS,
  PPP_ADDRESS_CONTROL,
  PPP_PROTOCOL,
  PPP_PROTOCOL_COMPRESSED,
} from '../overhead/constants';
import { presetById, type Protocol } from '../overhead';
import { encapsulationsFor } from './edits';
import { PATH_MTU_PRESETS, matchingPreset, presetMatches, presetState } from './presets';
import { computeResult } from './result';
import { parseNumberField } from './spec';
import { CHOICES, type CalculatorState, type FormField } from './state';

/** Protocol names for the form's choice and the comparison's rows. */
export const PROTOCOL_NAMES: Readonly<Record<Protocol, string>> = {
  ikev2: 'IKEv2/IPsec',
  l2tp: 'L2TP/IPsec',
  wireguard: 'WireGuard',
  openvpn: 'OpenVPN',
};

/** The name of each field as the form labels it, in form order (errors are listed in this order). */
export const FIELD_NAMES: Readonly<Record<FormField, string>> = {
  proto: 'Protocol',
  outer: 'Path IP version',
  inner: 'Inner IP version',
  esp: 'ESP proposal',
  encap: 'Encapsulation',
  mtu: 'Path MTU',
  size: 'Inner packet size',
  l2tplen: 'L2TP Length field',
  l2tpseq: 'L2TP sequence numbers',
  acfc: 'PPP ACFC',
  pfc: 'PPP PFC',
};

export const FAMILY_FIELDS = [
  { field: 'outer', label: 'Path (outer) IP' },
  { field: 'inner', label: 'Inside the tunnel' },
] as const;

const signed = (bytes: number) => (bytes > 0 ? `+${bytes}` : `−${-bytes}`);

/** The L2TP and PPP header options, each with the bytes it adds or saves (overhead/constants.ts). */
export const HEADER_OPTIONS = [
  { field: 'l2tplen', label: `L2TP Length field (L bit, ${signed(L2TP_LENGTH_FIELD)} bytes)` },
  { field: 'l2tpseq', label: `L2TP sequence numbers Ns/Nr (S bit, ${signed(L2TP_SEQUENCE_FIELDS)})` },
  { field: 'acfc', label: `PPP address/control compression (ACFC, ${signed(-PPP_ADDRESS_CONTROL)})` },
  { field: 'pfc', label: `PPP protocol field compression (PFC, ${signed(PPP_PROTOCOL_COMPRESSED - PPP_PROTOCOL)})` },
] as const;

const ENCAP_NAMES: Record<'esp' | 'other', Record<CalculatorState['encap'], string>> = {
  esp: { none: 'None: ESP as IP protocol 50', udp: 'UDP 4500 (NAT traversal)', tcp: 'TCP (RFC 9329)' },
  other: { none: 'None', udp: 'UDP', tcp: 'TCP' },
};

export const usesEsp = (state: CalculatorState): boolean => state.proto === 'ikev2' || state.proto === 'l2tp';

/** The encapsulation choices for the protocol; one a link asked for that the protocol lacks is kept, marked. */
export function encapsulationOptions(state: CalculatorState): { encap: CalculatorState['encap']; label: string }[] {
  const allowed = encapsulationsFor(state.proto);
  const names = ENCAP_NAMES[usesEsp(state) ? 'esp' : 'other'];
  return CHOICES.encap
    .filter((encap) => allowed.includes(encap) || encap === state.encap)
    .map((encap) => ({ encap, label: allowed.includes(encap) ? names[encap] : `${names[encap]} (not available)` }));
}

/** The setup the select shows: the one the reader chose while the state still matches it, else the first that matches. */
export function presetSelection(chosen: string, state: CalculatorState): string {
  if (chosen !== '' && presetMatches(presetById(chosen), state)) return chosen;
  return matchingPreset(state)?.id ?? '';
}

/** The path-MTU chip that shows as pressed: compared as numbers, so '1500.0' and ' 1500' light Ethernet. */
export function pressedPathMtu(state: CalculatorState): number | null {
  const parsed = parseNumberField('mtu', state.mtu);
  if (!parsed.ok) return null;
  return PATH_MTU_PRESETS.find((preset) => preset.mtu === parsed.value)?.mtu ?? null;
}

/** The errors in form order, for the summary next to the result. */
export function errorList(errors: Partial<Record<FormField, string>>): { field: FormField; name: string; message: string }[] {
  return (Object.keys(FIELD_NAMES) as FormField[]).flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ field, name: FIELD_NAMES[field], message }];
  });
}

/** How long the reader may pause in a number or proposal field before its error shows (usability review #13). */
export const TYPING_PAUSE_MS = 400;

/**
 * Guidance for the common mixed L2TP case, Windows clients with a Linux server: the two ends
 * frame PPP differently, so each setup gives its own MSS; clamping to the smaller one fits both.
 * null unless the protocol is L2TP and both setups compute for this path MTU and proposal.
 */
export function mixedL2tpAdvice(state: CalculatorState): string | null {
  if (state.proto !== 'l2tp') return null;
  // Only the L2TP and PPP framing differs; proposal, families and path are the reader's.
  const mss = (id: 'l2tp-linux' | 'l2tp-windows') => {
    const { l2tplen, l2tpseq, acfc, pfc } = presetState(id, state);
    return computeResult({ ...state, l2tplen, l2tpseq, acfc, pfc }).path?.mss ?? null;
  };
  const linux = mss('l2tp-linux');
  const windows = mss('l2tp-windows');
  if (linux === null || windows === null) return null;
  return (
    `Windows clients with a Linux server: the Linux setup gives an MSS of ${linux}, the Windows client ${windows}. ` +
    `Clamp on the server to the smaller, ${Math.min(linux, windows)}, so packets from both ends fit.`
  );
}
