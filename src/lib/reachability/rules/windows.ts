// Windows Defender Firewall: New-NetFirewallRule lines for an elevated
// PowerShell. Parameters as documented for New-NetFirewallRule (NetSecurity):
// -Protocol takes UDP/TCP or a protocol number (50 = ESP); -Authentication
// Required matches only packets that IPsec authenticated.
import { type Scenario } from '../scenario';
import { scenarioSummary } from './header';
import { L2TP_INSIDE_LABEL, needsL2tpRules, openingsFor, type Opening } from './openings';
import type { FirewallRules } from './types';

/** Display names start with this prefix so that Get-NetFirewallRule -DisplayName 'VPN:*' finds them. */
export const WINDOWS_RULE_PREFIX = 'VPN: ';

function rule(o: Opening): string {
  const name = `-DisplayName "${WINDOWS_RULE_PREFIX}${o.label}"`;
  if (o.kind === 'esp') return `New-NetFirewallRule ${name} -Direction Inbound -Protocol 50 -Action Allow`;
  return `New-NetFirewallRule ${name} -Direction Inbound -Protocol ${o.kind.toUpperCase()} -LocalPort ${o.port} -Action Allow`;
}

export function windowsRules(s: Scenario): FirewallRules {
  const lines = [...scenarioSummary(s).map((l) => `# ${l}`), '# Run in an elevated PowerShell.', ...openingsFor(s).map(rule)];
  if (needsL2tpRules(s)) {
    lines.push(
      '# UDP 1701 only when IPsec authenticated and encrypted it; plain UDP 1701 matches no allow rule',
      '# and falls to the profile default inbound action (Block).',
      `New-NetFirewallRule -DisplayName "${WINDOWS_RULE_PREFIX}${L2TP_INSIDE_LABEL}" -Direction Inbound -Protocol UDP -LocalPort 1701 -Authentication Required -Encryption Required -Action Allow`,
    );
  }
  lines.push('');
  return {
    files: [{ name: 'vpn-firewall.ps1', language: 'powershell', content: lines.join('\n') }],
    notes: [
      "List the rules with `Get-NetFirewallRule -DisplayName 'VPN:*'`; check that `Get-NetFirewallProfile` shows DefaultInboundAction Block.",
      'The rules apply to IPv4 and IPv6 alike.',
      ...(needsL2tpRules(s)
        ? [
            'Make sure no other enabled rule allows UDP 1701 without -Authentication Required, or plain L2TP would be accepted.',
            'Whether the IPsec policy that Routing and Remote Access creates for L2TP satisfies -Authentication Required is not documented in the sources used here: test a connection after adding the rule.',
          ]
        : []),
      ...(s.tcpEncapsulation ? ['TCP encapsulation needs a server that implements RFC 9329; the sources used here document it for libreswan only.'] : []),
    ],
  };
}
