/**
 * The proposal matcher: parsers for pasted strongSwan and libreswan proposals, the client
 * dataset, IKEv2/IKEv1 selection as strongSwan implements it, per-stage verdicts with fixes,
 * and server suggestions. Pure TypeScript; src/components/proposals only renders.
 *
 *   const { state, notices } = PROPOSALS_URL_STATE.decode(location.search);
 *   const run = runMatcher(state);   // { errors, notices, verdicts, ... }, never throws
 */
export { ProposalError } from './errors';
export { TRANSFORM_NAMES, TRANSFORM_TYPES, algorithmName, classify, closestKeywords, type TransformType } from './algorithms';
export { formatProposal, formatProposals, parseProposals, parseStrongswanProposal, type Dialect, type Proposal, type ProposalList, type Protocol } from './parse';
export { STRONGSWAN_DEFAULTS, type StrongswanVersion } from './defaults';
export { selectPair, selectProposal, type Selection } from './select';
export {
  APPLE_PROFILE_VALUES,
  CLIENTS,
  CLIENT_BY_ID,
  CLIENT_IDS,
  DEFAULT_APPLE_PROFILE,
  DEFAULT_CLIENTS,
  DEFAULT_WINDOWS_PS,
  IKEV1_CLIENT_IDS,
  IKEV2_CLIENT_IDS,
  WINDOWS_PS_VALUES,
  appleProfileOffers,
  windowsPsOffers,
  type AppleProfileParameters,
  type ClientId,
  type ClientOffers,
  type ClientProfile,
  type Confidence,
  type WindowsPsParameters,
} from './clients';
export { describeAttempt, matchClient, matchClients, type Attempt, type ClientVerdict, type ServerProposals, type StageId, type StageVerdict } from './match';
export { suggestServerProposals, type ServerSuggestion } from './suggest';
export { SERVER_PRESETS, type ServerPreset } from './presets';
export {
  DEFAULT_PROPOSALS_STATE,
  PROFILE_KEYS,
  PROFILE_VALUE_OPTIONS,
  PROPOSALS_URL_STATE,
  PS_KEYS,
  proposalsQuery,
  readClients,
  type ProposalsField,
  type ProposalsState,
} from './state';
export { mtuQueryFor, runMatcher, timelineQueryFor, type FieldError, type MatcherRun } from './run';
export {
  CELL_SYMBOL,
  PROFILE_LABELS,
  PS_LABELS,
  firstFailure,
  initialProposalsState,
  matrixCells,
  presetOf,
  profileOptionLabel,
  psOptions,
  stageDetails,
  suggestionText,
  verdictSummary,
  withClient,
  withListValue,
  withPreset,
  type CellState,
  type MatrixCell,
  type StageDetail,
} from './view';
