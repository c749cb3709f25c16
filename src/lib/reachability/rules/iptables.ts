// iptables-restore files: rules.v4 for IPv4 and rules.v6 (ip6tables-restore)
// for IPv6. Each replaces the filter table's rules when loaded.
import { usesIpv4, usesIpv6, type Scenario } from '../scenario';
import { scenarioSummary } from './header';
import { L2TP_DROP_LABEL, L2TP_INSIDE_LABEL, needsL2tpRules, openingsFor, type Opening } from './openings';
import type { FirewallRules, RuleFile } from './types';

function rule(o: Opening): string {
  const comment = `-m comment --comment "${o.label}"`;
  if (o.kind === 'esp') return `-A INPUT -p esp ${comment} -j ACCEPT`;
  return `-A INPUT -p ${o.kind} -m ${o.kind} --dport ${o.port} ${comment} -j ACCEPT`;
}

function restoreFile(s: Scenario, v6: boolean): RuleFile {
  const tool = v6 ? 'ip6tables-restore' : 'iptables-restore';
  const lines: string[] = [
    ...scenarioSummary(s).map((l) => `# ${l}`),
    `# Check with: ${tool} --test < rules.v${v6 ? 6 : 4}; load with: ${tool} < rules.v${v6 ? 6 : 4}.`,
    '# Loading replaces every rule of the filter table; forwarding and NAT of client traffic are not covered.',
    '*filter',
    ':INPUT DROP [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
  ];
  if (needsL2tpRules(s)) {
    // Before conntrack: UDP 1701 only if the kernel decrypted it with an IPsec policy (xt_policy).
    lines.push(
      `-A INPUT -p udp -m udp --dport 1701 -m policy --dir in --pol ipsec -m comment --comment "${L2TP_INSIDE_LABEL}" -j ACCEPT`,
      `-A INPUT -p udp -m udp --dport 1701 -m comment --comment "${L2TP_DROP_LABEL}" -j DROP`,
    );
  }
  lines.push(
    '-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    '-A INPUT -m conntrack --ctstate INVALID -j DROP',
    '-A INPUT -i lo -j ACCEPT',
    v6 ? '-A INPUT -p ipv6-icmp -m comment --comment "ICMPv6: neighbour discovery and path-MTU messages" -j ACCEPT'
      : '-A INPUT -p icmp -m comment --comment "ICMP, including path-MTU messages" -j ACCEPT',
    '-A INPUT -p tcp -m tcp --dport 22 -m comment --comment "remote administration: narrow or remove" -j ACCEPT',
    ...openingsFor(s).map(rule),
    'COMMIT',
    '',
  );
  return { name: `rules.v${v6 ? 6 : 4}`, language: 'iptables', content: lines.join('\n') };
}

export function iptablesRules(s: Scenario): FirewallRules {
  const files: RuleFile[] = [];
  if (usesIpv4(s)) files.push(restoreFile(s, false));
  if (usesIpv6(s)) files.push(restoreFile(s, true));
  return {
    files,
    notes: [
      'Test with `iptables-restore --test < rules.v4` (and `ip6tables-restore --test < rules.v6`) before loading.',
      'The INPUT policy is DROP: add any other service the host offers before loading the file on a remote machine.',
      ...(usesIpv4(s) && usesIpv6(s) ? [] : [`Only IPv${usesIpv4(s) ? 4 : 6} rules are generated; the other family's filter table is left as it is.`]),
    ],
  };
}
