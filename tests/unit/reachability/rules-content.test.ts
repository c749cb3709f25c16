// What the generated rules must contain for each scenario, checked for every
// scenario and every firewall type.
import { describe, expect, it } from 'vitest';
import { allScenarios, FIREWALLS, generateRules, type FirewallType, type Scenario } from '../../../src/lib/reachability/index';

const distinct: Scenario[] = allScenarios().filter((s) => s.firewall === 'nftables');

// Per firewall: how an accept of UDP 1701 protected by IPsec looks, and any line accepting UDP 1701.
const L2TP_PATTERNS: Record<FirewallType, { inside: RegExp; anyAccept: RegExp; drop: RegExp | null; esp: RegExp; tcp4500: RegExp }> = {
  nftables: {
    inside: /udp dport 1701 meta ipsec exists counter accept/,
    anyAccept: /udp dport 1701.*accept/,
    drop: /udp dport 1701 counter drop/,
    esp: /meta l4proto esp counter accept/,
    tcp4500: /tcp dport 4500 counter accept/,
  },
  iptables: {
    inside: /--dport 1701 -m policy --dir in --pol ipsec .*-j ACCEPT/,
    anyAccept: /--dport 1701 .*-j ACCEPT/,
    drop: /--dport 1701 .*-j DROP/,
    esp: /-p esp .*-j ACCEPT/,
    tcp4500: /-p tcp -m tcp --dport 4500 .*-j ACCEPT/,
  },
  windows: {
    inside: /-Protocol UDP -LocalPort 1701 -Authentication Required -Encryption Required -Action Allow/,
    anyAccept: /-LocalPort 1701 .*-Action Allow/,
    drop: null,
    esp: /-Protocol 50 -Action Allow/,
    tcp4500: /-Protocol TCP -LocalPort 4500 -Action Allow/,
  },
  routeros: {
    inside: /protocol=udp dst-port=1701 ipsec-policy=in,ipsec/,
    anyAccept: /action=accept protocol=udp dst-port=1701/,
    drop: /action=drop protocol=udp dst-port=1701/,
    esp: /action=accept protocol=ipsec-esp/,
    tcp4500: /action=accept protocol=tcp dst-port=4500/,
  },
};

const cases = distinct.flatMap((s) => FIREWALLS.map((firewall) => ({ s, firewall })));

describe('generated firewall rules', () => {
  it(`covers ${cases.length} scenario x firewall combinations`, () => {
    expect(cases.length).toBe(72 * 4);
  });

  it.each(cases.map(({ s, firewall }) => ({ name: `${firewall} ${s.protocol} snat=${s.serverNat} cnat=${s.clientNat} family=${s.family} tcp=${s.tcpEncapsulation}`, s, firewall })))(
    '$name',
    ({ s, firewall }) => {
      const rules = generateRules(s, firewall);
      const p = L2TP_PATTERNS[firewall];
      const l2tp = s.protocol !== 'ikev2';
      for (const file of rules.files) {
        const lines = file.content.split('\n').filter((l) => !l.trimStart().startsWith('#'));
        // UDP 1701 is accepted only inside IPsec, and only when L2TP is offered.
        const accepts = lines.filter((l) => p.anyAccept.test(l));
        expect(accepts.every((l) => p.inside.test(l))).toBe(true);
        // One accept per family section: RouterOS puts IPv4 and IPv6 in one file.
        const sections = firewall === 'routeros' && s.family === 'both' ? 2 : 1;
        expect(accepts.length).toBe(l2tp ? sections : 0);
        if (p.drop !== null) {
          const drop = lines.findIndex((l) => p.drop?.test(l));
          expect(drop >= 0).toBe(l2tp);
          // The IPsec accept comes before the drop (first match wins).
          if (l2tp) expect(lines.findIndex((l) => p.inside.test(l))).toBeLessThan(drop);
        }
        // UDP 500 and 4500 always; ESP unless the server is behind NAT; TCP 4500 only for IKEv2 with RFC 9329.
        expect(lines.some((l) => /500\b/.test(l) && !/4500/.test(l))).toBe(true);
        expect(lines.some((l) => /4500/.test(l) && /udp|UDP/.test(l))).toBe(true);
        expect(lines.some((l) => p.esp.test(l))).toBe(!s.serverNat);
        expect(lines.some((l) => p.tcp4500.test(l))).toBe(s.tcpEncapsulation && s.protocol !== 'l2tp');
      }
      if (firewall === 'iptables') {
        expect(rules.files.map((f) => f.name)).toEqual([...(s.family !== 6 ? ['rules.v4'] : []), ...(s.family !== 4 ? ['rules.v6'] : [])]);
      }
      if (firewall === 'routeros') {
        const content = rules.files[0]?.content ?? '';
        expect(content.includes('/ip firewall filter')).toBe(s.family !== 6);
        expect(content.includes('/ipv6 firewall filter')).toBe(s.family !== 4);
      }
      if (firewall === 'nftables') {
        const content = rules.files[0]?.content ?? '';
        // VPN rules are limited to the family in use; both families need no prefix.
        expect(content.includes('meta nfproto ipv4 udp dport 500')).toBe(s.family === 4);
        expect(content.includes('meta nfproto ipv6 udp dport 500')).toBe(s.family === 6);
      }
      expect(rules.notes.length).toBeGreaterThan(0);
    },
  );
});
