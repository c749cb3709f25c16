/**
 * Per client and stage: will the crypto negotiation succeed, with which proposal, and what is
 * the smallest change that makes a failing stage pass. strongSwan plays the server: it prefers
 * its own proposal order as responder (select.ts), answers a KE payload of another group with
 * INVALID_KE_PAYLOAD asking for the selected one (ike_init.c build_r), and when it starts an
 * IKE_SA rekey it reuses the group it negotiated before (ike_init.c, prefer_previous_dh_group).
 * A client answering the server's rekey is modelled the same way, preferring its own order.
 *
 * IKEv2 stages (RFC 7296): IKE_SA_INIT; the first CHILD_SA in IKE_AUTH, which negotiates no key
 * exchange (§1.2); CHILD_SA rekeys started by either side (§1.3.3), where a key exchange
 * decides; IKE_SA rekeys by either side (§1.3.2). IKEv1 (L2TP/IPsec): Main Mode, Quick Mode
 * (whose key exchange, PFS, is negotiated every time, RFC 2409 §5.5) and the same two again
 * when either side rekeys.
 */
import { TRANSFORM_NAMES, isKeyExchange, strengthOf, TRANSFORM_TYPES, type TransformType } from './algorithms';
import { clientById, type ClientId, type ClientOffers, type ClientProfile } from './clients';
import { formatProposal, parseStrongswanProposal, type Proposal, type Protocol } from './parse';
import { selectProposal, type Selection } from './select';
import { STRONGSWAN_DEFAULTS } from './defaults';

export interface ServerProposals {
  ike: readonly Proposal[];
  esp: readonly Proposal[];
  /** The IKEv1 (L2TP/IPsec) side; null when the server runs no L2TP. */
  ike1: readonly Proposal[] | null;
  esp1: readonly Proposal[] | null;
}

export type StageId = 'ike' | 'child' | 'child-rekey' | 'ike-rekey';

export interface Attempt {
  /** Who sends the proposals. */
  initiator: 'client' | 'server';
  ok: boolean;
  /** The selected proposal in strongSwan syntax. */
  selected: string | null;
  /** The initiator's KE payload named another group than the one selected: one more round trip. */
  invalidKe: { sent: string; requested: string } | null;
  /** When it fails: the transform types with no common algorithm (empty: each overlaps, but never within one proposal). */
  missing: readonly TransformType[];
  /** A reason beyond proposal overlap (a client that refuses the server's key exchange). */
  reason: string | null;
}

export interface StageVerdict {
  stage: StageId;
  /** 'IKE_SA_INIT', 'Main Mode', ... */
  label: string;
  /** False also when an earlier stage failed, so this one is never reached. */
  ok: boolean;
  reached: boolean;
  attempts: readonly Attempt[];
  /** A proposal to append to the server's list that makes this stage pass, in strongSwan syntax. */
  serverFix: { field: 'ike' | 'esp' | 'ike1' | 'esp1'; proposal: string } | null;
  /** A fix that is not a proposal (e.g. leave CHILD_SA rekeys to the client). */
  note: string | null;
}

export interface ClientVerdict {
  client: ClientProfile;
  offers: ClientOffers;
  connect: boolean;
  rekey: boolean;
  stages: readonly StageVerdict[];
  /** The ESP proposal of the first CHILD_SA, for the MTU calculator. */
  esp: string | null;
}

const cache = new Map<string, readonly Proposal[]>();
/** A client's offer list, parsed once (the dataset is fixed; PowerShell and profile values vary little). */
export function offerProposals(text: string, protocol: Protocol): readonly Proposal[] {
  const key = `${protocol}:${text}`;
  let list = cache.get(key);
  if (!list) {
    list = text.trim() === 'default'
      ? parseDefault(protocol)
      : text.split(',').map((p) => parseStrongswanProposal(p, protocol, 'client'));
    cache.set(key, list);
  }
  return list;
}

// Clients that run charon with `default` (the Android app, NetworkManager) use strongSwan 6.0's.
function parseDefault(protocol: Protocol): readonly Proposal[] {
  return STRONGSWAN_DEFAULTS['6.0'][protocol].map((text) => parseStrongswanProposal(text, protocol, 'client'));
}

function firstKe(proposals: readonly Proposal[]): string | null {
  for (const p of proposals) {
    const ke = p.transforms.ke?.find((k) => k !== 'none');
    if (ke) return ke;
  }
  return null;
}

function attempt(initiator: 'client' | 'server', selection: Selection, kePayload: string | null): Attempt {
  if (!selection.ok) return { initiator, ok: false, selected: null, invalidKe: null, missing: selection.missing, reason: null };
  const chosen = selection.selected.transforms.ke?.[0] ?? null;
  const invalidKe = kePayload !== null && chosen !== null && chosen !== kePayload ? { sent: kePayload, requested: chosen } : null;
  return { initiator, ok: true, selected: formatProposal(selection.selected), invalidKe, missing: [], reason: null };
}

/** The strongest single suite in one proposal: per type the strongest algorithm, NONE for an absent ESP key exchange. */
function strongestSuite(p: Proposal, skipKe: boolean): { text: string; score: number[] } {
  const parts: string[] = [];
  const score: number[] = [];
  for (const type of TRANSFORM_TYPES) {
    if (isKeyExchange(type) && skipKe) continue;
    const list = p.transforms[type];
    if (!list || list.length === 0) continue;
    const [best] = [...list].sort((a, b) => rank(type, b) - rank(type, a));
    if (best === undefined) continue;
    if (type === 'esn' && best === 'noesn') continue;
    parts.push(type.length === 3 && type.startsWith('ke') ? `${type}_${best}` : best);
    score.push(rank(type, best));
  }
  return { text: parts.join('-'), score: score.sort((a, b) => a - b) };
}

/** Strength with legacy algorithms always below current ones. */
export function rank(type: TransformType, keyword: string): number {
  const s = strengthOf(type, keyword);
  return (s.legacy ? 0 : 1000) + s.bits;
}

/**
 * The client's strongest suite, as a proposal the server can append: ranked by its weakest
 * algorithm; on a tie the client's own earlier proposal wins (it is the one it prefers).
 */
export function bestSuite(offers: readonly Proposal[], skipKe: boolean): string | null {
  let best: { text: string; weakest: number } | null = null;
  for (const p of offers) {
    const suite = strongestSuite(p, skipKe);
    const weakest = suite.score[0] ?? 0;
    if (!best || weakest > best.weakest) best = { text: suite.text, weakest };
  }
  return best?.text ?? null;
}

function stage(
  id: StageId,
  label: string,
  reached: boolean,
  attempts: Attempt[],
  fix: StageVerdict['serverFix'],
  note: string | null = null,
): StageVerdict {
  return { stage: id, label, ok: reached && attempts.every((a) => a.ok), reached, attempts, serverFix: fix, note };
}

/** A server proposal that would make `passes` true, checked by running it; null when none would. */
function fixFor(
  field: 'ike' | 'esp' | 'ike1' | 'esp1',
  offers: readonly Proposal[],
  protocol: Protocol,
  skipKe: boolean,
  passes: (extra: Proposal) => boolean,
): StageVerdict['serverFix'] {
  const suite = bestSuite(offers, skipKe);
  if (!suite) return null;
  const proposal = parseStrongswanProposal(suite, protocol, field);
  return passes(proposal) ? { field, proposal: suite } : null;
}

function serverKeReason(offers: ClientOffers, server: readonly Proposal[]): string | null {
  return offers.refusesServerKe && firstKe(server) !== null
    ? 'The client refuses a key exchange proposed by the server at a CHILD_SA rekey, even with NONE beside it (error 13816).'
    : null;
}

function matchIkev2(server: ServerProposals, client: ClientProfile, offers: ClientOffers): ClientVerdict {
  const ike = offerProposals(offers.ike, 'ike');
  const esp = offerProposals(offers.esp, 'esp');
  const rekey = offerProposals(offers.espRekey, 'esp');

  const init = attempt('client', selectProposal(server.ike, ike), offers.keGuess);
  const ikeStage = stage('ike', 'IKE_SA_INIT', true, [init], init.ok ? null : fixFor('ike', ike, 'ike', false, (x) => selectProposal([...server.ike, x], ike).ok));

  const child = attempt('client', selectProposal(server.esp, esp, { skipKe: true }), null);
  const childStage = stage(
    'child',
    'First CHILD_SA (IKE_AUTH)',
    init.ok,
    [child],
    child.ok ? null : fixFor('esp', esp, 'esp', true, (x) => selectProposal([...server.esp, x], esp, { skipKe: true }).ok),
  );
  const connected = ikeStage.ok && childStage.ok;

  // CHILD_SA rekey: the client proposes (server prefers its order), then the server proposes (client prefers its order).
  const byClient = attempt('client', selectProposal(server.esp, rekey), firstKe(rekey));
  const byServer = attempt('server', selectProposal(rekey, server.esp), firstKe(server.esp));
  const refusal = serverKeReason(offers, server.esp);
  const byServerChecked: Attempt = refusal ? { ...byServer, ok: false, reason: refusal } : byServer;
  const childRekeyFix = byClient.ok && byServer.ok
    ? null
    : fixFor('esp', rekey, 'esp', false, (x) => {
        const list = [...server.esp, x];
        return selectProposal(list, rekey).ok && selectProposal(rekey, list).ok;
      });
  const childRekey = stage(
    'child-rekey',
    'CHILD_SA rekey',
    connected,
    [byClient, byServerChecked],
    childRekeyFix,
    refusal ? 'Leave CHILD_SA rekeys to the client (strongSwan: rekey_time = 0 for the child) or remove key exchanges from the server’s ESP proposals.' : null,
  );

  // IKE_SA rekey: both sides send the group negotiated before.
  const negotiated = init.ok && init.selected !== null ? (parseStrongswanProposal(init.selected, 'ike').transforms.ke?.[0] ?? null) : null;
  const ikeByClient = attempt('client', selectProposal(server.ike, ike), negotiated);
  const ikeByServer = attempt('server', selectProposal(ike, server.ike), negotiated);
  const ikeRekey = stage('ike-rekey', 'IKE_SA rekey', connected, [ikeByClient, ikeByServer], null);

  const stages = [ikeStage, childStage, childRekey, ikeRekey];
  return {
    client,
    offers,
    connect: connected,
    rekey: connected && childRekey.ok && ikeRekey.ok,
    stages,
    esp: child.ok ? child.selected : null,
  };
}

const NO_L2TP = 'The server has no IKEv1 (L2TP/IPsec) proposals.';

function matchIkev1(server: ServerProposals, client: ClientProfile, offers: ClientOffers): ClientVerdict {
  const ike = offerProposals(offers.ike, 'ike');
  const esp = offerProposals(offers.esp, 'esp');
  if (!server.ike1 || !server.esp1) {
    const none: Attempt = { initiator: 'client', ok: false, selected: null, invalidKe: null, missing: [], reason: NO_L2TP };
    return {
      client,
      offers,
      connect: false,
      rekey: false,
      stages: [stage('ike', 'Main Mode', true, [none], null), stage('child', 'Quick Mode', false, [], null)],
      esp: null,
    };
  }
  const ike1 = server.ike1;
  const esp1 = server.esp1;
  const mm = attempt('client', selectProposal(ike1, ike), null);
  const mmStage = stage('ike', 'Main Mode', true, [mm], mm.ok ? null : fixFor('ike1', ike, 'ike', false, (x) => selectProposal([...ike1, x], ike).ok));
  const qm = attempt('client', selectProposal(esp1, esp), null);
  const qmStage = stage('child', 'Quick Mode', mm.ok, [qm], qm.ok ? null : fixFor('esp1', esp, 'esp', false, (x) => selectProposal([...esp1, x], esp).ok));
  const connected = mmStage.ok && qmStage.ok;
  const qmRekey = stage('child-rekey', 'Quick Mode rekey', connected, [qm, attempt('server', selectProposal(esp, esp1), null)], null);
  const mmRekey = stage('ike-rekey', 'Main Mode rekey', connected, [mm, attempt('server', selectProposal(ike, ike1), null)], null);
  return {
    client,
    offers,
    connect: connected,
    rekey: connected && qmRekey.ok && mmRekey.ok,
    stages: [mmStage, qmStage, qmRekey, mmRekey],
    esp: qm.ok ? qm.selected : null,
  };
}

/** Matches one client; `offers` replaces the dataset's (PowerShell values, profile parameters). */
export function matchClient(server: ServerProposals, client: ClientProfile, offers: ClientOffers = client.offers): ClientVerdict {
  return client.ikeVersion === 1 ? matchIkev1(server, client, offers) : matchIkev2(server, client, offers);
}

export function matchClients(
  server: ServerProposals,
  ids: readonly ClientId[],
  overrides: Partial<Record<ClientId, ClientOffers>> = {},
): ClientVerdict[] {
  return ids.map((id) => matchClient(server, clientById(id), overrides[id]));
}

/** One sentence on an attempt, for the detail panel. */
export function describeAttempt(a: Attempt): string {
  const who = a.initiator === 'client' ? 'Client proposes' : 'Server proposes';
  if (a.ok) {
    const retry = a.invalidKe ? ` The ${a.invalidKe.sent} KE guess costs one INVALID_KE_PAYLOAD round trip (asked for ${a.invalidKe.requested}).` : '';
    return `${who}: ${a.selected}.${retry}`;
  }
  if (a.reason) return `${who}: fails. ${a.reason}`;
  if (a.missing.length === 0) return `${who}: fails. Each algorithm type overlaps somewhere, but no single pair of proposals matches in all of them.`;
  return `${who}: fails (NO_PROPOSAL_CHOSEN). No common ${a.missing.map((t) => TRANSFORM_NAMES[t]).join(', ')}.`;
}
