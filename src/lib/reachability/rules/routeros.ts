// MikroTik RouterOS: /ip (and /ipv6) firewall filter lines, in the syntax of
// RouterOS's own default configuration (protocol=ipsec-esp,
// dst-port=500,4500, ipsec-policy=in,ipsec).
import { usesIpv4, usesIpv6, type Scenario } from '../scenario';
import { scenarioSummary } from './header';
import { L2TP_DROP_LABEL, L2TP_INSIDE_LABEL, needsL2tpRules, openingsFor, type Opening } from './openings';
import type { FirewallRules } from './types';

function rule(o: Opening): string {
  const comment = `comment="VPN: ${o.label}"`;
  if (o.kind === 'esp') return `add chain=input action=accept protocol=ipsec-esp ${comment}`;
  return `add chain=input action=accept protocol=${o.kind} dst-port=${o.port} ${comment}`;
}

function section(s: Scenario, menu: '/ip firewall filter' | '/ipv6 firewall filter'): string[] {
  const lines: string[] = [menu];
  if (needsL2tpRules(s)) {
    lines.push(
      `add chain=input action=accept protocol=udp dst-port=1701 ipsec-policy=in,ipsec comment="VPN: ${L2TP_INSIDE_LABEL}"`,
      `add chain=input action=drop protocol=udp dst-port=1701 comment="VPN: ${L2TP_DROP_LABEL}"`,
    );
  }
  lines.push(...openingsFor(s).map(rule));
  return lines;
}

export function routerosRules(s: Scenario): FirewallRules {
  const lines = [...scenarioSummary(s).map((l) => `# ${l}`)];
  if (usesIpv4(s)) lines.push(...section(s, '/ip firewall filter'));
  if (usesIpv6(s)) lines.push(...section(s, '/ipv6 firewall filter'));
  lines.push('');
  return {
    files: [{ name: 'vpn-firewall.rsc', language: 'routeros', content: lines.join('\n') }],
    notes: [
      '`add` appends to the end of the chain: move these rules above any rule that drops input traffic (the default configuration has "drop all not coming from LAN").',
      'Check connected clients with `/ip ipsec active-peers print` and `/ip ipsec installed-sa print`.',
      ...(s.tcpEncapsulation ? ['TCP encapsulation needs a server that implements RFC 9329; the sources used here document it for libreswan only.'] : []),
    ],
  };
}
