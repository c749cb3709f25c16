// A complete `nft -f` file: one inet table whose input chain accepts the VPN
// flows and drops everything else. Loading it replaces only this table.
import { usesIpv4, usesIpv6, type Scenario } from '../scenario';
import { scenarioSummary } from './header';
import { L2TP_DROP_LABEL, L2TP_INSIDE_LABEL, needsL2tpRules, openingsFor, type Opening } from './openings';
import type { FirewallRules } from './types';

export const NFT_TABLE = 'vpn_server';

/** Restricts a VPN rule to the scenario's family in an inet table. */
function familyPrefix(s: Scenario): string {
  if (usesIpv4(s) && usesIpv6(s)) return '';
  return usesIpv4(s) ? 'meta nfproto ipv4 ' : 'meta nfproto ipv6 ';
}

function match(o: Opening): string {
  // `meta l4proto esp` matches ESP for IPv4 and IPv6 alike (nft(8), meta expression).
  return o.kind === 'esp' ? 'meta l4proto esp' : `${o.kind} dport ${o.port}`;
}

export function nftablesRules(s: Scenario): FirewallRules {
  const f = familyPrefix(s);
  const lines: string[] = [
    '#!/usr/sbin/nft -f',
    ...scenarioSummary(s).map((l) => `# ${l}`),
    '# Check with: nft -c -f <this file>; load with: nft -f <this file>.',
    '# Forwarding and NAT of client traffic are not covered here.',
    '',
    '# Create the table if missing, then delete it, so that reloading starts clean.',
    `table inet ${NFT_TABLE}`,
    `delete table inet ${NFT_TABLE}`,
    '',
    `table inet ${NFT_TABLE} {`,
    '\tchain input {',
    '\t\ttype filter hook input priority filter; policy drop;',
  ];
  if (needsL2tpRules(s)) {
    // Before conntrack: every UDP 1701 packet must have been decrypted by IPsec (meta ipsec exists).
    lines.push(
      `\t\t${f}udp dport 1701 meta ipsec exists counter accept comment "${L2TP_INSIDE_LABEL}"`,
      `\t\t${f}udp dport 1701 counter drop comment "${L2TP_DROP_LABEL}"`,
    );
  }
  lines.push(
    '\t\tct state established,related accept',
    '\t\tct state invalid drop',
    '\t\tiifname "lo" accept',
    '\t\tmeta l4proto icmp accept comment "ICMP, including path-MTU messages"',
    '\t\tmeta l4proto ipv6-icmp accept comment "ICMPv6: neighbour discovery and path-MTU messages"',
    '\t\ttcp dport 22 accept comment "remote administration: narrow or remove"',
  );
  for (const o of openingsFor(s)) lines.push(`\t\t${f}${match(o)} counter accept comment "${o.label}"`);
  lines.push('\t}', '}', '');
  return {
    files: [{ name: 'vpn-server.nft', language: 'nft', content: lines.join('\n') }],
    notes: [
      'Test with `nft -c -f vpn-server.nft`, load with `nft -f vpn-server.nft`; counters show in `nft list chain inet vpn_server input`.',
      'The input policy is drop: add any other service the host offers before loading it on a remote machine.',
      'Another table with its own input hook can still drop what this one accepts.',
    ],
  };
}
