/**
 * `npm run lab [-- --quick] [-- <scenario>...]`: re-measures real strongSwan packets in network
 * namespaces and compares them with the models and the committed results in tests/lab/results/.
 * Exit codes: 0 all agree, 1 a difference or a failed scenario, 2 usage or environment error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environment, Lab, removeStaleRuns, teardownAll } from './harness';
import { ensureLibreswan } from './libreswan';
import type { Difference, Scenario, ScenarioResult } from './scenario';

const here = dirname(fileURLToPath(import.meta.url));
const scenarioDir = join(here, 'scenarios');
const resultDir = join(here, 'results');

function fail(message: string, code = 2): never {
  process.stderr.write(`lab: ${message}\n`);
  process.exit(code);
}

/** Tools the lab runs, and the Debian 12 package that provides each. */
const TOOLS: [path: string, pkg: string][] = [
  ['/usr/sbin/ip', 'iproute2'],
  ['/usr/sbin/nft', 'nftables'],
  ['/usr/lib/ipsec/charon', 'strongswan-charon'],
  ['/usr/sbin/swanctl', 'strongswan-swanctl'],
  ['/usr/bin/pki', 'strongswan-pki'],
  ['/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so', 'libcharon-extra-plugins'],
  ['/usr/lib/ipsec/plugins/libstrongswan-eap-mschapv2.so', 'libcharon-extauth-plugins'],
  ['/usr/lib/ipsec/plugins/libstrongswan-gcm.so', 'libstrongswan-standard-plugins'],
  ['/usr/lib/ipsec/plugins/libstrongswan-chapoly.so', 'libstrongswan-extra-plugins'],
  ['/usr/bin/tcpdump', 'tcpdump'],
  ['/usr/bin/tshark', 'tshark'],
  ['/usr/bin/ping', 'iputils-ping'],
  // l2tp-configs: the generated xl2tpd.conf and PPP options file
  ['/usr/sbin/xl2tpd', 'xl2tpd'],
  ['/usr/sbin/pppd', 'ppp'],
];

function ensurePackages(): void {
  const missing = [...new Set(TOOLS.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg))];
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get')) fail(`missing packages and no apt-get to install them: ${missing.join(' ')}`);
  process.stdout.write(`==> Installing ${missing.join(' ')} (apt-get)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    // tshark asks whether non-root users may capture; answer no instead of prompting.
    execFileSync('sh', ['-c', 'echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections'], { env });
    execFileSync('apt-get', ['update', '-qq', '-o', 'DPkg::Lock::Timeout=600'], { env, stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', ...missing], { env, stdio: 'inherit' });
  } catch {
    fail(`could not install ${missing.join(' ')}; install them and run again`);
  }
  const still = TOOLS.filter(([path]) => !existsSync(path)).map(([path, pkg]) => `${path} (${pkg})`);
  if (still.length > 0) fail(`still missing after apt-get: ${still.join(', ')}`);
}

async function loadScenarios(): Promise<Map<string, Scenario>> {
  const scenarios = new Map<string, Scenario>();
  for (const file of readdirSync(scenarioDir).filter((f) => f.endsWith('.ts')).sort()) {
    const scenario = ((await import(join(scenarioDir, file))) as { default: Scenario }).default;
    if (scenario.name !== file.replace(/\.ts$/, '')) fail(`${file} exports scenario "${scenario.name}"; the name must equal the file name`);
    scenarios.set(scenario.name, scenario);
  }
  return scenarios;
}

const started = Date.now();
function elapsed(): string {
  const s = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Measured records that changed since the committed result file (same id, different content). */
function compareWithCommitted(name: string, result: ScenarioResult): Difference[] {
  const file = join(resultDir, `${name}.json`);
  if (!existsSync(file)) return [];
  const committed = new Map(
    (JSON.parse(readFileSync(file, 'utf8')) as { records: { id: string }[] }).records.map((r) => [r.id, JSON.stringify(r)]),
  );
  return result.records
    .filter((r) => committed.has(r.id) && committed.get(r.id) !== JSON.stringify(r))
    .map((r) => ({ what: r.id, expected: committed.get(r.id)!, measured: JSON.stringify(r), source: `tests/lab/results/${name}.json` }));
}

function printDifferences(name: string, differences: Difference[]): void {
  const shown = differences.slice(0, 12);
  const width = Math.max(...shown.map((d) => d.what.length), 4);
  process.stdout.write(`\n${name}: ${differences.length} difference(s) between expected and measured\n`);
  process.stdout.write(`  ${'what'.padEnd(width)}  ${'expected'.padStart(10)}  ${'measured'.padStart(10)}  source\n`);
  for (const d of shown) {
    process.stdout.write(`  ${d.what.padEnd(width)}  ${String(d.expected).padStart(10)}  ${String(d.measured).padStart(10)}  ${d.source}\n`);
  }
  if (differences.length > shown.length) process.stdout.write(`  ... and ${differences.length - shown.length} more\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('usage: npm run lab [-- --quick] [-- <scenario>...]\n');
    return;
  }
  const quick = args.includes('--quick');
  const unknownFlags = args.filter((a) => a.startsWith('-') && a !== '--quick');
  if (unknownFlags.length > 0) fail(`unknown option ${unknownFlags.join(' ')} (usage: npm run lab [-- --quick] [-- <scenario>...])`);
  const scenarios = await loadScenarios();
  const names = args.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !scenarios.has(n));
  if (unknown.length > 0) fail(`unknown scenario ${unknown.join(', ')}; available: ${[...scenarios.keys()].join(', ')}`);
  if (process.getuid?.() !== 0) fail('needs root (network namespaces, veth, charon): run it as root, e.g. `sudo npm run lab`');
  if (!existsSync('/proc/self/ns/net') || !existsSync('/usr/sbin/ip')) fail('this system has no network namespaces (/proc/self/ns/net) or no `ip`');
  ensurePackages();
  const selected = names.length > 0 ? names.map((n) => scenarios.get(n)!) : [...scenarios.values()];
  if (selected.some((s) => s.libreswan)) {
    try {
      ensureLibreswan((line) => process.stdout.write(`${line}\n`));
    } catch (error) {
      fail(`could not unpack libreswan: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nlab: ${signal} received, removing namespaces and processes of this run\n`);
      teardownAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('exit', teardownAll);
  const stale = removeStaleRuns();
  if (stale.length > 0) process.stdout.write(`==> Removed leftovers of interrupted runs: ${stale.join(' ')}\n`);

  const env = environment();
  let failed = false;
  for (const scenario of selected) {
    const t0 = Date.now();
    process.stdout.write(`==> ${scenario.name}${quick ? ' (quick)' : ''}: ${scenario.description}\n`);
    let last = '';
    const labs: Lab[] = [];
    try {
      const result = await scenario.run({
        quick,
        progress(step, done, total) {
          const line = `  [${scenario.name} ${elapsed()}] ${step}${total ? ` (${done ?? 0}/${total})` : ''}`;
          if (line !== last) process.stdout.write(`${line}\n`);
          last = line;
        },
        async lab(options) {
          const lab = await Lab.create(options);
          labs.push(lab);
          return lab;
        },
      });
      const differences = [...result.differences, ...compareWithCommitted(scenario.name, result)];
      if (!quick) {
        const file = join(resultDir, `${scenario.name}.json`);
        const content = { scenario: scenario.name, date: new Date().toISOString().slice(0, 10), ...env, settings: result.settings, records: result.records };
        writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`);
      }
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (differences.length > 0) {
        failed = true;
        printDifferences(scenario.name, differences);
      }
      process.stdout.write(`==> ${scenario.name}: ${result.records.length} measurements, ${differences.length} differences, ${seconds} s\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`==> ${scenario.name} FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      for (const lab of labs) lab.teardown();
    }
  }
  process.stdout.write(`==> lab ${failed ? 'FAILED' : 'passed'} in ${elapsed()}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
