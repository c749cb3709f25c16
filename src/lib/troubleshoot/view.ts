/**
 * What the troubleshooter's islands show around a diagnosis, as plain text: the code field's
 * verdict, the line counts and each exchange of the log. src/components/troubleshoot only renders.
 */
import type { Diagnosis, Step } from './diagnose';
import { parseWindowsCodeField, type WindowsCode } from './windows';

/** The code field read for display: its row, its error at the field, or neither when empty. */
export function lookupWindowsCode(value: string): { row?: WindowsCode; error?: string } {
  try {
    const row = parseWindowsCodeField(value);
    return row ? { row } : {};
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** '1 line', '12,345 lines'. */
export const lineCount = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'line' : 'lines'}`;

/** The sentence under the verdict: how much of the log was read, and who talked to whom. */
export function diagnosisMeta(d: Diagnosis): string {
  const role = d.role ? `; this host was the ${d.role}` : '';
  const peers = d.local && d.remote ? ` (${d.local} to ${d.remote})` : '';
  return `Read ${lineCount(d.lineCount)}, ${lineCount(d.recognized)} from an IKE daemon${role}${peers}.`;
}

/** One exchange of the log, as the list under the causes reads it. */
export function stepText(step: Step): string {
  const parts = [`Line ${step.n}: ${step.direction === 'out' ? 'sent' : 'received'} ${step.exchange} ${step.kind} ${step.messageId}`];
  if (step.bytes !== undefined) parts.push(`${step.bytes} bytes`);
  if (step.remotePort !== undefined) parts.push(`port ${step.remotePort}`);
  if (step.retransmits > 0) parts.push(`retransmitted ${step.retransmits}×`);
  if (step.direction === 'out' && step.kind === 'request') parts.push(step.answered ? 'answered' : 'not answered');
  return parts.join(', ');
}
