// Generated firewall rules are checked by the real tools in check mode (nft -c, iptables-restore
// --test, ip6tables-restore --test), which need nftables, iptables and root. Without them the checks
// fail with the reason; ALLOW_MISSING_FIREWALL_TOOLS=1 skips them instead, and says so.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

const TOOLS = ['nft', 'iptables-restore', 'ip6tables-restore'] as const;

/** Why the tools cannot be used here, or null when they can. */
function unavailable(): string | null {
  const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) return `${missing.join(', ')} not installed (Debian: apt-get install nftables iptables)`;
  const probe = spawnSync('nft', ['-c', '-f', '-'], { input: 'table inet probe {}\n', encoding: 'utf8' });
  if (probe.status !== 0) return `nft -c fails here (it needs root): ${probe.stderr.trim()}`;
  return null;
}

const reason = unavailable();

/** `describe`, when the firewall tools work here; otherwise one failing check, or a skip on request. */
export function describeWithFirewallTools(name: string, body: () => void): void {
  if (reason === null) {
    describe(name, body);
  } else if (process.env.ALLOW_MISSING_FIREWALL_TOOLS === '1') {
    console.log(`skipping "${name}": ${reason} (ALLOW_MISSING_FIREWALL_TOOLS=1)`);
    describe.skip(name, body);
  } else {
    describe(name, () => {
      it('needs the firewall tools', () => {
        throw new Error(`${reason}. Set ALLOW_MISSING_FIREWALL_TOOLS=1 to skip these checks.`);
      });
    });
  }
}
