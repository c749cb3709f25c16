/**
 * The lab harness: network namespaces joined by veth, one charon per namespace, tcpdump captures.
 * Everything a run creates carries its prefix `vpnlab<pid>` (namespaces `vpnlab<pid>-cl|rt|sv`,
 * directory /tmp/vpnlab<pid>), so two runs at once never touch each other's objects and a later run
 * can recognise and remove what a killed run left behind (see `removeStaleRuns`).
 * Addresses are documentation ranges only (RFC 5737, RFC 3849).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type Role = 'client' | 'router' | 'server';
export type Family = 4 | 6;

const PREFIX = 'vpnlab';
const SUFFIX: Record<Role, string> = { client: 'cl', router: 'rt', server: 'sv' };

/** The addressing plan: client c0 -- r0 router r1 -- s0 server; tunnel inner addresses on lo. */
export const ADDR = {
  client: { 4: '192.0.2.10', 6: '2001:db8:1::10' },
  clientAlt: { 4: '192.0.2.11', 6: '2001:db8:1::11' },
  server: { 4: '198.51.100.10', 6: '2001:db8:2::10' },
  clientInner: { 4: '203.0.113.10', 6: '2001:db8:c::10' },
  serverInner: { 4: '203.0.113.200', 6: '2001:db8:5::200' },
} as const;

/** Plugins each charon loads (Debian 5.9.8 packages; eap-mschapv2 from libcharon-extauth-plugins). */
const PLUGINS =
  'random nonce openssl pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp curve25519 aes sha1 sha2 hmac ' +
  'gcm ccm ctr chapoly kdf md5 eap-identity eap-mschapv2 kernel-libipsec kernel-netlink socket-default vici updown';

export class LabError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function netnsList(): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out.split('\n').map((line) => line.split(' ')[0] ?? '').filter(Boolean);
}

/** Kill every process inside a namespace (only ours: the name carries our prefix) and delete it. */
function destroyNamespace(name: string): void {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    let pids: number[] = [];
    try {
      pids = execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return;
    }
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
    if (pids.length === 0) break;
    execFileSync('sleep', ['0.2']);
  }
  try {
    execFileSync('ip', ['netns', 'delete', name], { stdio: 'ignore' });
  } catch {
    /* already gone */
  }
}

/** Remove namespaces and directories of lab runs whose process no longer exists. Returns their names. */
export function removeStaleRuns(): string[] {
  const removed: string[] = [];
  const pattern = new RegExp(`^${PREFIX}(\\d+)-`);
  for (const ns of netnsList()) {
    const pid = Number(pattern.exec(ns)?.[1]);
    if (pid && !alive(pid)) {
      destroyNamespace(ns);
      removed.push(ns);
    }
  }
  for (const entry of readdirSync('/tmp')) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)$`).exec(entry)?.[1]);
    if (pid && !alive(pid)) {
      rmSync(join('/tmp', entry), { recursive: true, force: true });
      removed.push(`/tmp/${entry}`);
    }
  }
  return removed;
}

/** Every lab created by this process, so that exit and signal handlers can tear them down. */
const openLabs = new Set<Lab>();

/** Synchronous teardown of everything this process created; safe to call more than once. */
export function teardownAll(): void {
  for (const lab of openLabs) lab.teardown();
  if (!process.env.LAB_KEEP) rmSync(join('/tmp', `${PREFIX}${process.pid}`), { recursive: true, force: true });
}

export interface TopologyOptions {
  /** Masquerade client traffic on the router (and the server has no route back to the client net). */
  nat?: boolean;
  /** MTU of all four veth ends (default 1500). */
  mtu?: number;
}

export interface CharonOptions {
  /** The whole swanctl.conf text. */
  swanctlConf: string;
  /** Extra text inside `charon { ... }` of strongswan.conf (e.g. `dpd_delay`, `plugins { ... }`). */
  charonSettings?: string;
  /** Extra files under the swanctl directory, e.g. `{ 'x509/client.pem': pem }`. */
  files?: Record<string, string | Buffer>;
}

let labCounter = 0;

export class Lab {
  readonly prefix: string;
  readonly dir: string;
  readonly ns: Record<Role, string>;
  private readonly processes = new Set<ChildProcess>();
  private closed = false;

  private constructor(readonly options: TopologyOptions) {
    this.prefix = `${PREFIX}${process.pid}-${labCounter++}`;
    this.dir = join('/tmp', `${PREFIX}${process.pid}`, this.prefix);
    this.ns = { client: `${this.prefix}-${SUFFIX.client}`, router: `${this.prefix}-${SUFFIX.router}`, server: `${this.prefix}-${SUFFIX.server}` };
  }

  /** Create client, router and server namespaces joined by veth. */
  static async create(options: TopologyOptions = {}): Promise<Lab> {
    const lab = new Lab(options);
    openLabs.add(lab);
    mkdirSync(lab.dir, { recursive: true });
    try {
      await lab.build();
    } catch (error) {
      lab.teardown();
      throw error;
    }
    return lab;
  }

  private async build(): Promise<void> {
    const { client, router, server } = this.ns;
    for (const ns of [client, router, server]) {
      try {
        await run('ip', ['netns', 'add', ns]);
      } catch (error) {
        throw new LabError(`cannot create network namespace ${ns}: ${(error as { stderr?: string }).stderr ?? error}`);
      }
      await this.ip(ns, 'link set lo up');
      await this.exec(ns, [
        'sysctl', '-qw', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0',
        'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0',
        'net.ipv4.conf.all.promote_secondaries=1', 'net.ipv4.conf.default.promote_secondaries=1',
      ]);
    }
    await run('ip', ['link', 'add', 'c0', 'netns', client, 'type', 'veth', 'peer', 'name', 'r0', 'netns', router]);
    await run('ip', ['link', 'add', 's0', 'netns', server, 'type', 'veth', 'peer', 'name', 'r1', 'netns', router]);
    const mtu = String(this.options.mtu ?? 1500);
    await this.ip(client, `addr add ${ADDR.client[4]}/24 dev c0`);
    await this.ip(client, `addr add ${ADDR.client[6]}/64 dev c0 nodad`);
    await this.ip(client, `addr add ${ADDR.clientInner[4]}/32 dev lo`);
    await this.ip(client, `addr add ${ADDR.clientInner[6]}/128 dev lo`);
    await this.ip(router, `addr add 192.0.2.1/24 dev r0`);
    await this.ip(router, `addr add 2001:db8:1::1/64 dev r0 nodad`);
    await this.ip(router, `addr add 198.51.100.1/24 dev r1`);
    await this.ip(router, `addr add 2001:db8:2::1/64 dev r1 nodad`);
    await this.ip(server, `addr add ${ADDR.server[4]}/24 dev s0`);
    await this.ip(server, `addr add ${ADDR.server[6]}/64 dev s0 nodad`);
    await this.ip(server, `addr add ${ADDR.serverInner[4]}/32 dev lo`);
    await this.ip(server, `addr add ${ADDR.serverInner[6]}/128 dev lo`);
    for (const [ns, dev] of [[client, 'c0'], [router, 'r0'], [router, 'r1'], [server, 's0']] as const) {
      await this.ip(ns, `link set ${dev} mtu ${mtu} up`);
    }
    await this.exec(router, ['sysctl', '-qw', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1']);
    await this.ip(client, 'route add 198.51.100.0/24 via 192.0.2.1 dev c0');
    await this.ip(client, 'route add 2001:db8:2::/64 via 2001:db8:1::1 dev c0');
    await this.ip(server, 'route add 2001:db8:1::/64 via 2001:db8:2::1 dev s0');
    if (this.options.nat) {
      // from a file: nft rejects this ruleset given on one command line ("unexpected '}'")
      const file = join(this.dir, 'labnat.nft');
      writeFileSync(file, 'table ip labnat {\n  chain post {\n    type nat hook postrouting priority srcnat; policy accept;\n    oifname "r1" ip saddr 192.0.2.0/24 masquerade\n  }\n}\n');
      await this.exec(router, ['nft', '-f', file]);
    } else {
      await this.ip(server, 'route add 192.0.2.0/24 via 198.51.100.1 dev s0');
    }
  }

  /** Run a command inside a namespace; resolves with stdout, rejects with a LabError carrying stderr. */
  async exec(ns: string, argv: string[], env: Record<string, string> = {}): Promise<string> {
    try {
      const { stdout } = await run('ip', ['netns', 'exec', ns, ...argv], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
      return stdout;
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new LabError(`${argv.join(' ')} (in ${ns}) failed: ${(e.stderr || e.stdout || e.message).trim()}`);
    }
  }

  /** `ip <args>` inside a namespace, args split on spaces. */
  ip(ns: string, args: string): Promise<string> {
    return this.exec(ns, ['ip', ...args.split(' ')]);
  }

  /** Set the MTU of every veth end (the path MTU of the lab). */
  async setMtu(mtu: number): Promise<void> {
    for (const [ns, dev] of [[this.ns.client, 'c0'], [this.ns.router, 'r0'], [this.ns.router, 'r1'], [this.ns.server, 's0']] as const) {
      await this.ip(ns, `link set ${dev} mtu ${mtu}`);
    }
    // Forget path MTUs learnt at the previous setting.
    for (const ns of [this.ns.client, this.ns.server]) {
      await this.ip(ns, 'route flush cache');
      await this.exec(ns, ['ip', '-6', 'route', 'flush', 'cache']);
    }
  }

  /** Drop every IP fragment the router receives, so only unfragmented packets cross. */
  async dropFragments(): Promise<void> {
    const chain = (dev: string): string =>
      `  chain ${dev}in {\n    type filter hook ingress device "${dev}" priority 0;\n    ip frag-off & 0x3fff != 0 drop\n    exthdr frag exists drop\n  }`;
    const file = join(this.dir, 'labfrag.nft');
    writeFileSync(file, `table netdev labfrag {\n${chain('r0')}\n${chain('r1')}\n}\n`);
    await this.exec(this.ns.router, ['nft', '-f', file]);
  }

  /** Start a long-running process in a namespace; it is killed at teardown. */
  spawn(ns: string, argv: string[], env: Record<string, string> = {}): ChildProcess {
    const child = spawn('ip', ['netns', 'exec', ns, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.processes.add(child);
    child.on('exit', () => this.processes.delete(child));
    return child;
  }

  /** Start a charon in `role`'s namespace with its own strongswan.conf, swanctl directory, vici socket and log. */
  async charon(role: 'client' | 'server', options: CharonOptions): Promise<Charon> {
    const base = join(this.dir, role);
    rmSync(base, { recursive: true, force: true });
    const swanctlDir = join(base, 'swanctl');
    for (const sub of ['x509', 'x509ca', 'private', 'pubkey']) mkdirSync(join(swanctlDir, sub), { recursive: true });
    mkdirSync(join(base, 'run'), { recursive: true });
    const vici = join(base, 'charon.vici');
    const log = join(base, 'charon.log');
    const conf = join(base, 'strongswan.conf');
    writeFileSync(
      conf,
      `charon {
  load = ${PLUGINS}
  install_virtual_ip = no
  filelog { main { path = ${log}
    time_format = %T
    time_add_ms = yes
    flush_line = yes
    default = 1
    ike = 2
    net = 2
    cfg = 2
    knl = 2
    chd = 2
  } }
  plugins {
    vici { socket = unix://${vici} }
    kernel-libipsec { load = yes }
  }
${options.charonSettings ?? ''}
}
`,
    );
    writeFileSync(join(swanctlDir, 'swanctl.conf'), options.swanctlConf);
    for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(join(swanctlDir, name), content);
    // charon writes /run/charon.pid: give it a private /run (`ip netns exec` runs in its own mount namespace).
    const child = this.spawn(this.ns[role], ['sh', '-c', `mount --bind ${join(base, 'run')} /run && exec /usr/lib/ipsec/charon`], {
      STRONGSWAN_CONF: conf,
    });
    const charon = new Charon(this, role, child, { conf, swanctlDir, vici, log });
    await charon.ready();
    return charon;
  }

  /** Start tcpdump on an interface; stop() resolves with the pcap path. Without `-U --immediate-mode`
   *  short captures stopped by SIGINT can come out empty. */
  async capture(role: Role, iface: string, filter = '', name = `${role}-${iface}`): Promise<Capture> {
    const file = join(this.dir, `${name}.pcap`);
    const child = this.spawn(this.ns[role], ['tcpdump', '-i', iface, '-n', '-U', '--immediate-mode', '-s', '0', '-w', file, ...(filter ? [filter] : [])]);
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new LabError(`tcpdump on ${iface} did not start: ${err}`)), 10_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        reject(new LabError(`tcpdump on ${iface} exited: ${err.trim()}`));
      });
    });
    return new Capture(child, file);
  }

  /** Kill our processes and delete our namespaces and files. Synchronous so that signal handlers can use it. */
  teardown(): void {
    if (this.closed) return;
    this.closed = true;
    for (const child of this.processes) child.kill('SIGKILL');
    for (const ns of Object.values(this.ns)) if (netnsList().includes(ns)) destroyNamespace(ns);
    if (!process.env.LAB_KEEP) rmSync(this.dir, { recursive: true, force: true });
    openLabs.delete(this);
  }
}

export class Capture {
  constructor(private readonly child: ChildProcess, readonly file: string) {}

  /** Stop tcpdump (SIGINT flushes the file) and return the pcap path. */
  async stop(): Promise<string> {
    if (this.child.exitCode === null) {
      const done = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGINT');
      await done;
    }
    return this.file;
  }
}

export interface CharonPaths {
  conf: string;
  swanctlDir: string;
  vici: string;
  log: string;
}

export class Charon {
  constructor(
    readonly lab: Lab,
    readonly role: 'client' | 'server',
    private readonly child: ChildProcess,
    readonly paths: CharonPaths,
  ) {}

  /** Resolves once the vici socket accepts commands. */
  async ready(timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (this.child.exitCode !== null) throw new LabError(`charon (${this.role}) exited with ${this.child.exitCode}: ${this.logText().slice(-2000)}`);
      if (existsSync(this.paths.vici)) {
        try {
          await this.swanctl('--stats');
          return;
        } catch {
          /* not listening yet */
        }
      }
      await sleep(50);
    }
    throw new LabError(`charon (${this.role}) did not open its vici socket within ${timeoutMs} ms`);
  }

  /** `swanctl <command> --uri <our socket> <args>`; swanctl rejects `--uri` before the command word. */
  swanctl(command: string, ...args: string[]): Promise<string> {
    return this.lab.exec(this.lab.ns[this.role], ['swanctl', command, '--uri', `unix://${this.paths.vici}`, ...args], {
      SWANCTL_DIR: this.paths.swanctlDir,
      STRONGSWAN_CONF: this.paths.conf,
    });
  }

  load(): Promise<string> {
    return this.swanctl('--load-all', '--noprompt');
  }

  initiate(child: string, ike?: string, timeoutS = 10): Promise<string> {
    return this.swanctl('--initiate', '--child', child, ...(ike ? ['--ike', ike] : []), '--timeout', String(timeoutS));
  }

  logText(): string {
    return existsSync(this.paths.log) ? readFileSync(this.paths.log, 'utf8') : '';
  }

  /** Wait until the log matches `pattern` (searched from character `from`), returning the match. */
  async waitLog(pattern: RegExp, timeoutMs = 10_000, from = 0): Promise<RegExpMatchArray> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const match = this.logText().slice(from).match(pattern);
      if (match) return match;
      if (Date.now() > end) throw new LabError(`charon (${this.role}) log did not show ${pattern} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const done = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await done;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Read fields from a pcap with tshark (no reassembly, so each row is one IP packet). */
export async function tshark(file: string, fields: string[], filter = ''): Promise<string[][]> {
  const { stdout } = await run(
    'tshark',
    ['-r', file, '-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f',
      ...fields.flatMap((f) => ['-e', f]), ...(filter ? ['-Y', filter] : [])],
    { maxBuffer: 64 << 20 },
  );
  return stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

export interface Packet {
  /** Whole IP packet length (IPv6: payload length + 40). */
  length: number;
  family: Family;
  src: string;
  dst: string;
  /** IPv4 fragment offset or IPv6 fragment header present. */
  fragment: boolean;
  /** ESP sequence number when the packet is ESP (raw or UDP-encapsulated). */
  espSeq?: number;
  /** tcpdump's whole line for the packet, for checks a caller needs beyond these fields. */
  text: string;
}

/** Read a pcap through tcpdump's own verbose output (it starts in milliseconds; tshark takes seconds). */
export async function readPcap(file: string): Promise<Packet[]> {
  const { stdout } = await run('tcpdump', ['-r', file, '-n', '-v', '-tt'], { maxBuffer: 64 << 20 });
  // Continuation lines start with whitespace: join them to their packet.
  // Only IP packets (a capture filtered by host also sees ARP).
  const lines = stdout.replace(/\n\s+/g, ' ').split('\n').filter((line) => / IP6? \(/.test(line));
  return lines.map((text) => {
    const v4 = /\bIP \(.*?offset (\d+), flags \[([^\]]*)\].*?length (\d+)\) (\S+) > (\S+?):/.exec(text);
    const v6 = /\bIP6 \(.*?payload length: (\d+)\) (\S+) > (\S+?):/.exec(text);
    const esp = /ESP\(spi=0x[0-9a-f]+,seq=0x([0-9a-f]+)\)/.exec(text);
    const base = { text, ...(esp ? { espSeq: parseInt(esp[1]!, 16) } : {}) };
    if (v4) return { ...base, family: 4 as const, length: Number(v4[3]), src: v4[4]!, dst: v4[5]!, fragment: v4[1] !== '0' || v4[2]!.includes('+') };
    if (v6) return { ...base, family: 6 as const, length: Number(v6[1]) + 40, src: v6[2]!, dst: v6[3]!, fragment: /\bfrag \(/.test(text) };
    throw new LabError(`cannot parse tcpdump line: ${text}`);
  });
}

/** strongSwan version and kernel release, for result files. */
export function environment(): { strongswan: string; kernel: string } {
  const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'strongswan-charon'], { encoding: 'utf8' }).trim();
  const kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
  return { strongswan: `strongSwan ${version} (Debian strongswan-charon, kernel-libipsec)`, kernel };
}
