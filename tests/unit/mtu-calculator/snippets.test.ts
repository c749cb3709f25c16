// Ready-to-paste settings: the computed numbers in the right places, and firewall snippets that
// the real tools accept (nft -c, iptables-restore --test / ip6tables-restore --test).
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  calculatorView,
  computeResult,
  panelsView,
  settingsSnippets,
  snippetText,
  type CalculatorState,
  type Snippet,
  type SnippetInput,
} from '../../../src/lib/mtu-calculator';
import { PROTOCOLS } from '../../../src/lib/overhead';
import { describeWithFirewallTools } from '../firewall-tools';

const snippetFor = (input: SnippetInput, id: Snippet['id']): Snippet => {
  const snippet = settingsSnippets(input).find((s) => s.id === id);
  if (!snippet) throw new Error(`no ${id} snippet for ${input.protocol}`);
  return snippet;
};

/** Turns `iptables -t mangle -A ...` lines into the restore format the tools can test. */
function asRestoreFile(text: string): string {
  const rules = text
    .split('\n')
    .filter((line) => line.startsWith('iptables ') || line.startsWith('ip6tables '))
    .map((line) => line.replace(/^ip6?tables -t mangle /, ''));
  return `*mangle\n${rules.join('\n')}\nCOMMIT\n`;
}

const inputs: SnippetInput[] = PROTOCOLS.flatMap((protocol) =>
  ([4, 6] as const).map((inner) => ({ protocol, inner, maxInner: 1438, mss: inner === 4 ? 1398 : 1378 })),
);

describe('which settings each protocol gets', () => {
  it.each([
    ['ikev2', ['iptables', 'nftables', 'strongswan', 'windows']],
    ['l2tp', ['pppd', 'iptables', 'nftables', 'windows']],
    ['wireguard', ['wireguard', 'iptables', 'nftables']],
    ['openvpn', ['iptables', 'nftables']],
  ] as const)('%s', (protocol, ids) => {
    expect(settingsSnippets({ protocol, inner: 4, maxInner: 1400, mss: 1360 }).map((s) => s.id)).toEqual(ids);
  });
});

describe('computed values', () => {
  it('marks exactly the computed numbers as values', () => {
    for (const input of inputs) {
      for (const snippet of settingsSnippets(input)) {
        const values = snippet.tokens.filter((t) => t.kind === 'value').map((t) => Number(t.text));
        expect(values.length, snippet.id).toBeGreaterThan(0);
        for (const v of values) expect([input.maxInner, input.mss, input.mss + 1], snippet.id).toContain(v);
      }
    }
  });

  it.each([
    // Each line's source: the option's documented meaning.
    ['strongswan', 'strongSwan kernel-netlink.opt: mtu/mss "to set on installed routes"', /mtu = 1438\n\s+mss = 1398/],
    ['pppd', 'pppd(8): mtu (what this side sends) and mru (what the peer may send)', /^mtu 1438\nmru 1438$/m],
    ['windows', 'netsh interface ipv4 set subinterface ... mtu= store=persistent', /^netsh interface ipv4 set subinterface "My VPN" mtu=1438 store=persistent$/m],
    ['wireguard', 'wg-quick(8): MTU in [Interface]', /^\[Interface\]\nMTU = 1438$/m],
  ] as const)('%s: %s', (id, _source, pattern) => {
    const protocol = id === 'pppd' ? 'l2tp' : id === 'wireguard' ? 'wireguard' : 'ikev2';
    expect(snippetText(snippetFor({ protocol, inner: 4, maxInner: 1438, mss: 1398 }, id))).toMatch(pattern);
  });

  it('uses ipv6 commands and tables for IPv6 inside the tunnel', () => {
    const input: SnippetInput = { protocol: 'ikev2', inner: 6, maxInner: 1438, mss: 1378 };
    expect(snippetText(snippetFor(input, 'iptables'))).toMatch(/^ip6tables -t mangle -A FORWARD/m);
    expect(snippetText(snippetFor(input, 'nftables'))).toMatch(/^table ip6 vpn_mss/m);
    expect(snippetText(snippetFor(input, 'windows'))).toMatch(/netsh interface ipv6 set subinterface/);
  });

  it('carries the calculator’s own numbers for the default state', () => {
    const view = calculatorView(DEFAULT_STATE);
    const text = view.snippets.map(snippetText).join('\n');
    expect(text).toContain('--set-mss 1398');
    expect(text).toContain('maxseg size set 1398');
    expect(text).toContain('mtu = 1438');
    expect(text).toContain('mtu=1438');
  });

  it('offers no settings while the tunnel MTU or MSS is unknown', () => {
    const broken: Partial<CalculatorState>[] = [{ mtu: 'abc' }, { esp: 'aes129' }, { mtu: '80' }];
    for (const change of broken) expect(calculatorView({ ...DEFAULT_STATE, ...change }).snippets).toEqual([]);
  });
});

describeWithFirewallTools('the firewall tools accept the snippets', () => {
  it.each(inputs)('nft -c: $protocol, IPv$inner inside', (input) => {
    const text = snippetText(snippetFor(input, 'nftables'));
    const check = spawnSync('nft', ['-c', '-f', '-'], { input: text, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each(inputs)('iptables-restore --test: $protocol, IPv$inner inside', (input) => {
    const text = snippetText(snippetFor(input, 'iptables'));
    const tool = input.inner === 4 ? 'iptables-restore' : 'ip6tables-restore';
    const check = spawnSync(tool, ['--test'], { input: asRestoreFile(text), encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('would catch a broken rule (the check itself works)', () => {
    const broken = spawnSync('nft', ['-c', '-f', '-'], { input: 'table ip t { chain c { tcp option maxseg size set 70000 } }', encoding: 'utf8' });
    expect(broken.status).not.toBe(0);
    const restore = spawnSync('iptables-restore', ['--test'], { input: asRestoreFile('iptables -t mangle -A FORWARD -j TCPMSS --set-mss 70000'), encoding: 'utf8' });
    expect(restore.status).not.toBe(0);
    expect(execFileSync('nft', ['--version'], { encoding: 'utf8' })).toMatch(/nftables/);
  });
});

describe('the tool page panels', () => {
  it('agree with the result the calculator shows', () => {
    const state = { ...DEFAULT_STATE, proto: 'l2tp' as const, mtu: '1492' };
    const result = computeResult(state);
    const panels = panelsView(state, result);
    const own = panels.rows.find((row) => row.current);
    expect(own?.protocol).toBe('l2tp');
    expect(own?.maxInner).toEqual({ ok: true, value: result.path?.maxInner });
    expect(own?.mss).toEqual({ ok: true, value: result.path?.mss });
    expect(panels.rows).toHaveLength(4);
    expect(calculatorView(state).snippets.map(snippetText)).toEqual(panels.snippets.map(snippetText));
  });
});
