/**
 * suggestServerProposals(clients): short, strong server proposal lists that every chosen client
 * can negotiate through rekeys. Each client contributes its strongest suite (match.ts
 * bestSuite); suites are merged into at most one AEAD and one classic proposal per list, every
 * type ordered strongest first, so the server (which prefers its own order) picks the strongest
 * algorithm each client has. Legacy algorithms appear only when a client's strongest suite
 * needs them and are reported with those clients. The result is checked by running the matcher.
 */
import { TRANSFORM_TYPES, strengthOf, type TransformType } from './algorithms';
import { clientById, type ClientId, type ClientOffers } from './clients';
import { bestSuite, matchClients, offerProposals, rank, type ServerProposals } from './match';
import { formatProposal, parseStrongswanProposal, type Proposal, type Protocol } from './parse';

export interface ServerSuggestion {
  ike: string;
  esp: string;
  /** The IKEv1 side, when L2TP clients are chosen. */
  ike1: string | null;
  esp1: string | null;
  /** Each legacy algorithm in the suggestion and the clients that force it. */
  legacy: { algorithm: string; clients: ClientId[] }[];
  /** Clients the suggestion still does not serve through rekeys, with the first failing stage. */
  unserved: { client: ClientId; stage: string }[];
  notes: string[];
}

function merge(suites: readonly Proposal[], protocol: Protocol): Proposal[] {
  const groups = new Map<string, Proposal[]>();
  for (const s of suites) {
    const key = s.transforms.integ ? 'classic' : 'aead';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const merged: Proposal[] = [];
  for (const key of ['aead', 'classic']) {
    const members = groups.get(key);
    if (!members) continue;
    const transforms: Partial<Record<TransformType, string[]>> = {};
    for (const type of TRANSFORM_TYPES) {
      const all = [...new Set(members.flatMap((m) => m.transforms[type] ?? []))];
      if (all.length === 0) continue;
      transforms[type] = all.sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : rank(type, b) - rank(type, a)));
    }
    merged.push({ protocol, transforms });
  }
  return merged;
}

function suites(ids: readonly ClientId[], offersOf: (id: ClientId) => ClientOffers, pick: (o: ClientOffers) => string, protocol: Protocol, skipKe: boolean) {
  return ids.map((id) => {
    const text = bestSuite(offerProposals(pick(offersOf(id)), protocol), skipKe);
    if (text === null) throw new Error(`The client "${id}" offers no ${protocol} proposal`);
    return { id, proposal: parseStrongswanProposal(text, protocol) };
  });
}

export function suggestServerProposals(
  ids: readonly ClientId[],
  overrides: Partial<Record<ClientId, ClientOffers>> = {},
): ServerSuggestion {
  const offersOf = (id: ClientId): ClientOffers => overrides[id] ?? clientById(id).offers;
  const v2 = ids.filter((id) => clientById(id).ikeVersion === 2);
  const v1 = ids.filter((id) => clientById(id).ikeVersion === 1);
  const notes: string[] = [];

  const ikeSuites = suites(v2, offersOf, (o) => o.ike, 'ike', false);
  const espSuites = suites(v2, offersOf, (o) => o.esp, 'esp', true);
  // Clients whose every rekey proposal carries a key exchange (PFS configured) need it offered.
  const pfsGroups = v2.flatMap((id) => {
    const kes = offerProposals(offersOf(id).espRekey, 'esp').map((p) => p.transforms.ke ?? []);
    const first = kes[0]?.[0];
    return first !== undefined && kes.every((ke) => ke.length > 0 && !ke.includes('none')) ? [first] : [];
  });
  let esp = merge(espSuites.map((s) => s.proposal), 'esp');
  if (pfsGroups.length > 0) {
    const groups = [...new Set(pfsGroups)].sort((a, b) => rank('ke', b) - rank('ke', a));
    esp = esp.map((p) => ({ ...p, transforms: { ...p.transforms, ke: [...groups, 'none'] } }));
    if (v2.some((id) => offersOf(id).refusesServerKe)) {
      notes.push('Some clients want PFS and Windows refuses a key exchange from the server: let clients start CHILD_SA rekeys (strongSwan: rekey_time = 0 for the child).');
    }
  }
  const ike1Suites = suites(v1, offersOf, (o) => o.ike, 'ike', false);
  const esp1Suites = suites(v1, offersOf, (o) => o.esp, 'esp', false);

  const server: ServerProposals = {
    ike: merge(ikeSuites.map((s) => s.proposal), 'ike'),
    esp,
    ike1: v1.length > 0 ? merge(ike1Suites.map((s) => s.proposal), 'ike') : null,
    esp1: v1.length > 0 ? merge(esp1Suites.map((s) => s.proposal), 'esp') : null,
  };

  const legacy = new Map<string, Set<ClientId>>();
  for (const { id, proposal } of [...ikeSuites, ...espSuites, ...ike1Suites, ...esp1Suites]) {
    for (const type of TRANSFORM_TYPES) {
      for (const alg of proposal.transforms[type] ?? []) {
        if (strengthOf(type, alg).legacy) legacy.set(alg, (legacy.get(alg) ?? new Set()).add(id));
      }
    }
  }
  const unserved = matchClients(server, ids, overrides)
    .filter((v) => !v.rekey)
    .map((v) => ({ client: v.client.id, stage: v.stages.find((s) => !s.ok)?.label ?? '' }));

  const list = (ps: readonly Proposal[] | null) => (ps && ps.length > 0 ? ps.map(formatProposal).join(',') : null);
  return {
    ike: list(server.ike) ?? '',
    esp: list(server.esp) ?? '',
    ike1: list(server.ike1),
    esp1: list(server.esp1),
    legacy: [...legacy].map(([algorithm, clients]) => ({ algorithm, clients: [...clients] })),
    unserved,
    notes,
  };
}
