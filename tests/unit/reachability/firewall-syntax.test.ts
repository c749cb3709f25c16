// Parses every generated nftables and iptables file with the real tools in check mode
// (nft -c -f, iptables-restore --test, ip6tables-restore --test); see ../firewall-tools.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { allScenarios, generateRules, type Scenario } from '../../../src/lib/reachability/index';
import { describeWithFirewallTools } from '../firewall-tools';

const workdir = mkdtempSync(join(tmpdir(), 'vpn-rules-'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

function run(tool: string, args: string[], stdin?: string) {
  const result = spawnSync(tool, args, { encoding: 'utf8', input: stdin });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

// The firewall type only selects which generator the page shows, so the
// 288 scenarios reduce to 72 distinct inputs for each generator.
const distinct: Scenario[] = allScenarios().filter((s) => s.firewall === 'nftables');

describeWithFirewallTools('nft check mode', () => {
  it('rejects a broken rule (the check can fail)', () => {
    const file = join(workdir, 'broken.nft');
    writeFileSync(file, 'table inet t {\n\tchain input {\n\t\tudp dport 1701 meta ipsec bogus accept\n\t}\n}\n');
    expect(run('nft', ['-c', '-f', file]).ok).toBe(false);
  });

  it(`accepts the nftables file of all ${distinct.length} scenarios`, () => {
    const failures: string[] = [];
    for (const [i, s] of distinct.entries()) {
      const file = join(workdir, `scenario-${i}.nft`);
      const content = generateRules(s, 'nftables').files[0]?.content ?? '';
      writeFileSync(file, content);
      const result = run('nft', ['-c', '-f', file]);
      if (!result.ok) failures.push(`${JSON.stringify(s)}: ${result.output}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describeWithFirewallTools('iptables-restore check mode', () => {
  it('rejects a broken rule (the check can fail)', () => {
    const bad = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 1701 -m policy --dir sideways -j ACCEPT\nCOMMIT\n';
    expect(run('iptables-restore', ['--test'], bad).ok).toBe(false);
  });

  it('accepts every rules.v4 and rules.v6 file', () => {
    const failures: string[] = [];
    let v4 = 0;
    let v6 = 0;
    for (const s of distinct) {
      for (const file of generateRules(s, 'iptables').files) {
        const tool = file.name === 'rules.v6' ? 'ip6tables-restore' : 'iptables-restore';
        if (file.name === 'rules.v6') v6++;
        else v4++;
        const result = run(tool, ['--test'], file.content);
        if (!result.ok) failures.push(`${file.name} ${JSON.stringify(s)}: ${result.output}`);
      }
    }
    expect(failures).toEqual([]);
    // 72 scenarios: IPv4 in two thirds of them, IPv6 in two thirds.
    expect([v4, v6]).toEqual([48, 48]);
  }, 120_000);
});
