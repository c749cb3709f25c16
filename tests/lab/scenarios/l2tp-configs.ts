/**
 * l2tp-configs: the configuration builder's legacy L2TP/IPsec files (l2tp=1) on real software.
 *   ikev1/<client>  the generated swanctl.conf in a server charon; a charon initiator with the
 *                   client's IKEv1 offers (proposal matcher dataset) runs Main Mode and Quick Mode
 *                   for UDP 1701 in transport mode. kernel-libipsec installs tunnel-mode SAs only,
 *                   so the initiator cannot install the SA: what counts is what the server chose.
 *   xl2tpd/...      the generated xl2tpd.conf in an xl2tpd LNS; an xl2tpd LAC in the client
 *                   namespace dials it over plain UDP 1701 (this kernel has no ESP). pppd is
 *                   replaced by a stand-in that sends one LCP frame (the kernel has no PPP), so the
 *                   L2TP data header xl2tpd writes can be measured; full runs repeat it with
 *                   `length bit = yes` added to show what that line does.
 *   pppd/...        pppd 2.4.9 with the generated options file: it parses them and stops at
 *                   /dev/ppp (exit 4, pppd(8) EXIT STATUS); a misspelt copy exits 2 (option error).
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildConfig, type ConfigState } from '../../../src/lib/config';
import { BUILDER_LAB_STATE } from '../configs';
import { clientById, type ClientId } from '../../../src/lib/proposals/clients';
import { ADDR, sleep, tshark, type Lab } from '../harness';
import type { Difference, Scenario } from '../scenario';

const run = promisify(execFile);
const LOGS = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'logs', 'l2tp-configs');

/** The lab's builder inputs with legacy L2TP/IPsec on (pool beside the IKEv2 pool) and a PSK. */
const LAB_STATE: ConfigState = {
  ...BUILDER_LAB_STATE,
  auth: 'psk',
  l2tp: '1',
  l2tppool: '203.0.113.64/28',
  clients: 'windows-ps,windows-l2tp,apple-l2tp,android-l2tp,chromeos-l2tp',
};
const LAB_PSK = 'lab-only-l2tp-key-not-for-any-real-server';
const L2TP_CLIENTS: ClientId[] = ['windows-l2tp', 'apple-l2tp', 'android-l2tp', 'chromeos-l2tp'];

/** One LCP Configure-Request (RFC 1661 §5.1) with a magic number, as PPP payload: FF 03 C0 21 + 10 bytes. */
const LCP_FRAME_BYTES = 14;
/** Stands in for pppd: writes its arguments, sends the LCP frame in HDLC-like framing (RFC 1662 §4,
 *  every control character escaped, FCS-16) on the pty xl2tpd gives it as stdout, then waits. */
const FAKE_PPPD = `#!/usr/bin/python3
import os, sys, time, tty
open(os.environ["LAB_PPPD_ARGS"], "a").write(" ".join(sys.argv[1:]) + "\\n")
tty.setraw(1)
frame = bytes([0xff, 0x03, 0xc0, 0x21, 0x01, 0x01, 0x00, 0x0a, 0x05, 0x06, 0x12, 0x34, 0x56, 0x78])
fcs = 0xffff
for b in frame:
    fcs ^= b
    for _ in range(8):
        fcs = (fcs >> 1) ^ 0x8408 if fcs & 1 else fcs >> 1
fcs ^= 0xffff
out = bytearray([0x7e])
for b in frame + bytes([fcs & 0xff, fcs >> 8]):
    out += bytes([0x7d, b ^ 0x20]) if b < 0x20 or b in (0x7d, 0x7e) else bytes([b])
out.append(0x7e)
os.write(1, bytes(out))
time.sleep(60)
`;

const file = (name: string) => {
  const build = buildConfig(LAB_STATE, LAB_PSK);
  if (!build.inputs) throw new Error(`the builder refused the lab inputs: ${JSON.stringify(build.errors)}`);
  const f = build.files.find((x) => x.name === name);
  if (!f) throw new Error(`the builder wrote no ${name}`);
  return f.text;
};

/** strongSwan's log names for the transforms the L2TP clients can get (proposal_keywords.txt). */
const LOG_NAMES: Record<string, string> = {
  AES_CBC_128: 'aes128', AES_CBC_256: 'aes256', AES_GCM_16_128: 'aes128gcm16', HMAC_SHA1_96: 'sha1', HMAC_SHA2_256_128: 'sha256',
  HMAC_SHA2_512_256: 'sha512', PRF_HMAC_SHA1: 'prfsha1', PRF_HMAC_SHA2_256: 'prfsha256', PRF_HMAC_SHA2_512: 'prfsha512',
  MODP_1024: 'modp1024', MODP_2048: 'modp2048', MODP_3072: 'modp3072', ECP_256: 'ecp256', ECP_384: 'ecp384', NO_EXT_SEQ: '',
};
const keywords = (logged: string) => logged.split(':')[1]!.split('/').map((t) => LOG_NAMES[t] ?? `?${t}`).filter(Boolean).sort().join('-');

async function ikeCase(lab: Lab, id: ClientId, quick: boolean) {
  const offers = clientById(id).offers;
  const server = await lab.charon('server', { swanctlConf: file('swanctl.conf') });
  const client = await lab.charon('client', {
    swanctlConf: `connections {
 l2tp {
  version = 1
  local_addrs = ${ADDR.client[4]}
  remote_addrs = ${ADDR.server[4]}
  proposals = ${offers.ike}
  local { auth = psk }
  remote { auth = psk }
  children {
   l2tp {
    mode = transport
    local_ts = dynamic[udp/1701]
    remote_ts = dynamic[udp/1701]
    esp_proposals = ${offers.esp}
   }
  }
 }
}
secrets { ike-l2tp { secret = "${LAB_PSK}" } }
`,
  });
  await server.load();
  await client.load();
  await client.initiate('l2tp', 'l2tp').catch(() => ''); // fails at the SA install (see the header)
  await server.waitLog(/selected proposal: ESP:\S+/, 10_000);
  await sleep(500);
  const serverLog = server.logText();
  const clientLog = client.logText();
  await client.stop();
  await server.stop();
  if (!quick) {
    mkdirSync(join(LOGS, id), { recursive: true });
    copyFileSync(server.paths.log, join(LOGS, id, 'server.log'));
    copyFileSync(client.paths.log, join(LOGS, id, 'client.log'));
  }
  return {
    id: `ikev1/${id}`,
    clientProposals: { ike: offers.ike, esp: offers.esp },
    serverConnection: /IKE_SA (\S+)\[\d+\] established/.exec(serverLog)?.[1] ?? 'none',
    serverMainMode: /IKE_SA \S+ established between/.test(serverLog) ? 'established' : 'not established',
    serverSelected: [...serverLog.matchAll(/selected proposal: (\S+)/g)].map((m) => m[1]!),
    // the initiator's reason for not completing Quick Mode, from its log
    clientSaInstall: [/IPsec SA: unsupported mode/, /unable to install [a-z ]+ IPsec SA \(SAD\) in kernel/].map((re) => re.exec(clientLog)?.[0] ?? `no "${re.source}"`),
  };
}

/** xl2tpd LNS (server namespace, the generated file) and LAC (client namespace); the UDP 1701 packets seen on the client's link. */
async function l2tpCase(lab: Lab, id: string, lnsConf: string) {
  const dir = join(lab.dir, id.replace(/\//g, '-'));
  mkdirSync(dir, { recursive: true });
  const fake = join(dir, 'pppd');
  writeFileSync(fake, FAKE_PPPD);
  chmodSync(fake, 0o755);
  writeFileSync(join(dir, 'options.xl2tpd'), file('options.xl2tpd'));
  // The one change: the PPP options path points into the lab's folder instead of /etc/ppp.
  writeFileSync(join(dir, 'lns.conf'), lnsConf.replace('pppoptfile = /etc/ppp/options.xl2tpd', `pppoptfile = ${join(dir, 'options.xl2tpd')}`));
  writeFileSync(join(dir, 'lac.conf'), `[global]\nport = 1701\n\n[lac lab]\nlns = ${ADDR.server[4]}\nname = alice\nautodial = yes\nredial = no\n`);
  const start = (role: 'server' | 'client', conf: string) => {
    const argv = `mount --bind ${fake} /usr/sbin/pppd && exec xl2tpd -D -c ${join(dir, conf)} -p ${join(dir, `${role}.pid`)} -C ${join(dir, `${role}.control`)}`;
    const child = lab.spawn(lab.ns[role], ['sh', '-c', argv], { LAB_PPPD_ARGS: join(dir, `${role}-pppd-args`) });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    return { log: () => out, stop: () => child.kill('SIGTERM') };
  };
  const capture = await lab.capture('client', 'c0', 'udp port 1701', `${id.replace(/\//g, '-')}`);
  const lns = start('server', 'lns.conf');
  for (let i = 0; i < 50 && !/Listening on IP address/.test(lns.log()); i++) await sleep(100);
  const listening = (await lab.exec(lab.ns.server, ['ss', '-Hlun', 'sport', '=', ':1701'])).trim().split(/\s+/).slice(3, 4).join(' ');
  const lac = start('client', 'lac.conf');
  for (let i = 0; i < 100 && !existsSync(join(dir, 'server-pppd-args')); i++) await sleep(100);
  await sleep(1500);
  lac.stop();
  lns.stop();
  await sleep(300);
  const packets = await tshark(await capture.stop(), ['ip.src', 'l2tp.type', 'l2tp.avp.message_type', 'l2tp.length_bit', 'udp.length']);
  const names: Record<string, string> = { 1: 'SCCRQ', 2: 'SCCRP', 3: 'SCCCN', 4: 'StopCCN', 6: 'HELLO', 10: 'ICRQ', 11: 'ICRP', 12: 'ICCN', 14: 'CDN' };
  const who = (ip: string) => (ip === ADDR.server[4] ? 'LNS' : 'LAC');
  // control messages with a Message Type AVP (ZLB acknowledgements carry none), in order
  const control = packets.filter((p) => p[1] === '1' && p[2]).map((p) => `${who(p[0]!)} ${names[p[2]!] ?? p[2]}`);
  // data messages: L2TP header = UDP payload - the PPP frame the stand-in sent
  const headers = [...new Set(packets.filter((p) => p[1] === '0' && Number(p[4]) - 8 - LCP_FRAME_BYTES > 0).map((p) => `${who(p[0]!)} ${Number(p[4]) - 8 - LCP_FRAME_BYTES}`))].sort();
  const log = lns.log();
  const pppdArgs = existsSync(join(dir, 'server-pppd-args')) ? readFileSync(join(dir, 'server-pppd-args'), 'utf8').trim().replace(/\/dev\/pts\/\d+/, '<pty>').replace(dir, '<dir>') : 'not started';
  return {
    log,
    record: {
      id,
      listening,
      control,
      dataHeaderBytes: headers,
      // tunnel and session ids and the PID are random: masked
      lnsLog: log.split('\n').filter((l) => /Connection established|Call established|Listening on|kernel support/.test(l))
        .map((l) => l.replace(/^xl2tpd\[\d+\]: /, '').replace(/(Local|Remote|PID): \d+/g, '$1: #').replace(/ref=\d+\/\d+/, 'ref=#/#').trim()),
      lnsStartsPppdWith: pppdArgs,
    },
  };
}

async function pppdCase(lab: Lab, id: string, options: string) {
  const path = join(lab.dir, `${id.replace(/\//g, '-')}.options`);
  writeFileSync(path, options);
  try {
    // /dev/null as the device: pppd parses every option before it opens /dev/ppp
    const { stdout, stderr } = await run('ip', ['netns', 'exec', lab.ns.server, 'pppd', '/dev/null', 'file', path, 'nodetach']);
    return { id, status: 0, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { id, status: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.replaceAll(path, '<file>').trim().split('\n')[0]! };
  }
}

const scenario: Scenario = {
  name: 'l2tp-configs',
  description: 'the builder\u2019s L2TP/IPsec files: IKEv1 transport mode on charon, xl2tpd\u2019s L2TP handshake, pppd\u2019s option parser',
  async run(ctx) {
    const clients = ctx.quick ? L2TP_CLIENTS.slice(0, 1) : L2TP_CLIENTS;
    const build = buildConfig(LAB_STATE, LAB_PSK);
    const records: { id: string; [key: string]: unknown }[] = [];
    const differences: Difference[] = [];
    const total = clients.length + 2;
    let done = 0;
    for (const id of clients) {
      ctx.progress(`ikev1/${id}`, done++, total);
      const lab = await ctx.lab({ nat: false });
      const record = await ikeCase(lab, id, ctx.quick);
      lab.teardown();
      records.push(record);
      const verdict = build.verdicts.find((v) => v.client.id === id)!;
      const predicted = (stage: string) => verdict.stages.find((s) => s.stage === stage)!.attempts.find((a) => a.ok)?.selected ?? 'none';
      const [ike, esp] = record.serverSelected;
      for (const [what, want, got] of [['Main Mode', predicted('ike'), ike], ['Quick Mode', predicted('child'), esp]] as const) {
        const norm = (s: string) => s.split('-').sort().join('-');
        if (!got || norm(want) !== keywords(got)) differences.push({ what: `ikev1/${id} ${what}`, expected: want, measured: got ?? 'none', source: 'src/lib/proposals matchClient' });
      }
    }
    ctx.progress('xl2tpd', done++, total);
    const lab = await ctx.lab({ nat: false });
    const xl2tpd = file('xl2tpd.conf');
    const variants: [string, string][] = [['xl2tpd/generated', xl2tpd]];
    // the line the builder no longer writes, to show its effect on the data header (full runs)
    if (!ctx.quick) variants.push(['xl2tpd/with-length-bit', xl2tpd.replace('pppoptfile = /etc/ppp/options.xl2tpd\n', 'pppoptfile = /etc/ppp/options.xl2tpd\nlength bit = yes\n')]);
    for (const [id, conf] of variants) {
      const { log, record } = await l2tpCase(lab, id, conf);
      records.push(record);
      if (!ctx.quick) {
        mkdirSync(join(LOGS, 'xl2tpd'), { recursive: true });
        writeFileSync(join(LOGS, 'xl2tpd', `${id.split('/')[1]}-lns.log`), log);
      }
    }
    ctx.progress('pppd', done++, total);
    const options = file('options.xl2tpd');
    records.push(await pppdCase(lab, 'pppd/generated', options));
    records.push(await pppdCase(lab, 'pppd/misspelt', options.replace('require-mschap-v2', 'require-mschapv2')));
    lab.teardown();
    const generated = records.find((r) => r.id === 'xl2tpd/generated')!;
    // pppMtu assumes a 6-byte L2TPv2 data header (overhead preset 'l2tp-linux')
    if (JSON.stringify(generated.dataHeaderBytes) !== JSON.stringify(['LAC 6', 'LNS 6'])) {
      differences.push({ what: 'xl2tpd/generated data header', expected: 'LAC 6, LNS 6', measured: JSON.stringify(generated.dataHeaderBytes), source: "src/lib/overhead preset 'l2tp-linux'" });
    }
    for (const [id, want] of [['pppd/generated', 4], ['pppd/misspelt', 2]] as const) {
      const got = records.find((r) => r.id === id)!.status;
      if (got !== want) differences.push({ what: `${id} exit status`, expected: want, measured: String(got), source: 'pppd(8) EXIT STATUS' });
    }
    ctx.progress('done', done, total);
    return { settings: { inputs: LAB_STATE, clients, notRun: { 'ESP around L2TP': 'this kernel has no ESP and kernel-libipsec has no transport mode: L2TP runs in plain UDP', PPP: 'no PPP in the kernel: a stand-in for pppd sends one LCP frame' } }, records, differences };
  },
};
export default scenario;
