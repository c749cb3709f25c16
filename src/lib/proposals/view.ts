/**
 * What the matcher's page shows, as plain data: the matrix cells and the sentences of each
 * client's detail panel. src/components/proposals only renders these.
 */
import { TRANSFORM_NAMES } from './algorithms';
import { CLIENT_IDS, WINDOWS_PS_VALUES, type AppleProfileParameters, type ClientId, type WindowsPsParameters } from './clients';
import type { ClientVerdict, StageVerdict } from './match';
import { describeAttempt } from './match';
import { SERVER_PRESETS } from './presets';
import { DEFAULT_PROPOSALS_STATE, readClients, type ProposalsState } from './state';
import type { ServerSuggestion } from './suggest';

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


/** The matrix cell's symbol (the legend under the matrix explains them). */
export const CELL_SYMBOL: Record<CellState, string> = { yes: '✓', retry: '✓+', no: '✗', unreached: '–' };

/** Set-VpnConnectionIPsecConfiguration's parameter names (Microsoft's cmdlet reference). */
export const PS_LABELS: Record<keyof WindowsPsParameters, string> = {
  encryptionMethod: '-EncryptionMethod',
  integrityCheckMethod: '-IntegrityCheckMethod',
  dhGroup: '-DHGroup',
  cipherTransformConstants: '-CipherTransformConstants',
  authenticationTransformConstants: '-AuthenticationTransformConstants',
  pfsGroup: '-PfsGroup',
};

/** The Apple profile keys (IKESecurityAssociationParameters, ChildSecurityAssociationParameters, EnablePFS). */
export const PROFILE_LABELS: Record<keyof AppleProfileParameters, string> = {
  ikeEncryption: 'IKE EncryptionAlgorithm',
  ikeIntegrity: 'IKE IntegrityAlgorithm',
  ikeGroup: 'IKE DiffieHellmanGroup',
  childEncryption: 'Child EncryptionAlgorithm',
  childIntegrity: 'Child IntegrityAlgorithm',
  childGroup: 'Child DiffieHellmanGroup',
  pfs: 'EnablePFS',
};

/** The choices of one Set-VpnConnectionIPsecConfiguration parameter. */
export const psOptions = (key: keyof WindowsPsParameters): readonly string[] => WINDOWS_PS_VALUES[key];

/** How a profile value reads in its menu: EnablePFS's 0/1 as No/Yes, the rest as Apple spells them. */
export const profileOptionLabel = (key: keyof AppleProfileParameters, value: string): string =>
  key === 'pfs' ? (value === '1' ? 'Yes' : 'No') : value;

/** The state an island starts from: the defaults, a preset's proposals and a client list when given. */
export function initialProposalsState(preset: string, clients: string): ProposalsState {
  return withPreset({ ...DEFAULT_PROPOSALS_STATE, ...(clients ? { clients } : {}) }, preset);
}

/** The preset whose four proposal fields the state has, '' when the reader's own. */
export function presetOf(state: ProposalsState): string {
  return SERVER_PRESETS.find((p) => p.ike === state.ike && p.esp === state.esp && p.ike1 === state.ike1 && p.esp1 === state.esp1)?.id ?? '';
}

/** The state with a preset's four proposal fields; unchanged for an unknown id. */
export function withPreset(state: ProposalsState, id: string): ProposalsState {
  const p = SERVER_PRESETS.find((x) => x.id === id);
  return p ? { ...state, ike: p.ike, esp: p.esp, ike1: p.ike1, esp1: p.esp1 } : state;
}

/** The state with a client chosen or not, in the dataset's order (unknown ids are dropped). */
export function withClient(state: ProposalsState, id: ClientId, on: boolean): ProposalsState {
  const current = readClients(state.clients).ids;
  const ids = new Set(on ? [...current, id] : current.filter((c) => c !== id));
  return { ...state, clients: CLIENT_IDS.filter((c) => ids.has(c)).join(',') };
}

/** The state with one value of the comma-separated `ps` or `profile` list replaced. */
export function withListValue(state: ProposalsState, field: 'ps' | 'profile', index: number, value: string): ProposalsState {
  const values = state[field].split(',');
  values[index] = value;
  return { ...state, [field]: values.join(',') };
}

/** The suggestion as swanctl.conf lines: `all` with the IKEv1 side when there is one, for the page; without, for the copy button. */
export function suggestionText(s: ServerSuggestion, all: boolean): string {
  const v2 = `proposals = ${s.ike}\nesp_proposals = ${s.esp}`;
  return all && s.ike1 ? `${v2}\n# L2TP/IPsec (IKEv1)\nproposals = ${s.ike1}\nesp_proposals = ${s.esp1}` : v2;
}
