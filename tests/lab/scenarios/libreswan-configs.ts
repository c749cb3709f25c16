/**
 * libreswan-configs: the configuration builder's libreswan files (server=libreswan) on the real
 * libreswan 4.10. For each case, the generated ipsec.conf goes through `addconn --checkconfig`
 * (which prints what it rejects and still exits 0, so any output is a failure), its ike= and
 * esp= lines through `algparse -v2` (addconn does not parse algorithms), and the conn with its
 * ipsec.secrets is loaded into a pluto in the lab's server namespace, whose log must show the
 * connection added. Inputs the builder refuses for libreswan are written out by hand and must be
 * rejected, to show the refusal is libreswan's. The unit tests (tests/unit/config/libreswan.test.ts) check that the builder
 * still writes exactly the files recorded here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildConfig, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';
import { ADDR } from '../harness';
import { findLibreswan, startPluto } from '../libreswan';
import type { Difference, Scenario } from '../scenario';

const run = promisify(execFile);

/** Builder inputs per case (documentation addresses only); everything else is the default state. */
export const CASES: Record<string, Partial<ConfigState>> = {
  'psk-name-full-tunnel': { server: 'libreswan', auth: 'psk' },
  'psk-address-one-route': { server: 'libreswan', auth: 'psk', gateway: ADDR.server[4], routes: '203.0.113.0/24' },
  'psk-address-dns': { server: 'libreswan', auth: 'psk', gateway: ADDR.server[4], dns: '203.0.113.53, 192.0.2.53' },
  'psk-apple-only': { server: 'libreswan', auth: 'psk', clients: 'apple-profile', pool4: '198.51.100.128/26' },
};

/** What the builder refuses with a field error, written out by hand from the first case's file, to
 *  show that libreswan 4.10 does reject it: [case, line replaced, replacement]. */
export const REJECTED: [name: string, from: string, to: string][] = [
  ['ipv4-and-ipv6', '\tleftsubnet=0.0.0.0/0\n', '\tleftsubnet=0.0.0.0/0,::/0\n'],
  ['ipv4-and-ipv6-pools', '\trightaddresspool=10.10.10.1-10.10.10.254\n', '\trightaddresspool=10.10.10.1-10.10.10.254,2001:db8:6::/112\n'],
  ['two-subnets', '\tleftsubnet=0.0.0.0/0\n', '\tleftsubnet=192.0.2.0/24,203.0.113.0/24\n'],
  ['two-subnets-leftsubnets', '\tleftsubnet=0.0.0.0/0\n', '\tleftsubnets={192.0.2.0/24 203.0.113.0/24}\n'],
];

/** Output of a command that reports problems on stdout or stderr, whatever its exit status. */
async function output(argv: string[]): Promise<{ status: number; text: string }> {
  try {
    const { stdout, stderr } = await run(argv[0]!, argv.slice(1));
    return { status: 0, text: (stdout + stderr).trim() };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof e.code === 'number' ? e.code : 1, text: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

const scenario: Scenario = {
  name: 'libreswan-configs',
  description: 'the builder\u2019s libreswan ipsec.conf through addconn --checkconfig, algparse and a real pluto',
  libreswan: true,
  async run(ctx) {
    const ls = findLibreswan();
    if (!ls) throw new Error('libreswan is not unpacked (the runner does it: tests/lab/libreswan.ts)');
    const algparse = join(ls.prefix, 'usr/libexec/ipsec/algparse');
    const base = buildConfig({ ...DEFAULT_CONFIG_STATE, ...CASES['psk-name-full-tunnel'] });
    const files = (name: string) => {
      const build = name in CASES ? buildConfig({ ...DEFAULT_CONFIG_STATE, ...CASES[name] }) : base;
      const conf = build.files.find((f) => f.name === 'ipsec.conf');
      const secrets = build.files.find((f) => f.name === 'ipsec.secrets');
      if (!conf || !secrets) throw new Error(`${name}: the builder wrote no libreswan files (${build.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})`);
      const edit = REJECTED.find(([n]) => n === name);
      if (edit && !conf.text.includes(edit[1])) throw new Error(`${name}: the builder's file has no line ${JSON.stringify(edit[1])}`);
      return { conf: edit ? conf.text.replace(edit[1], edit[2]) : conf.text, secrets: secrets.text };
    };
    const names = ctx.quick ? ['psk-address-one-route', 'two-subnets'] : [...Object.keys(CASES), ...REJECTED.map(([n]) => n)];
    const records: { id: string; [key: string]: unknown }[] = [];
    const differences: Difference[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lab-libreswan-'));
    let done = 0;
    try {
      for (const name of names) {
        ctx.progress(name, done++, names.length);
        const { conf, secrets } = files(name);
        const file = join(dir, `${name}.conf`);
        writeFileSync(file, conf);
        const check = await output([ls.addconn, '--checkconfig', '--config', file]);
        check.text = check.text.replaceAll(dir, '<dir>'); // a fresh temporary directory each run
        const algorithms: string[] = [];
        for (const line of conf.split('\n').filter((l) => /^\t(ike|esp)=/.test(l))) {
          const parsed = await output([algparse, '-v2', line.trim()]);
          algorithms.push(parsed.status === 0 && !parsed.text.includes('ERROR') ? parsed.text.split('\n').slice(1).map((l) => l.trim()).join(' ') : `FAILED: ${parsed.text}`);
        }
        // pluto needs a default route for left=%defaultroute
        const lab = await ctx.lab();
        await lab.ip(lab.ns.server, 'route add default via 198.51.100.1 dev s0');
        const slug = /^conn (\S+)/m.exec(conf)![1]!;
        const pluto = await startPluto(lab, ls, 'server', { conns: conf, secrets });
        const loaded = pluto.logText().split('\n').filter((l) => l.startsWith(`"${slug}`) && /added IKEv2 connection|ERROR|failed|invalid/.test(l));
        await pluto.stop();
        lab.teardown();
        const accepted = check.status === 0 && check.text === '' && algorithms.every((a) => !a.startsWith('FAILED')) && loaded.length > 0 && loaded.every((l) => l.includes('added IKEv2 connection'));
        const builder = name in CASES;
        records.push({ id: name, ...(builder ? { state: CASES[name] } : { edit: REJECTED.find(([n]) => n === name)!.slice(1) }), conf, secrets, checkconfig: check.text, algorithms, pluto: loaded, accepted });
        if (accepted !== builder) {
          differences.push({ what: `${name} accepted by libreswan`, expected: builder ? 'yes' : 'no', measured: JSON.stringify({ checkconfig: check.text, algorithms, pluto: loaded }), source: `libreswan ${ls.version}` });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    ctx.progress('done', done, names.length);
    return { settings: { libreswan: ls.version }, records, differences };
  },
};
export default scenario;
