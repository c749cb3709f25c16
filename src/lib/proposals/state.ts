/**
 * The proposal matcher's state and its query string (src/lib/url-state.ts, v=1).
 *
 *   ike, esp     the IKEv2 server's proposals (strongSwan or libreswan syntax, as pasted)
 *   ike1, esp1   the IKEv1 (L2TP/IPsec) server's proposals; empty = no L2TP server
 *   clients      comma-separated client ids (clients.ts); unknown ids are dropped with a notice
 *   ps           Set-VpnConnectionIPsecConfiguration values for windows-ps, comma-separated:
 *                EncryptionMethod,IntegrityCheckMethod,DHGroup,CipherTransformConstants,
 *                AuthenticationTransformConstants,PfsGroup
 *   profile      Apple profile SA parameters for apple-profile, comma-separated: IKE encryption,
 *                integrity, group, child encryption, integrity, group, EnablePFS (0|1)
 * Example: ?v=1&ike=default&esp=default&clients=windows-gui,android-native
 */
import { defineUrlState, text, type StateOf, type UrlStateCodec } from '../url-state';
import {
  APPLE_PROFILE_VALUES,
  CLIENT_IDS,
  DEFAULT_APPLE_PROFILE,
  DEFAULT_CLIENTS,
  DEFAULT_WINDOWS_PS,
  WINDOWS_PS_VALUES,
  type AppleProfileParameters,
  type ClientId,
  type WindowsPsParameters,
} from './clients';

const PROPOSALS_MAX = 2000;

export const PS_KEYS = Object.keys(WINDOWS_PS_VALUES) as (keyof WindowsPsParameters)[];
export const PROFILE_KEYS = Object.keys(DEFAULT_APPLE_PROFILE) as (keyof AppleProfileParameters)[];
const PROFILE_OPTIONS: Record<keyof AppleProfileParameters, readonly string[]> = {
  ikeEncryption: APPLE_PROFILE_VALUES.encryption,
  ikeIntegrity: APPLE_PROFILE_VALUES.integrity,
  ikeGroup: APPLE_PROFILE_VALUES.group,
  childEncryption: APPLE_PROFILE_VALUES.encryption,
  childIntegrity: APPLE_PROFILE_VALUES.integrity,
  childGroup: APPLE_PROFILE_VALUES.group,
  pfs: APPLE_PROFILE_VALUES.pfs,
};
export const PROFILE_VALUE_OPTIONS = PROFILE_OPTIONS;

const FIELDS = {
  ike: text('IKE proposals', 'default', PROPOSALS_MAX),
  esp: text('ESP proposals', 'default', PROPOSALS_MAX),
  ike1: text('IKEv1 proposals', '', PROPOSALS_MAX),
  esp1: text('IKEv1 ESP proposals', '', PROPOSALS_MAX),
  clients: text('clients', DEFAULT_CLIENTS.join(','), 400),
  ps: text('PowerShell values', PS_KEYS.map((k) => DEFAULT_WINDOWS_PS[k]).join(','), 120),
  profile: text('profile values', PROFILE_KEYS.map((k) => DEFAULT_APPLE_PROFILE[k]).join(','), 120),
} as const;

export type ProposalsState = StateOf<typeof FIELDS>;
export type ProposalsField = keyof typeof FIELDS;
export const PROPOSALS_URL_STATE: UrlStateCodec<ProposalsState> = defineUrlState(FIELDS);
export const DEFAULT_PROPOSALS_STATE: ProposalsState = PROPOSALS_URL_STATE.defaults;

export function proposalsQuery(state: ProposalsState): string {
  return PROPOSALS_URL_STATE.encode(state).toString();
}

const KNOWN = new Set<string>(CLIENT_IDS);

/** The chosen client ids in dataset order, and a notice for each id that is not one. */
export function readClients(value: string): { ids: ClientId[]; notices: string[] } {
  const asked = value.split(',').map((s) => s.trim()).filter(Boolean);
  const notices = asked.filter((id) => !KNOWN.has(id)).map((id) => `The client “${id}” is not in the dataset and was left out.`);
  const chosen = new Set(asked);
  return { ids: CLIENT_IDS.filter((id) => chosen.has(id)), notices };
}

function readList<K extends string>(value: string, keys: readonly K[], options: Record<K, readonly string[]>, defaults: Record<K, string>, what: string) {
  const parts = value.split(',').map((s) => s.trim());
  const notices: string[] = [];
  const result = { ...defaults };
  keys.forEach((key, i) => {
    const v = parts[i];
    if (v !== undefined && options[key].includes(v)) result[key] = v;
    else notices.push(`The link’s ${what} value “${v ?? ''}” for ${key} is not one of ${options[key].join(', ')}; using ${defaults[key]}.`);
  });
  return { values: result, notices };
}

export function readPowerShell(value: string): { values: WindowsPsParameters; notices: string[] } {
  const r = readList(value, PS_KEYS, WINDOWS_PS_VALUES as Record<keyof WindowsPsParameters, readonly string[]>, DEFAULT_WINDOWS_PS, 'PowerShell');
  return { values: r.values as WindowsPsParameters, notices: r.notices };
}

export function readProfile(value: string): { values: AppleProfileParameters; notices: string[] } {
  const r = readList(value, PROFILE_KEYS, PROFILE_OPTIONS, DEFAULT_APPLE_PROFILE, 'profile');
  return { values: r.values as AppleProfileParameters, notices: r.notices };
}
