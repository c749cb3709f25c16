/**
 * libreswan (pluto) in the lab without installing it: Debian's libreswan package conflicts with the
 * strongSwan packages the lab needs, so its .deb is unpacked into a private prefix and pluto runs from
 * there with its own configuration, NSS database, run directory and log file.
 *
 *   ensureLibreswan()      apt-get download libreswan, dpkg-deb -x into /var/cache/vpnlab/libreswan-<version>;
 *                          its Depends (libraries and NSS's certutil, none of which conflict) via apt-get
 *   startPluto(...)        pluto in a lab namespace, with `whack` against its control socket
 *
 * Paths and options are those of libreswan 4.10 (pluto --help, ipsec_pluto(8), ipsec.conf(5)):
 * --config/--secretsfile/--ipsecdir/--nssdir/--rundir replace /etc/ipsec.conf, /etc/ipsec.secrets,
 * /etc/ipsec.d, /var/lib/ipsec/nss and /run/pluto. Two paths are compiled in: pluto refuses to start
 * unless /usr/libexec/ipsec/addconn exists (it runs it to load the connections), and it uses
 * /run/pluto as its dump directory; inside the namespace's own mount namespace the prefix's
 * /usr/libexec and a private /run are bound over them.
 * The kernel here has no ESP, so pluto negotiates IKE and then fails to install the Child SA.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError, sleep, type Lab } from './harness';

const CACHE = '/var/cache/vpnlab';

export interface Libreswan {
  /** e.g. `4.10-2+deb12u1` */
  version: string;
  prefix: string;
  pluto: string;
  whack: string;
  addconn: string;
  certutil: string;
}

function layout(prefix: string, version: string): Libreswan {
  return {
    version,
    prefix,
    pluto: join(prefix, 'usr/libexec/ipsec/pluto'),
    whack: join(prefix, 'usr/libexec/ipsec/whack'),
    addconn: join(prefix, 'usr/libexec/ipsec/addconn'),
    certutil: '/usr/bin/certutil',
  };
}

/** The unpacked libreswan already in the cache, if any (newest version first). */
export function findLibreswan(): Libreswan | undefined {
  if (!existsSync(CACHE)) return undefined;
  const dirs = readdirSync(CACHE).filter((d) => d.startsWith('libreswan-')).sort().reverse();
  for (const dir of dirs) {
    const found = layout(join(CACHE, dir), dir.slice('libreswan-'.length));
    if (existsSync(found.pluto) && existsSync(found.certutil)) return found;
  }
  return undefined;
}

/** Debian packages named first in each alternative of a Depends field ("a (>= 1) | b, c" -> a, c). */
function firstAlternatives(depends: string): string[] {
  return depends.split(',').map((d) => d.split('|')[0]!.trim().split(/[\s(]/)[0]!).filter(Boolean);
}

function installed(pkg: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) === 'installed';
  } catch {
    return false;
  }
}

/** Idempotent: the cached prefix when there is one, else download, unpack and install the dependencies. */
export function ensureLibreswan(progress: (line: string) => void): Libreswan {
  const cached = findLibreswan();
  if (cached) return cached;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, 'download-'));
  try {
    progress('==> Downloading libreswan (apt-get download; not installed: it conflicts with strongSwan)');
    // the download runs as root in a root-owned directory: apt's sandbox user could not write there
    execFileSync('apt-get', ['download', '-q', '-o', 'APT::Sandbox::User=root', 'libreswan'], { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const deb = readdirSync(work).find((f) => f.startsWith('libreswan_') && f.endsWith('.deb'));
    if (!deb) throw new LabError('apt-get download libreswan left no .deb');
    const version = execFileSync('dpkg-deb', ['-f', join(work, deb), 'Version'], { encoding: 'utf8' }).trim();
    const missing = firstAlternatives(execFileSync('dpkg-deb', ['-f', join(work, deb), 'Depends'], { encoding: 'utf8' })).filter((p) => !installed(p));
    if (missing.length > 0) {
      progress(`==> Installing libreswan's dependencies ${missing.join(' ')} (apt-get)`);
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    }
    const prefix = join(CACHE, `libreswan-${version}`);
    const staging = join(work, 'root');
    execFileSync('dpkg-deb', ['-x', join(work, deb), staging]);
    const found = layout(staging, version);
    const unresolved = execFileSync('ldd', [found.pluto], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('not found'));
    if (unresolved.length > 0) throw new LabError(`pluto still lacks libraries: ${unresolved.join('; ')}`);
    rmSync(prefix, { recursive: true, force: true });
    renameSync(staging, prefix); // last step, so a half-done download never counts as cached
    progress(`==> libreswan ${version} unpacked in ${prefix}`);
    return layout(prefix, version);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface PlutoOptions {
  /** The connections (`conn` sections) of ipsec.conf; `config setup` is written here. */
  conns: string;
  /** The whole ipsec.secrets text. */
  secrets: string;
}

export class Pluto {
  constructor(
    readonly lab: Lab,
    readonly ns: string,
    readonly ls: Libreswan,
    private readonly child: ChildProcess,
    readonly paths: { dir: string; conf: string; log: string; ctl: string },
  ) {}

  logText(): string {
    return existsSync(this.paths.log) ? readFileSync(this.paths.log, 'utf8') : '';
  }

  async waitLog(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const match = this.logText().match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) throw new LabError(`pluto (${this.ns}) exited with ${this.child.exitCode}: ${this.logText().slice(-1500)}`);
      if (Date.now() > end) throw new LabError(`pluto (${this.ns}) log did not show ${pattern} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** `whack --ctlsocket <ours> <args>`. */
  whack(...args: string[]): Promise<string> {
    return this.lab.exec(this.ns, [this.ls.whack, '--ctlsocket', this.paths.ctl, ...args]);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const done = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await done;
  }
}

/**
 * pluto in `role`'s namespace with its own ipsec.conf, ipsec.secrets, NSS database and run directory.
 * The log has no timestamps (logtime=no, ipsec.conf(5): "logs without ephemeral timestamps") so that
 * a rerun writes the same text; resolves once the connections and secrets are loaded.
 */
export async function startPluto(lab: Lab, ls: Libreswan, role: 'client' | 'server', options: PlutoOptions): Promise<Pluto> {
  const dir = join(lab.dir, `${role}-pluto`);
  rmSync(dir, { recursive: true, force: true });
  const nss = join(dir, 'nss');
  const run = join(dir, 'run');
  mkdirSync(nss, { recursive: true });
  mkdirSync(join(run, 'pluto'), { recursive: true });
  const conf = join(dir, 'ipsec.conf');
  const secrets = join(dir, 'ipsec.secrets');
  const log = join(dir, 'pluto.log');
  writeFileSync(conf, `config setup\n\tlogfile=${log}\n\tlogappend=no\n\tlogtime=no\n\tdnssec-enable=no\n\n${options.conns}`);
  writeFileSync(secrets, options.secrets, { mode: 0o600 });
  await lab.exec(lab.ns[role], [ls.certutil, '-N', '-d', `sql:${nss}`, '--empty-password']);
  const child = lab.spawn(lab.ns[role], [
    'sh', '-c',
    `mount --bind ${join(ls.prefix, 'usr/libexec')} /usr/libexec && mount --bind ${run} /run && exec ${ls.pluto} --nofork ` +
      `--config ${conf} --secretsfile ${secrets} --ipsecdir ${dir} --nssdir ${nss} --rundir /run/pluto`,
  ]);
  const pluto = new Pluto(lab, lab.ns[role], ls, child, { dir, conf, log, ctl: join(run, 'pluto', 'pluto.ctl') });
  await pluto.waitLog(/^loading secrets from /m, 15_000);
  return pluto;
}
