/**
 * From the page's state (text as typed) to verdicts, or the reasons a field cannot be read,
 * each tied to its form field. Never throws for any state.
 */
import { appleProfileOffers, windowsPsOffers, type ClientId, type ClientOffers } from './clients';
import { ProposalError } from './errors';
import { matchClients, type ClientVerdict, type ServerProposals } from './match';
import { parseProposals, type Dialect, type Proposal, type Protocol } from './parse';
import { readClients, readPowerShell, readProfile, type ProposalsField, type ProposalsState } from './state';

export interface FieldError {
  field: ProposalsField;
  message: string;
  /** The offending token and where it starts in the field, for highlighting. */
  token: string;
  offset: number;
  suggestions: readonly string[];
}

export interface MatcherRun {
  errors: FieldError[];
  /** Parts of the state that were not used (unknown client ids, bad PowerShell values). */
  notices: string[];
  clients: ClientId[];
  verdicts: ClientVerdict[];
  dialects: Partial<Record<ProposalsField, Dialect>>;
}

const TIMELINE_GROUPS: Record<string, string> = {
  modp2048: 'modp2048', modp3072: 'modp3072', modp4096: 'modp4096', ecp256: 'ecp256', ecp384: 'ecp384', curve25519: 'x25519', curve448: 'x448',
};

/** Query for the handshake timeline with the group the server asked for, when the timeline knows it. */
export function timelineQueryFor(group: string): string {
  const ke = TIMELINE_GROUPS[group];
  return ke ? `v=1&ke=${ke}` : 'v=1';
}

/** Query for the MTU calculator with a negotiated ESP proposal. */
export function mtuQueryFor(esp: string): string {
  return new URLSearchParams({ v: '1', proto: 'ikev2', esp }).toString();
}

export function runMatcher(state: ProposalsState): MatcherRun {
  const errors: FieldError[] = [];
  const dialects: MatcherRun['dialects'] = {};
  const parse = (field: ProposalsField, protocol: Protocol, optional: boolean): readonly Proposal[] | null => {
    const value = state[field];
    if (optional && value.trim() === '') return null;
    try {
      const list = parseProposals(value, protocol, { field });
      dialects[field] = list.dialect;
      return list.proposals;
    } catch (error) {
      if (!(error instanceof ProposalError)) throw error;
      errors.push({ field, message: error.message, token: error.token, offset: error.offset, suggestions: error.suggestions });
      return null;
    }
  };
  const ike = parse('ike', 'ike', false);
  const esp = parse('esp', 'esp', false);
  const ike1 = parse('ike1', 'ike', true);
  const esp1 = parse('esp1', 'esp', true);
  if ((ike1 === null) !== (esp1 === null) && !errors.some((e) => e.field === 'ike1' || e.field === 'esp1')) {
    const field = ike1 === null ? 'ike1' : 'esp1';
    errors.push({ field, message: 'An L2TP/IPsec server needs both IKEv1 and ESP proposals; fill in both or leave both empty.', token: '', offset: 0, suggestions: [] });
  }

  const { ids, notices } = readClients(state.clients);
  const overrides: Partial<Record<ClientId, ClientOffers>> = {};
  if (ids.includes('windows-ps')) {
    const ps = readPowerShell(state.ps);
    notices.push(...ps.notices);
    const offers = windowsPsOffers(ps.values);
    if ('error' in offers) errors.push({ field: 'ps', message: offers.message, token: '', offset: 0, suggestions: [] });
    else overrides['windows-ps'] = offers;
  }
  if (ids.includes('apple-profile')) {
    const profile = readProfile(state.profile);
    notices.push(...profile.notices);
    overrides['apple-profile'] = appleProfileOffers(profile.values);
  }
  if (errors.length > 0 || !ike || !esp) return { errors, notices, clients: ids, verdicts: [], dialects };
  const server: ServerProposals = { ike, esp, ike1, esp1 };
  return { errors, notices, clients: ids, verdicts: matchClients(server, ids, overrides), dialects };
}
