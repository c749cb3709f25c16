/**
 * What the matcher's page shows, as plain data: the matrix cells and the sentences of each
 * client's detail panel. src/components/proposals only renders these.
 */
import { TRANSFORM_NAMES } from './algorithms';
import type { ClientVerdict, StageVerdict } from './match';
import { describeAttempt } from './match';

export type CellState = 'yes' | 'retry' | 'no' | 'unreached';

export interface MatrixCell {
  stage: StageVerdict['stage'];
  state: CellState;
  /** Text for screen readers and the table without colour. */
  text: string;
}

const STATE_TEXT: Record<CellState, string> = {
  yes: 'matches',
  retry: 'matches after an INVALID_KE_PAYLOAD round trip',
  no: 'fails',
  unreached: 'not reached',
};

function cellState(s: StageVerdict): CellState {
  return !s.reached ? 'unreached' : !s.ok ? 'no' : s.attempts.some((a) => a.invalidKe) ? 'retry' : 'yes';
}

export function matrixCells(verdict: ClientVerdict): MatrixCell[] {
  return verdict.stages.map((s) => {
    const state = cellState(s);
    return { stage: s.stage, state, text: `${s.label}: ${STATE_TEXT[state]}` };
  });
}

export interface StageDetail {
  label: string;
  state: CellState;
  lines: string[];
  serverFix: string | null;
  note: string | null;
  /** The group the server asked for after INVALID_KE_PAYLOAD, for the handshake timeline link. */
  retryGroup: string | null;
}

export function stageDetails(verdict: ClientVerdict): StageDetail[] {
  return verdict.stages.map((s) => ({
    label: s.label,
    state: cellState(s),
    lines: s.reached ? s.attempts.map(describeAttempt) : ['Not reached: an earlier stage fails.'],
    serverFix: s.reached && s.serverFix ? `Add ${s.serverFix.proposal} to the server’s ${FIX_FIELD[s.serverFix.field]}.` : null,
    note: s.reached ? s.note : null,
    retryGroup: s.reached ? (s.attempts.find((a) => a.invalidKe)?.invalidKe?.requested ?? null) : null,
  }));
}

const FIX_FIELD = {
  ike: 'IKE proposals',
  esp: 'ESP proposals',
  ike1: 'IKEv1 proposals',
  esp1: 'IKEv1 ESP proposals',
} as const;

/** One line per client for the summary under the matrix. */
export function verdictSummary(verdicts: readonly ClientVerdict[]): string {
  const through = verdicts.filter((v) => v.rekey).length;
  const connect = verdicts.filter((v) => v.connect).length;
  if (verdicts.length === 0) return 'Choose at least one client.';
  return `${through} of ${verdicts.length} clients are crypto-compatible through rekeys; ${connect} can connect.`;
}

export function firstFailure(verdict: ClientVerdict): string | null {
  const s = verdict.stages.find((x) => x.reached && !x.ok);
  if (!s) return null;
  const a = s.attempts.find((x) => !x.ok);
  if (a === undefined) throw new Error(`The stage "${s.stage}" failed without a failing attempt`);
  if (a.reason) return `${s.label}: ${a.reason}`;
  return a.missing.length > 0 ? `${s.label}: no common ${a.missing.map((t) => TRANSFORM_NAMES[t]).join(', ')}` : `${s.label}: no single proposal matches`;
}

