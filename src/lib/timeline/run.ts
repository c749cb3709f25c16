/**
 * From the timeline's state (text as the reader typed it) to the handshake model's overrides,
 * and the model's answer or the reasons it refused, each tied to the form field to fix.
 */
import { HandshakeError, compareHandshakes } from '../handshake';
import type { HandshakeComparison, HandshakeOverrides, Ikev2Auth } from '../handshake';
import { fieldMatters } from './state';
import type { TimelineField, TimelineState } from './state';

export interface FieldError {
  field: TimelineField;
  message: string;
}

export type TimelineRun = { ok: true; comparison: HandshakeComparison } | { ok: false; errors: FieldError[] };

const AUTHS: Record<TimelineState['auth'], Ikev2Auth> = {
  psk: 'psk',
  cert: 'certificate',
  'eap-mschapv2': 'eap-mschapv2',
  'eap-tls': 'eap-tls',
};

/** Plain decimal notation only: '', '1e3', '0x10' and '50ms' are not numbers a reader types. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** What each model field is called on the form, so the model's refusal lands at the right input. */
const MODEL_FIELDS: Record<string, { field: TimelineField; label: string }> = {
  rttMs: { field: 'rtt', label: 'Round-trip time (ms)' },
  loss: { field: 'loss', label: 'Packet loss' },
  'ikev2.responderCertificateBytes': { field: 'chain', label: 'Gateway certificate chain (bytes)' },
  'ikev2.initiatorCertificateBytes': { field: 'cchain', label: 'Client certificate (bytes)' },
};

function parseNumber(raw: string, field: TimelineField, what: string, errors: FieldError[]): number | undefined {
  const trimmed = raw.trim();
  if (!DECIMAL.test(trimmed)) {
    errors.push({ field, message: trimmed === '' ? `Enter ${what}.` : `“${raw}” is not a number: enter ${what}.` });
    return undefined;
  }
  return Number(trimmed);
}

/**
 * The model's overrides for a state, or the fields that cannot be read as numbers. Loss is
 * entered in percent and checked here (below 100), because the model's own range is 0 to 1 and
 * its message would name numbers the reader never typed.
 */
export function toOverrides(state: TimelineState): { overrides: HandshakeOverrides } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rttMs = parseNumber(state.rtt, 'rtt', 'the round-trip time in milliseconds', errors);
  const lossPercent = parseNumber(state.loss, 'loss', 'the loss in percent, for example 1 or 0.5', errors);
  if (lossPercent !== undefined && !(lossPercent >= 0 && lossPercent < 100)) {
    errors.push({ field: 'loss', message: `Packet loss must be at least 0 % and below 100 %, got ${state.loss.trim()} %.` });
  }
  // A certificate size the handshake does not send is not read (the form hides its field).
  const responderCertificateBytes = fieldMatters('chain', state)
    ? parseNumber(state.chain, 'chain', 'the size of the gateway certificate chain in bytes', errors)
    : undefined;
  const initiatorCertificateBytes = fieldMatters('cchain', state)
    ? parseNumber(state.cchain, 'cchain', 'the size of the client certificate in bytes', errors)
    : undefined;
  if (errors.length > 0 || rttMs === undefined || lossPercent === undefined) return { errors };
  return {
    overrides: {
      event: state.event === 'change' ? 'network-change' : 'connect',
      rttMs,
      loss: lossPercent / 100,
      nat: state.nat === '1',
      keyExchange: state.ke,
      ikev2: {
        auth: AUTHS[state.auth],
        postQuantum: state.pq,
        mobike: state.mobike === '1',
        responderCertificateBytes,
        initiatorCertificateBytes,
      },
      l2tp: { phase1: state.mode, pppAuth: state.l2auth },
      detection: {
        ikev2: state.detect === 'dpd' ? 'dpd' : 'address-event',
        l2tp: state.l2detect === 'lcp' ? 'lcp-echo' : 'address-event',
      },
    },
  };
}

/**
 * Runs the model for a state. Never throws for any state: what the model refuses comes back
 * as a field error with the model's reason.
 */
export function runTimeline(state: TimelineState): TimelineRun {
  const mapped = toOverrides(state);
  if ('errors' in mapped) return { ok: false, errors: mapped.errors };
  try {
    return { ok: true, comparison: compareHandshakes(mapped.overrides) };
  } catch (error) {
    if (!(error instanceof HandshakeError)) throw error;
    const known = MODEL_FIELDS[error.field];
    if (known === undefined) throw error; // a field the form does not set: a bug in this mapping, not the reader's
    const reason = error.message.slice(error.field.length + 2); // the model writes 'field: reason'
    return { ok: false, errors: [{ field: known.field, message: `${known.label} ${reason}.` }] };
  }
}
