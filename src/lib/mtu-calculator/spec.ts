/**
 * From form state to the model's input: the TunnelSpec, the path MTU and the inner size.
 * Text is turned into numbers without ever producing NaN; the model judges the numbers and
 * the proposal, and its ModelError is filed under the form field it concerns.
 */
import { ModelError, type TunnelSpec } from '../overhead';
import type { CalculatorState, FormField } from './state';

export type FieldErrors = Partial<Record<FormField, string>>;

/** Form field for each ModelError.field the calculator can provoke. */
const MODEL_FIELD_TO_FORM: Readonly<Record<string, FormField>> = {
  protocol: 'proto',
  outer: 'outer',
  inner: 'inner',
  esp: 'esp',
  encapsulation: 'encap',
  pathMtu: 'mtu',
  // The calculator sets the WireGuard interface MTU from the path MTU.
  wireguardMtu: 'mtu',
  innerBytes: 'size',
  'l2tp.length': 'l2tplen',
  'l2tp.sequence': 'l2tpseq',
  'ppp.acfc': 'acfc',
  'ppp.pfc': 'pfc',
};

/** What each number field holds, for messages about text that is not a number. */
const NUMBER_FIELDS = {
  mtu: { what: 'path MTU', example: '1500' },
  size: { what: 'inner packet size', example: '1400' },
} as const;

/** Plain decimal numbers, signed or with a fraction, so that the model can say why -5 or 1.5 is refused. */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

export type NumberParse = { ok: true; value: number } | { ok: false; message: string };

/** Reads a number field's text; anything that is not a plain decimal number is refused here, by name. */
export function parseNumberField(field: keyof typeof NUMBER_FIELDS, text: string): NumberParse {
  const { what, example } = NUMBER_FIELDS[field];
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter the ${what} in bytes, for example ${example}.` };
  if (!DECIMAL.test(trimmed)) {
    const shown = trimmed.length > 20 ? `${trimmed.slice(0, 17)}...` : trimmed;
    return { ok: false, message: `The ${what} “${shown}” is not a number; enter whole bytes, for example ${example}.` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** The form field an error belongs to; errors the form cannot place go to the protocol field. */
export function formFieldOf(error: unknown): FormField {
  if (error instanceof ModelError) return MODEL_FIELD_TO_FORM[error.field] ?? 'proto';
  return 'proto';
}

/** The model's argument names, as the form labels the fields. */
const READER_WORDS: readonly [RegExp, string][] = [
  [/^pathMtu \([^)]*\)/, 'The path MTU'],
  [/^innerBytes \([^)]*\)/, 'The inner packet size'],
  [/^wireguardMtu \([^)]*\)/, 'The WireGuard interface MTU'],
];

/**
 * A message for the reader from anything thrown (the model always throws ModelError), in the
 * form's words: no argument names such as pathMtu, and "you entered" for the value.
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error) || error.message === '') return 'The calculator could not compute this combination.';
  let text = error.message;
  for (const [pattern, words] of READER_WORDS) text = text.replace(pattern, words);
  return text === error.message ? text : text.replace('; got ', '; you entered ');
}

/**
 * The TunnelSpec the state describes, before the WireGuard interface MTU is known.
 * Choice values are already restricted to their lists by the URL codec.
 */
export function specOf(state: CalculatorState): TunnelSpec {
  const spec: TunnelSpec = {
    protocol: state.proto,
    outer: state.outer === '6' ? 6 : 4,
    inner: state.inner === '6' ? 6 : 4,
    encapsulation: state.encap,
  };
  if (state.proto === 'ikev2' || state.proto === 'l2tp') spec.esp = state.esp;
  if (state.proto === 'l2tp') {
    spec.l2tp = { length: state.l2tplen === '1', sequence: state.l2tpseq === '1' };
    spec.ppp = { acfc: state.acfc === '1', pfc: state.pfc === '1' };
  }
  return spec;
}
