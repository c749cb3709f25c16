/**
 * The timeline's form as data: which controls each group shows for a state, with their labels,
 * hints and option names. The full tool shows every control that can change the result; the
 * compact embed shows the path and the few choices its chapter is about.
 */
import { DEFAULT_HANDSHAKE_INPUT } from '../handshake';
import { formatDuration } from './format';
import { DEFAULT_TIMELINE_STATE, TIMELINE_CHOICES, fieldMatters } from './state';
import type { TimelineField, TimelineState } from './state';

export interface ChoiceOption {
  value: string;
  label: string;
}

export type FormControl =
  | { kind: 'radio'; name: 'event'; options: ChoiceOption[] }
  | { kind: 'number'; name: 'rtt' | 'loss' | 'chain' | 'cchain'; label: string; unit: string; hint: string }
  | { kind: 'select'; name: TimelineField; label: string; hint: string; options: ChoiceOption[] }
  | { kind: 'flag'; name: 'nat' | 'mobike'; label: string; hint: string };

export interface FormGroup {
  legend: string;
  controls: FormControl[];
  note?: string; // said instead of controls the compact form leaves out
}

const NAMES = {
  event: { connect: 'The client connects', change: 'The client’s network changes (Wi-Fi to mobile data)' },
  auth: {
    psk: 'Pre-shared key',
    cert: 'Certificates on both sides',
    'eap-mschapv2': 'EAP-MSCHAPv2 (user name and password)',
    'eap-tls': 'EAP-TLS (client certificate)',
  },
  ke: {
    modp2048: 'MODP-2048 (group 14)',
    modp3072: 'MODP-3072 (group 15)',
    modp4096: 'MODP-4096 (group 16)',
    ecp256: 'ECP-256 (group 19)',
    ecp384: 'ECP-384 (group 20)',
    x25519: 'Curve25519 (group 31)',
    x448: 'Curve448 (group 32)',
  },
  pq: { none: 'None', mlkem512: 'ML-KEM-512', mlkem768: 'ML-KEM-768', mlkem1024: 'ML-KEM-1024' },
  detect: { event: 'The client sees its address change', dpd: 'Dead-peer detection times out' },
  l2detect: { event: 'The client sees its address change', lcp: 'PPP LCP echoes time out' },
  mode: { main: 'Main Mode (6 messages)', aggressive: 'Aggressive Mode (3 messages)' },
  l2auth: { mschapv2: 'MS-CHAPv2', chap: 'CHAP (MD5)', pap: 'PAP' },
} as const;

type Named = keyof typeof NAMES;

function options(name: Named): ChoiceOption[] {
  const names: Record<string, string> = NAMES[name];
  return TIMELINE_CHOICES[name].map((value) => ({ value, label: names[value] ?? value }));
}

function select(name: Exclude<Named, 'event'>, label: string, hint: string): FormControl {
  return { kind: 'select', name, label, hint, options: options(name) };
}

const { detection } = DEFAULT_HANDSHAKE_INPUT;

/** Each detection hint describes the option that is selected. */
const DETECTION_HINTS = {
  detect: {
    event: `strongSwan reacts ${formatDuration(detection.roamDelayMs)} after the address event.`,
    dpd: `No address event: a liveness check every ${formatDuration(detection.dpdDelayMs)} until DPD gives up.`,
  },
  l2detect: {
    event: `Recovery starts ${formatDuration(detection.roamDelayMs)} after the address event, as for IKEv2.`,
    lcp: `pppd gives up after ${detection.lcpEchoFailures} missed echoes, ${formatDuration(detection.lcpEchoIntervalMs)} apart (hwdsl2 setup).`,
  },
} as const satisfies { detect: Record<TimelineState['detect'], string>; l2detect: Record<TimelineState['l2detect'], string> };

export function formGroups(state: TimelineState, compact: boolean): FormGroup[] {
  const full = !compact;
  const change = state.event === 'change';
  const when = (condition: boolean, control: FormControl): FormControl[] => (condition ? [control] : []);
  const groups: FormGroup[] = [];
  if (full) groups.push({ legend: 'What happens', controls: [{ kind: 'radio', name: 'event', options: options('event') }] });
  groups.push(
    {
      legend: 'Path',
      controls: [
        { kind: 'number', name: 'rtt', label: 'Round-trip time', unit: 'ms', hint: 'Ping time to the gateway, 0 to 10,000 ms.' },
        { kind: 'number', name: 'loss', label: 'Packet loss', unit: '%', hint: 'Each packet, each way, below 100 %.' },
        ...when(full, { kind: 'flag', name: 'nat', label: 'NAT between client and gateway', hint: 'IKE and ESP move to UDP 4500.' }),
      ],
    },
    {
      legend: 'IKEv2',
      controls: [
        ...when(full || !change, select('auth', 'Authentication', 'EAP adds IKE_AUTH round trips (RFC 7296 §2.16).')),
        ...when(full && fieldMatters('chain', state), {
          kind: 'number',
          name: 'chain',
          label: 'Gateway certificate chain',
          unit: 'bytes',
          hint: `DER bytes the gateway sends; ${DEFAULT_TIMELINE_STATE.chain} is the lab's RSA-2048 certificate (sizes measured).`,
        }),
        ...when(full && fieldMatters('cchain', state), {
          kind: 'number',
          name: 'cchain',
          label: 'Client certificate',
          unit: 'bytes',
          hint: `DER bytes the client sends; ${DEFAULT_TIMELINE_STATE.cchain} is the lab's RSA-2048 certificate.`,
        }),
        ...when(full, select('ke', 'Key exchange (both protocols)', 'Sizes measured for groups 14, 15, 19 and 31.')),
        ...when(full, select('pq', 'Additional key exchange', 'IKE_INTERMEDIATE, RFC 9242 and RFC 9370.')),
        ...when(full || change, { kind: 'flag', name: 'mobike', label: 'MOBIKE', hint: 'Both peers support RFC 4555 (strongSwan default).' }),
        ...when(change, select('detect', 'The client notices the change', DETECTION_HINTS.detect[state.detect])),
      ],
    },
    {
      legend: 'L2TP/IPsec',
      controls: [
        ...when(full, select('mode', 'IKEv1 phase 1', 'Pre-shared key, then Quick Mode (RFC 2409).')),
        ...when(full, select('l2auth', 'PPP authentication', 'Inside PPP, after LCP.')),
        ...when(change, select('l2detect', 'The client notices the change', DETECTION_HINTS.l2detect[state.l2detect])),
      ],
      ...(full || change ? {} : { note: `${NAMES.mode[state.mode]}, ${NAMES.l2auth[state.l2auth]}; more choices in the full tool.` }),
    },
  );
  return groups;
}
