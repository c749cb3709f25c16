/**
 * The totals of both protocols as rows of text, each cell with the raw number it shows so a
 * page (and its tests) can check the text against the model.
 */
import type { HandshakeComparison, ScenarioResult } from '../handshake';
import { formatBytes, formatCount, formatDuration, formatProbability } from './format';

export type TotalKey =
  | 'messages'
  | 'round-trips'
  | 'bytes'
  | 'measured'
  | 'detection'
  | 'zero-loss'
  | 'expected'
  | 'p50'
  | 'p95'
  | 'give-up'
  | 'give-up-after';

export interface TotalCell {
  text: string;
  value: number | null; // null where the model has no number (no simulated run completed)
}

export interface TotalRow {
  key: TotalKey;
  label: string;
  ikev2: TotalCell;
  l2tp: TotalCell;
}

const NO_COMPLETED_RUN = 'no simulated run completed';

function cells(comparison: HandshakeComparison, cell: (scenario: ScenarioResult) => TotalCell): Pick<TotalRow, 'ikev2' | 'l2tp'> {
  return { ikev2: cell(comparison.ikev2), l2tp: cell(comparison.l2tp) };
}

function duration(ms: number | null): TotalCell {
  return ms === null ? { text: NO_COMPLETED_RUN, value: null } : { text: formatDuration(ms), value: ms };
}

export function totalRows(comparison: HandshakeComparison): TotalRow[] {
  const { input } = comparison;
  const lossText = formatProbability(input.loss);
  const rows: TotalRow[] = [
    { key: 'messages', label: 'Messages', ...cells(comparison, (s) => ({ text: formatCount(s.totals.messages), value: s.totals.messages })) },
    { key: 'round-trips', label: 'Round trips', ...cells(comparison, (s) => ({ text: formatCount(s.totals.roundTrips), value: s.totals.roundTrips })) },
    { key: 'bytes', label: 'Bytes on the path (IPv4 packets)', ...cells(comparison, (s) => ({ text: formatBytes(s.totals.ipBytes), value: s.totals.ipBytes })) },
    {
      key: 'measured',
      label: 'Message sizes measured on strongSwan 5.9.8',
      ...cells(comparison, (s) => {
        const measured = s.messages.filter((m) => m.sizeSource === 'measured').length;
        return { text: `${formatCount(measured)} of ${formatCount(s.messages.length)}`, value: measured };
      }),
    },
  ];
  if (input.event === 'network-change') {
    rows.push({ key: 'detection', label: 'Detecting the change (mean)', ...cells(comparison, (s) => duration(s.detection.meanMs)) });
  }
  rows.push(
    { key: 'zero-loss', label: 'Time without loss', ...cells(comparison, (s) => duration(s.totals.zeroLossMs)) },
    { key: 'expected', label: `Expected time at ${lossText} loss`, ...cells(comparison, (s) => duration(s.totals.expectedMs)) },
    { key: 'p50', label: 'Median (simulated)', ...cells(comparison, (s) => duration(s.totals.p50Ms)) },
    { key: 'p95', label: '95th percentile (simulated)', ...cells(comparison, (s) => duration(s.totals.p95Ms)) },
    {
      key: 'give-up',
      label: 'Probability of giving up',
      ...cells(comparison, (s) => ({ text: formatProbability(s.totals.pGiveUp), value: s.totals.pGiveUp })),
    },
    { key: 'give-up-after', label: 'Longest a round trip retries before giving up', ...cells(comparison, (s) => duration(s.totals.giveUpAfterMs)) },
  );
  return rows;
}

/** Above this chance of giving up, an expected time (of the handshakes that complete) would mislead. */
const USUALLY_FAILS = 0.5;

/** One sentence per protocol for the live region: what changed when an input changed. */
export function resultSummary(comparison: HandshakeComparison): string {
  const part = (name: string, s: ScenarioResult) =>
    `${name}: ${formatCount(s.totals.messages)} messages, ${formatCount(s.totals.roundTrips)} round trips, ` +
    (s.totals.pGiveUp > USUALLY_FAILS
      ? `usually fails (gives up after ${formatDuration(s.totals.giveUpAfterMs)} without an answer)`
      : `expected ${formatDuration(s.totals.expectedMs)}`);
  const what = comparison.input.event === 'connect' ? 'Connecting' : 'Recovering from a network change';
  return `${what}. ${part('IKEv2', comparison.ikev2)}. ${part('L2TP/IPsec', comparison.l2tp)}.`;
}

/** The diagram is drawn without loss; with loss, its caption says what loss does to the times. */
export function lossCaption(comparison: HandshakeComparison): string | null {
  const { loss } = comparison.input;
  if (loss === 0) return null;
  const part = (name: string, s: ScenarioResult) =>
    s.totals.pGiveUp > USUALLY_FAILS
      ? `${name} usually fails`
      : `${name} expected ${formatDuration(s.totals.expectedMs)}, 95th percentile ${duration(s.totals.p95Ms).text}`;
  return `At ${formatProbability(loss)} loss: ${part('IKEv2', comparison.ikev2)}; ${part('L2TP/IPsec', comparison.l2tp)}.`;
}
