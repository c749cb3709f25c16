/**
 * Real charon logs for the troubleshooter (issue 15): one fault per case, both sides, committed
 * under results/logs/<case>/ as the fixtures the unit tests run the explainer on:
 *   <side>.log        level 1, "%b %e %T" timestamps and IKE_SA names (a typical file log)
 *   <side>-debug.log  the harness log: level 2 for ike/net/cfg/knl/chd, "%T.ms" timestamps
 * Each record is what src/lib/troubleshoot diagnoses on one log; a cause list or outcome that
 * differs from results/logs/expected.json (written by reading the logs) is a difference.
 * LAB_LOGS_CASES=a,b runs only those cases; the records of the others are the diagnoses of their
 * committed logs, so that results/logs.json stays whole and the other fixtures are not rewritten.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, type Charon, type Lab } from '../harness';
import type { Difference, Scenario } from '../scenario';
import { diagnoseLog } from '../../../src/lib/troubleshoot';

const RESULTS = join(import.meta.dirname, '..', 'results', 'logs');

interface Case {
  ike?: [client: string, server: string];
  esp?: [client: string, server: string];
  /** psk (both), eap (server certificate, client EAP-MD5), eap-mschapv2 (the same with EAP-MSCHAPv2), pubkey (both RSA-4096 certificates). */
  auth?: 'psk' | 'eap' | 'eap-mschapv2' | 'pubkey';
  clientPsk?: string;
  clientEapPassword?: string;
  clientId?: string;
  /** What the client requires of the server's identity. */
  clientRemoteId?: string;
  serverCert?: 'server' | 'wrongname';
  serverId?: string;
  /** CA the client trusts. */
  clientCa?: 'ca' | 'other-ca';
  clientFragmentation?: 'yes' | 'no';
  serverLocalAddrs?: string;
  serverRemoteTs?: string;
  /** nftables statement in the router's forward chain, or 'fragments'. */
  drop?: string;
  rekey?: boolean;
}

const CASES: Record<string, Case> = {
  success: {},
  'success-eap': { auth: 'eap' },
  'ike-proposal': { ike: ['aes128-sha1-modp1024', 'aes256gcm16-prfsha384-ecp384'] },
  'esp-proposal': { esp: ['aes128-sha1', 'aes256gcm16'] },
  'ke-retry': { ike: ['aes256-sha256-ecp256-modp2048', 'aes256-sha256-modp2048'] },
  'wrong-psk': { clientPsk: 'lab-secret-two' },
  // a wildcard remote id is not sent as IDr (as Windows sends none); the certificate names vpn.example.net
  'cert-id': { auth: 'eap', serverCert: 'wrongname', serverId: 'vpn.example.net', clientRemoteId: '*.example.org' },
  'cert-untrusted': { auth: 'eap', clientCa: 'other-ca' },
  'eap-failed': { auth: 'eap', clientEapPassword: 'eap-pass-two' },
  // the method the configuration builder generates for remote access
  'eap-mschapv2-failed': { auth: 'eap-mschapv2', clientEapPassword: 'eap-pass-two' },
  'drop-500': { drop: 'udp dport 500 drop' },
  'drop-4500': { drop: 'udp dport 4500 drop' },
  'frag-drop': { auth: 'pubkey', clientFragmentation: 'no', drop: 'fragments' },
  'ts-unacceptable': { serverRemoteTs: '203.0.113.99/32' },
  'no-ike-config': { serverLocalAddrs: '198.51.100.99' },
  'no-peer-config': { clientId: 'stranger.example.org' },
  'rekey-pfs': { esp: ['aes256-sha256-modp2048', 'aes256-sha256'], rekey: true },
};

// Short retransmissions and half-open timeout so that a dropped port gives up in seconds
// (defaults: 5 tries from 4 s, 30 s half-open; strongswan.conf(5)); eap-md5 on top of the harness plugins.
function charonSettings(dir: string, side: string): string {
  return `load = random nonce openssl pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp curve25519 aes sha1 sha2 hmac gcm kdf md5 eap-identity eap-md5 eap-mschapv2 kernel-libipsec kernel-netlink socket-default vici updown
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  half_open_timeout = 8
  filelog {
    typical {
      path = ${join(dir, `${side}.log`)}
      time_format = %b %e %T
      ike_name = yes
      default = 1
      flush_line = yes
    }
  }`;
}

/** Certificates for every case, made once per run (an RSA-4096 key takes a while) in `dir`. */
async function makePki(lab: Lab, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pki = (args: string[]) => lab.exec(lab.ns.router, ['sh', '-c', `cd ${dir} && pki ${args.join(' ')}`]);
  await pki(['--gen --type ecdsa --size 256 --outform pem > ca.key']);
  await pki(['--self --ca --lifetime 3650 --in ca.key --dn "C=XX, O=Example Lab, CN=Example Lab Root CA" --outform pem > ca.crt']);
  await pki(['--gen --type ecdsa --size 256 --outform pem > other-ca.key']);
  await pki(['--self --ca --lifetime 3650 --in other-ca.key --dn "C=XX, O=Other Org, CN=Other Root CA" --outform pem > other-ca.crt']);
  for (const [name, san] of [['server', 'server.example.org'], ['wrongname', 'vpn.example.net']]) {
    await pki([`--gen --type ecdsa --size 256 --outform pem > ${name}.key`]);
    await pki([`--req --in ${name}.key --dn "C=XX, O=Example Lab, CN=${san}" --san ${san} --outform pem > ${name}.csr`]);
    await pki([`--issue --cacert ca.crt --cakey ca.key --type pkcs10 --in ${name}.csr --lifetime 365 --flag serverAuth --flag ikeIntermediate --outform pem > ${name}.crt`]);
  }
  // an RSA-4096 client certificate with a long name, so that IKE_AUTH exceeds one 1500-byte packet
  await pki(['--gen --type rsa --size 4096 --outform pem > big.key']);
  await pki(['--req --in big.key --dn "C=XX, O=Example Lab, OU=Remote access users with long certificate names, CN=client.example.org" --san client.example.org --outform pem > big.csr']);
  await pki(['--issue --cacert ca.crt --cakey ca.key --type pkcs10 --in big.csr --lifetime 365 --flag clientAuth --outform pem > big.crt']);
}

function configs(c: Case, pkiDir: string) {
  const read = (f: string) => readFileSync(join(pkiDir, f), 'utf8');
  const auth = c.auth ?? 'psk';
  const clientId = c.clientId ?? 'client.example.org';
  const serverId = c.serverId ?? 'server.example.org';
  const serverCert = c.serverCert ?? 'server';
  const [clientIke, serverIke] = c.ike ?? ['aes256-sha256-modp2048', 'aes256-sha256-modp2048'];
  const [clientEsp, serverEsp] = c.esp ?? ['aes256-sha256', 'aes256-sha256'];
  const clientFiles: Record<string, string> = {};
  const serverFiles: Record<string, string> = { 'x509ca/ca.crt': read('ca.crt') };
  let clientLocal = `auth = psk\n      id = ${clientId}`;
  let clientRemote = `auth = psk\n      id = ${c.clientRemoteId ?? 'server.example.org'}`;
  let serverLocal = `auth = psk\n      id = ${serverId}`;
  let serverRemote = 'auth = psk\n      id = client.example.org';
  if (auth === 'eap' || auth === 'eap-mschapv2') {
    const method = auth === 'eap' ? 'eap-md5' : 'eap-mschapv2';
    clientLocal = `auth = ${method}\n      eap_id = ${clientId}\n      id = ${clientId}`;
    clientRemote = `auth = pubkey\n      id = ${c.clientRemoteId ?? 'server.example.org'}`;
    serverLocal = `auth = pubkey\n      certs = ${serverCert}.crt\n      id = ${serverId}`;
    serverRemote = `auth = ${method}\n      eap_id = %any`;
    clientFiles[`x509ca/${c.clientCa ?? 'ca'}.crt`] = read(`${c.clientCa ?? 'ca'}.crt`);
    serverFiles[`x509/${serverCert}.crt`] = read(`${serverCert}.crt`);
    serverFiles[`private/${serverCert}.key`] = read(`${serverCert}.key`);
  } else if (auth === 'pubkey') {
    clientLocal = `auth = pubkey\n      certs = big.crt\n      id = ${clientId}`;
    serverRemote = 'auth = pubkey\n      id = client.example.org';
    clientFiles['x509/big.crt'] = read('big.crt');
    clientFiles['private/big.key'] = read('big.key');
  }
  const secrets = (psk: string, eap: string, id: string) =>
    `secrets {\n  ike-1 { id-1 = ${id}\n    id-2 = server.example.org\n    secret = ${psk} }\n  eap-1 { id = ${id}\n    secret = ${eap} }\n}\n`;
  const client = `connections {
  lab {
    version = 2
    remote_addrs = 198.51.100.10
    proposals = ${clientIke}
    fragmentation = ${c.clientFragmentation ?? 'yes'}
    local {
      ${clientLocal}
    }
    remote {
      ${clientRemote}
    }
    children { net { local_ts = 203.0.113.10/32
        remote_ts = 203.0.113.200/32
        esp_proposals = ${clientEsp}
        start_action = none } }
  }
}
${secrets(c.clientPsk ?? 'lab-secret-one', c.clientEapPassword ?? 'eap-pass-one', clientId)}`;
  const server = `connections {
  lab {
    version = 2
    local_addrs = ${c.serverLocalAddrs ?? '%any'}
    proposals = ${serverIke}
    local {
      ${serverLocal}
    }
    remote {
      ${serverRemote}
    }
    children { net { local_ts = 203.0.113.200/32
        remote_ts = ${c.serverRemoteTs ?? '203.0.113.10/32'}
        esp_proposals = ${serverEsp} } }
  }
}
${secrets('lab-secret-one', 'eap-pass-one', 'client.example.org')}`;
  return { client: { swanctlConf: client, files: clientFiles }, server: { swanctlConf: server, files: serverFiles } };
}

const expected: { cases: Record<string, Record<'initiator' | 'responder', { outcome: string; causes: string[] }>> } = JSON.parse(
  readFileSync(join(RESULTS, 'expected.json'), 'utf8'),
);

const scenario: Scenario = {
  name: 'logs',
  description: 'charon logs of one fault per case, both sides, diagnosed by src/lib/troubleshoot',
  async run(ctx) {
    const only = process.env.LAB_LOGS_CASES?.split(',').filter(Boolean);
    const unknown = only?.filter((n) => !(n in CASES)) ?? [];
    if (unknown.length > 0) throw new Error(`LAB_LOGS_CASES: unknown case ${unknown.join(', ')}`);
    const names = ctx.quick ? ['success', 'drop-4500', 'ike-proposal'] : (only ?? Object.keys(CASES));
    const records: { id: string; outcome: string; causes: string[] }[] = [];
    const differences: Difference[] = [];
    let done = 0;
    const pkiDir = mkdtempSync(join(tmpdir(), 'lab-logs-pki-'));
    try {
      for (const name of names) {
        ctx.progress(name, done++, names.length);
        const c = CASES[name]!;
        const lab = await ctx.lab();
        if (done === 1) await makePki(lab, pkiDir);
        const halves = configs(c, pkiDir);
        const logDir = join(lab.dir, 'logs');
        mkdirSync(logDir, { recursive: true });
        if (c.drop === 'fragments') await lab.dropFragments();
        else if (c.drop) {
          const file = join(lab.dir, 'drop.nft');
          writeFileSync(file, `table inet tsdrop {\n chain tsfwd {\n  type filter hook forward priority 0; policy accept;\n  ${c.drop}\n }\n}\n`);
          await lab.exec(lab.ns.router, ['nft', '-f', file]);
        }
        const server: Charon = await lab.charon('server', { ...halves.server, charonSettings: charonSettings(logDir, 'responder') });
        const client: Charon = await lab.charon('client', { ...halves.client, charonSettings: charonSettings(logDir, 'initiator') });
        await server.load().catch(() => '');
        await client.load().catch(() => '');
        await client.initiate('net', 'lab', 20).catch(() => ''); // most cases fail on purpose
        if (c.rekey) {
          await sleep(1000);
          await client.swanctl('--rekey', '--child', 'net').catch(() => '');
          await client.waitLog(/CHILD_SA rekeying failed|CHILD_SA net\{2\} established/, 10_000).catch(() => undefined);
        }
        await sleep(1000);
        if (c.drop === 'udp dport 4500 drop' || c.drop === 'fragments') await server.waitLog(/deleting half open IKE_SA/, 15_000);
        await client.stop();
        await server.stop();
        const sides = { initiator: client, responder: server } as const;
        for (const side of ['initiator', 'responder'] as const) {
          const files = { [`${side}.log`]: join(logDir, `${side}.log`), [`${side}-debug.log`]: sides[side].paths.log };
          for (const [file, path] of Object.entries(files)) {
            const d = diagnoseLog(readFileSync(path, 'utf8'));
            const record = { id: `${name}/${file}`, outcome: d.outcome, causes: d.causes.map((x) => x.id) };
            records.push(record);
            const want = expected.cases[name]?.[side];
            if (!want || want.outcome !== record.outcome || want.causes.join() !== record.causes.join()) {
              differences.push({ what: record.id, expected: JSON.stringify(want), measured: JSON.stringify({ outcome: record.outcome, causes: record.causes }), source: 'tests/lab/results/logs/expected.json' });
            }
            if (!ctx.quick) {
              mkdirSync(join(RESULTS, name), { recursive: true });
              copyFileSync(path, join(RESULTS, name, file));
            }
          }
        }
        lab.teardown();
      }
    } finally {
      rmSync(pkiDir, { recursive: true, force: true });
    }
    ctx.progress('done', done, names.length);
    if (only && !ctx.quick) {
      for (const name of Object.keys(CASES).filter((n) => !only.includes(n))) {
        for (const file of ['initiator.log', 'initiator-debug.log', 'responder.log', 'responder-debug.log']) {
          const d = diagnoseLog(readFileSync(join(RESULTS, name, file), 'utf8'));
          records.push({ id: `${name}/${file}`, outcome: d.outcome, causes: d.causes.map((x) => x.id) });
        }
      }
      const order = Object.keys(CASES);
      records.sort((a, b) => order.indexOf(a.id.split('/')[0]!) - order.indexOf(b.id.split('/')[0]!));
    }
    return { settings: { cases: CASES }, records, differences };
  },
};
export default scenario;
