/**
 * Real libreswan pluto logs for the troubleshooter (issue 15): pluto against pluto, one fault per
 * case, both sides, committed under results/logs/pluto-<case>/<side>.log and diagnosed by
 * src/lib/troubleshoot like the charon logs of the `logs` scenario (expected causes, written by
 * reading the logs, in results/logs/expected-pluto.json).
 *
 * The logs are pluto's file log without timestamps (logtime=no); paths, SPIs and state ages still
 * change between runs, so a fixture is rewritten only when its connection lines differ with every
 * number masked. The client makes one attempt (keyingtries=1, rekey=no), so each log has a fixed
 * length. This kernel has no ESP: pluto establishes the IKE SA and then fails to
 * install the Child SA, which is as far as a "successful" case gets here.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADDR, sleep } from '../harness';
import { findLibreswan, startPluto, type Pluto } from '../libreswan';
import type { Difference, Scenario } from '../scenario';
import { diagnoseLog } from '../../../src/lib/troubleshoot';

const RESULTS = join(import.meta.dirname, '..', 'results', 'logs');

interface Case {
  /** ike= of client and server (ipsec.conf(5) syntax). */
  ike?: [client: string, server: string];
  esp?: [client: string, server: string];
  clientPsk?: string;
  /** nftables rule in the server namespace's input chain. */
  drop?: string;
}

const CASES: Record<string, Case> = {
  success: {},
  'ike-proposal': { ike: ['aes128-sha1;modp2048', 'aes_gcm256-sha2_384;dh20'] },
  'esp-proposal': { esp: ['aes128-sha1', 'aes_gcm256'] },
  'wrong-psk': { clientPsk: 'lab-secret-number-two' },
  'drop-500': { drop: 'udp dport 500 drop' },
};

const PSK = 'lab-secret-number-one'; // longer than the PRF output, so pluto warns about nothing else

function conn(c: Case, side: 'client' | 'server'): string {
  const [me, peer] = side === 'client' ? [ADDR.client[4], ADDR.server[4]] : [ADDR.server[4], ADDR.client[4]];
  const [myNet, peerNet] = side === 'client' ? [ADDR.clientInner[4], ADDR.serverInner[4]] : [ADDR.serverInner[4], ADDR.clientInner[4]];
  const i = side === 'client' ? 0 : 1;
  return `conn lab
\tikev2=yes
\tauthby=secret
\tleft=${me}
\tleftid=@${side}.example.org
\tleftsubnet=${myNet}/32
\tright=${peer}
\trightid=@${side === 'client' ? 'server' : 'client'}.example.org
\trightsubnet=${peerNet}/32
\tike=${c.ike?.[i] ?? 'aes256-sha2_256;modp2048'}
\tesp=${c.esp?.[i] ?? 'aes256-sha2_256'}
\tretransmit-timeout=4s
\tauto=add
${side === 'client' ? '\tkeyingtries=1\n\trekey=no\n' : ''}`;
}

const expected: { cases: Record<string, Record<'initiator' | 'responder', { outcome: string; causes: string[] }>> } = JSON.parse(
  readFileSync(join(RESULTS, 'expected-pluto.json'), 'utf8'),
);

/** The connection's lines (pluto starts with lines about the host, which vary), numbers masked. */
const masked = (text: string) =>
  text.split('\n').filter((l) => /^(ERROR: )?"/.test(l)).join('\n').replace(/[0-9a-f]*\d[0-9a-f]*/g, '0');

const scenario: Scenario = {
  name: 'pluto-logs',
  description: 'libreswan pluto logs of one fault per case, both sides, diagnosed by src/lib/troubleshoot',
  libreswan: true,
  async run(ctx) {
    const ls = findLibreswan();
    if (!ls) throw new Error('libreswan is not unpacked (the runner does it: tests/lab/libreswan.ts)');
    const names = ctx.quick ? ['wrong-psk'] : Object.keys(CASES);
    const records: { id: string; outcome: string; causes: string[] }[] = [];
    const differences: Difference[] = [];
    let done = 0;
    for (const name of names) {
      ctx.progress(name, done++, names.length);
      const c = CASES[name]!;
      const lab = await ctx.lab();
      if (c.drop) {
        const file = join(lab.dir, 'drop.nft');
        writeFileSync(file, `table inet lsdrop {\n chain in {\n  type filter hook input priority 0; policy accept;\n  ${c.drop}\n }\n}\n`);
        await lab.exec(lab.ns.server, ['nft', '-f', file]);
      }
      const secrets = (psk: string) => `@client.example.org @server.example.org : PSK "${psk}"\n`;
      const server: Pluto = await startPluto(lab, ls, 'server', { conns: conn(c, 'server'), secrets: secrets(PSK) });
      const client: Pluto = await startPluto(lab, ls, 'client', { conns: conn(c, 'client'), secrets: secrets(c.clientPsk ?? PSK) });
      await client.whack('--initiate', '--name', 'lab', '--asynchronous');
      // one attempt: keyingtries=1 and rekey=no (no revival: "skipping revival: POLICY_DONT_REKEY
      // enabled", pluto 4.10) end it with the IKE SA deleted or its Child SA refused
      await client.waitLog(/deleting state|rejected Child SA/, 20_000);
      await sleep(500);
      await client.stop();
      await server.stop();
      for (const [side, pluto] of [['initiator', client], ['responder', server]] as const) {
        const text = pluto.logText();
        const d = diagnoseLog(text);
        const record = { id: `pluto-${name}/${side}.log`, outcome: d.outcome, causes: d.causes.map((x) => x.id) };
        records.push(record);
        const want = expected.cases[`pluto-${name}`]?.[side];
        if (!want || want.outcome !== record.outcome || want.causes.join() !== record.causes.join()) {
          differences.push({ what: record.id, expected: JSON.stringify(want), measured: JSON.stringify({ outcome: record.outcome, causes: record.causes }), source: 'tests/lab/results/logs/expected-pluto.json' });
        }
        const target = join(RESULTS, `pluto-${name}`, `${side}.log`);
        if (!ctx.quick && !(existsSync(target) && masked(readFileSync(target, 'utf8')) === masked(text))) {
          mkdirSync(join(RESULTS, `pluto-${name}`), { recursive: true });
          copyFileSync(pluto.paths.log, target);
        }
      }
      lab.teardown();
    }
    ctx.progress('done', done, names.length);
    return { settings: { libreswan: ls.version, cases: CASES }, records, differences };
  },
};
export default scenario;
