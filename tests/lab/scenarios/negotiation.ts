/**
 * negotiation: a charon initiator offers exactly one client's proposals, in that client's order,
 * to a charon responder configured as one of six published servers; it connects, then the CHILD_SA
 * and the IKE_SA are rekeyed from each side. Each outcome and selected proposal is compared with
 * the proposal matcher (src/lib/proposals), predicted for strongSwan 5.9's `default`.
 * Clients charon cannot play exactly are listed in `settings.notExpressible` with the reason.
 */
import { tunnelConfigs } from '../configs';
import { type Charon, sleep } from '../harness';
import type { Difference, Scenario } from '../scenario';
import {
  CLIENTS,
  SERVER_PRESETS,
  STRONGSWAN_DEFAULTS,
  formatProposal,
  formatProposals,
  matchClient,
  parseProposals,
  parseStrongswanProposal,
  type ClientProfile,
  type Protocol,
} from '../../../src/lib/proposals';

const SERVERS = ['strongswan-default', 'recommended', 'hardened', 'legacy', 'jawj', 'hwdsl2'];

/** The server's lists in swanctl syntax ('default' kept, ipsec.conf and libreswan lists written out). */
function serverList(text: string, protocol: Protocol): string {
  const bare = text.replace(/^\s*\w+\s*=\s*/, '').trim();
  if (bare === 'default') return 'default';
  return formatProposals(parseProposals(text, protocol, { version: '5.9' }).proposals).replaceAll(', ', ',');
}

/** A client's offer for charon: `default` written out as strongSwan 6.0 builds it, NONE as modpnone (5.9 keyword). */
function clientList(text: string, protocol: Protocol): string {
  const lists = text.trim() === 'default' ? STRONGSWAN_DEFAULTS['6.0'][protocol] : text.split(',').map((s) => s.trim());
  return lists.map((p) => p.replace(/(^|-)none(?=-|$)/g, '$1modpnone')).join(',');
}

function stripKe(list: string): string[] {
  return [...new Set(parseProposals(list === 'default' ? 'default' : list, 'esp').proposals.map((p) => formatProposal({ ...p, transforms: { ...p.transforms, ke: undefined } })))];
}

/** Why charon cannot offer exactly what this client offers; null when it can. */
function notExpressible(c: ClientProfile): string | null {
  if (c.ikeVersion === 1) return 'IKEv1 clients are not run here (L2TP/IPsec needs transport-mode selectors and a separate server).';
  if (c.offers.refusesServerKe) return 'Windows refuses a server-proposed key exchange at CHILD_SA rekeys (error 13816); charon accepts it.';
  const firstKe = parseProposals(c.offers.ike, 'ike').proposals[0]?.transforms.ke?.[0];
  if (firstKe !== c.offers.keGuess) return `charon sends its first group (${firstKe}) where the client guesses ${c.offers.keGuess}.`;
  if (stripKe(c.offers.esp).join() !== stripKe(c.offers.espRekey).join()) return 'charon offers one ESP list; this client offers different lists in IKE_AUTH and at rekeys.';
  return null;
}

const NAMES: [RegExp, string][] = [
  [/^AES_CBC_(\d+)$/, 'aes$1'], [/^AES_CTR_(\d+)$/, 'aes$1ctr'], [/^AES_GCM_(\d+)_(\d+)$/, 'aes$2gcm$1'], [/^AES_CCM_(\d+)_(\d+)$/, 'aes$2ccm$1'],
  [/^CAMELLIA_CBC_(\d+)$/, 'camellia$1'], [/^CAMELLIA_CTR_(\d+)$/, 'camellia$1ctr'], [/^3DES_CBC$/, '3des'], [/^CHACHA20_POLY1305(_256)?$/, 'chacha20poly1305'],
  [/^HMAC_SHA1_96$/, 'sha1'], [/^HMAC_SHA2_(\d+)_\d+$/, 'sha$1'], [/^AES_XCBC_96$/, 'aesxcbc'], [/^AES_CMAC_96$/, 'aescmac'],
  [/^PRF_HMAC_SHA1$/, 'prfsha1'], [/^PRF_HMAC_SHA2_(\d+)$/, 'prfsha$1'], [/^PRF_AES128_XCBC$/, 'prfaesxcbc'], [/^PRF_AES128_CMAC$/, 'prfaescmac'],
  [/^MODP_(\d+)$/, 'modp$1'], [/^ECP_(\d+)$/, 'ecp$1'], [/^ECP_(\d+)_BP$/, 'ecp$1bp'], [/^CURVE_25519$/, 'curve25519'], [/^CURVE_448$/, 'curve448'],
  [/^NO_EXT_SEQ$/, ''], [/^EXT_SEQ$/, 'esn'],
];

/** 'IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048' as the matcher writes it. */
function fromLog(text: string): string {
  const [proto, algs] = text.split(':') as [string, string];
  const keywords = algs.split('/').map((name) => {
    const rule = NAMES.find(([re]) => re.test(name));
    if (!rule) throw new Error(`unknown algorithm name in charon log: ${name}`);
    return name.replace(rule[0], rule[1]);
  });
  return formatProposal(parseStrongswanProposal(keywords.filter(Boolean).join('-'), proto === 'IKE' ? 'ike' : 'esp'));
}

/** Waits until `ok` or `fail` appears in the log after `from`; a timeout counts as a failure. */
async function outcome(charon: Charon, from: number, ok: RegExp, fail: RegExp, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const text = charon.logText().slice(from);
    if (ok.test(text)) return true;
    if (fail.test(text)) return false;
    await sleep(100);
  }
  return false;
}

const CHILD_OK = /CHILD_SA net\{\d+\} established/;
const IKE_OK = /IKE_SA lab\[\d+\] rekeyed/;
const FAILED = /NO_PROPOSAL_CHOSEN|no acceptable proposal|failed to establish CHILD_SA|establishing CHILD_SA failed/;

const scenario: Scenario = {
  name: 'negotiation',
  description: 'charon as each client (its proposals in order) against six published servers: connect, then rekeys from each side',
  async run(ctx) {
    const lab = await ctx.lab();
    const clients = CLIENTS.filter((c) => notExpressible(c) === null);
    const servers = SERVER_PRESETS.filter((s) => SERVERS.includes(s.id));
    const runs = ctx.quick ? servers.slice(0, 2).flatMap((s) => clients.slice(0, 2).map((c) => [s, c] as const)) : servers.flatMap((s) => clients.map((c) => [s, c] as const));
    const records: { id: string; [key: string]: unknown }[] = [];
    const differences: Difference[] = [];
    for (const [i, [srv, client]] of runs.entries()) {
      const id = `${srv.id}/${client.id}`;
      ctx.progress(id, i, runs.length);
      const serverSide = tunnelConfigs({ ike: serverList(srv.ike, 'ike'), esp: serverList(srv.esp, 'esp') }).server;
      const clientSide = tunnelConfigs({ ike: clientList(client.offers.ike, 'ike'), esp: clientList(client.offers.espRekey, 'esp') }).client;
      const server = await lab.charon('server', serverSide);
      const peer = await lab.charon('client', clientSide);
      await server.load();
      await peer.load();
      const connect = await peer.initiate('net', 'lab').then(() => true, () => false);
      const log = server.logText();
      const ike = /selected proposal: (IKE:\S+)/.exec(log)?.[1];
      const esp = /selected proposal: (ESP:\S+)/.exec(log)?.[1];
      const record = {
        id,
        connect,
        ike: connect && ike ? fromLog(ike) : null,
        esp: connect && esp ? fromLog(esp) : null,
        invalidKe: /DH group \S+ unacceptable, requesting/.test(log.split(/selected proposal: ESP/)[0] ?? ''),
        childRekeyByClient: false,
        childRekeyByServer: false,
        ikeRekeyByClient: false,
        ikeRekeyByServer: false,
      };
      if (connect) {
        let from = peer.logText().length;
        await peer.swanctl('--rekey', '--child', 'net').catch(() => undefined);
        record.childRekeyByClient = await outcome(peer, from, CHILD_OK, FAILED);
        from = server.logText().length;
        await server.swanctl('--rekey', '--child', 'net').catch(() => undefined);
        record.childRekeyByServer = await outcome(server, from, CHILD_OK, FAILED);
        from = peer.logText().length;
        await peer.swanctl('--rekey', '--ike', 'lab').catch(() => undefined);
        record.ikeRekeyByClient = await outcome(peer, from, IKE_OK, FAILED);
        from = server.logText().length;
        await server.swanctl('--rekey', '--ike', 'lab').catch(() => undefined);
        record.ikeRekeyByServer = await outcome(server, from, IKE_OK, FAILED);
      }
      await peer.stop();
      await server.stop();
      records.push(record);

      const predicted = matchClient(
        { ike: parseProposals(srv.ike, 'ike', { version: '5.9' }).proposals, esp: parseProposals(srv.esp, 'esp', { version: '5.9' }).proposals, ike1: null, esp1: null },
        client,
      );
      const [ikeStage, , childRekey, ikeRekey] = predicted.stages;
      const expected = {
        connect: predicted.connect,
        ike: predicted.connect ? ikeStage!.attempts[0]!.selected : null,
        esp: predicted.connect ? predicted.esp : null,
        invalidKe: predicted.connect && ikeStage!.attempts[0]!.invalidKe !== null,
        childRekeyByClient: predicted.connect && childRekey!.attempts[0]!.ok,
        childRekeyByServer: predicted.connect && childRekey!.attempts[1]!.ok,
        ikeRekeyByClient: predicted.connect && ikeRekey!.attempts[0]!.ok,
        ikeRekeyByServer: predicted.connect && ikeRekey!.attempts[1]!.ok,
      };
      for (const [key, value] of Object.entries(expected)) {
        const measured = record[key as keyof typeof record];
        if (measured !== value) differences.push({ what: `${id} ${key}`, expected: String(value), measured: String(measured), source: 'src/lib/proposals matchClient' });
      }
    }
    return {
      settings: {
        servers: Object.fromEntries(servers.map((s) => [s.id, { ike: serverList(s.ike, 'ike'), esp: serverList(s.esp, 'esp') }])),
        clients: Object.fromEntries(clients.map((c) => [c.id, { ike: clientList(c.offers.ike, 'ike'), esp: clientList(c.offers.espRekey, 'esp') }])),
        notExpressible: Object.fromEntries(CLIENTS.filter((c) => notExpressible(c) !== null).map((c) => [c.id, notExpressible(c)])),
      },
      records,
      differences,
    };
  },
};
export default scenario;
