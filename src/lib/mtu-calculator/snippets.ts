/**
 * Ready-to-paste settings carrying the computed tunnel MTU and MSS, as token lists so that the
 * island can colour them without a syntax highlighter. Kinds:
 *   comment  explanatory text the tool ignores
 *   keyword  commands, options and directives
 *   value    a number computed from the reader's inputs (marked in the page)
 *   plain    everything else, written as is
 * Firewall snippets are checked with `nft -c` and `iptables-restore --test` in the unit tests.
 */
import type { Protocol } from '../overhead';

export type TokenKind = 'plain' | 'comment' | 'keyword' | 'value';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

export interface Snippet {
  readonly id: 'iptables' | 'nftables' | 'strongswan' | 'pppd' | 'windows' | 'wireguard';
  readonly title: string;
  /** Where it goes and what it does, one sentence. */
  readonly description: string;
  readonly tokens: readonly Token[];
}

export interface SnippetInput {
  readonly protocol: Protocol;
  readonly inner: 4 | 6;
  /** The tunnel MTU: the largest inner packet that fits the path. */
  readonly maxInner: number;
  readonly mss: number;
}

const plain = (text: string): Token => ({ kind: 'plain', text });
const keyword = (text: string): Token => ({ kind: 'keyword', text });
const value = (n: number): Token => ({ kind: 'value', text: String(n) });
const comment = (text: string): Token => ({ kind: 'comment', text });

/** The text of a snippet, exactly as the copy button copies it. */
export function snippetText(snippet: Pick<Snippet, 'tokens'>): string {
  return snippet.tokens.map((t) => t.text).join('');
}

/**
 * Which forwarded packets belong to the tunnel, per firewall syntax. ESP tunnel mode has no
 * interface: match the IPsec policy (iptables policy match; nft meta ipsec = secpath on input,
 * rt ipsec = a dst with an xfrm bundle on output). The others have an interface.
 */
const TUNNEL_MATCH: Readonly<Record<Protocol, { iptables: [string, string]; nft: [string, string]; note: string }>> = {
  ikev2: {
    iptables: ['-m policy --dir in --pol ipsec', '-m policy --dir out --pol ipsec'],
    nft: ['meta ipsec exists', 'rt ipsec exists'],
    note: 'traffic that arrives through or leaves by an IPsec policy',
  },
  l2tp: {
    iptables: ['-i ppp+', '-o ppp+'],
    nft: ['iifname "ppp*"', 'oifname "ppp*"'],
    note: 'traffic through the PPP interfaces of L2TP sessions (ppp0, ppp1, ...)',
  },
  wireguard: {
    iptables: ['-i wg0', '-o wg0'],
    nft: ['iifname "wg0"', 'oifname "wg0"'],
    note: 'traffic through the WireGuard interface wg0 (use your interface name)',
  },
  openvpn: {
    iptables: ['-i tun0', '-o tun0'],
    nft: ['iifname "tun0"', 'oifname "tun0"'],
    note: 'traffic through the OpenVPN interface tun0 (use your interface name)',
  },
};

function iptables({ protocol, inner, mss }: SnippetInput): Snippet {
  const command = inner === 4 ? 'iptables' : 'ip6tables';
  const tokens: Token[] = [comment(`# Lower the MSS of forwarded TCP SYNs for ${TUNNEL_MATCH[protocol].note}\n`)];
  for (const match of TUNNEL_MATCH[protocol].iptables) {
    tokens.push(
      keyword(command),
      plain(` -t mangle -A FORWARD ${match} -p tcp -m tcp --tcp-flags SYN,RST SYN -m tcpmss --mss `),
      value(mss + 1),
      plain(':65535 -j TCPMSS --set-mss '),
      value(mss),
      plain('\n'),
    );
  }
  return {
    id: 'iptables',
    title: inner === 4 ? 'iptables (IPv4)' : 'ip6tables (IPv6)',
    description: 'On the gateway that forwards tunnel traffic: rewrites larger MSS values in TCP SYNs to the clamp.',
    tokens,
  };
}

function nftables({ protocol, inner, mss }: SnippetInput): Snippet {
  const family = inner === 4 ? 'ip' : 'ip6';
  const tokens: Token[] = [
    comment(`# Lower the MSS of forwarded TCP SYNs for ${TUNNEL_MATCH[protocol].note}\n`),
    keyword('table'), plain(` ${family} vpn_mss {\n  `),
    keyword('chain'), plain(' forward {\n    '),
    keyword('type'), plain(' filter '), keyword('hook'), plain(' forward '), keyword('priority'), plain(' mangle; '),
    keyword('policy'), plain(' accept;\n'),
  ];
  for (const match of TUNNEL_MATCH[protocol].nft) {
    tokens.push(
      plain(`    ${match} tcp flags & (syn | rst) == syn tcp option maxseg size > `),
      value(mss),
      plain(' tcp option maxseg size set '),
      value(mss),
      plain('\n'),
    );
  }
  tokens.push(plain('  }\n}\n'));
  return {
    id: 'nftables',
    title: 'nftables',
    description: 'The same clamp for nftables: load it with nft -f, or add the rules to your own forward chain.',
    tokens,
  };
}

/** strongSwan installs these as RTAX_MTU / RTAX_ADVMSS metrics on the routes it adds (kernel_netlink_net.c). */
function strongswan({ maxInner, mss }: SnippetInput): Snippet {
  return {
    id: 'strongswan',
    title: 'strongSwan (strongswan.conf)',
    description:
      'Sets the MTU and advertised-MSS metrics on the routes charon installs for tunnelled traffic (routing table 220 by default): ' +
      'this host then sends packets that fit and asks its TCP peers for segments that fit.',
    tokens: [
      comment('# /etc/strongswan.d/charon/kernel-netlink.conf, or strongswan.conf\n'),
      keyword('charon'), plain(' {\n  '),
      keyword('plugins'), plain(' {\n    '),
      keyword('kernel-netlink'), plain(' {\n      '),
      keyword('mtu'), plain(' = '), value(maxInner), plain('\n      '),
      keyword('mss'), plain(' = '), value(mss), plain('\n    }\n  }\n}\n'),
    ],
  };
}

function pppd({ maxInner }: SnippetInput): Snippet {
  return {
    id: 'pppd',
    title: 'xl2tpd / pppd',
    description:
      'In the pppd options file that xl2tpd.conf names with pppoptfile: mtu limits what this side sends, mru asks the peer to send no more.',
    tokens: [
      comment('# /etc/ppp/options.xl2tpd\n'),
      keyword('mtu'), plain(' '), value(maxInner), plain('\n'),
      keyword('mru'), plain(' '), value(maxInner), plain('\n'),
    ],
  };
}

function windows({ inner, maxInner }: SnippetInput): Snippet {
  return {
    id: 'windows',
    title: 'Windows (netsh)',
    description:
      'In an elevated Command Prompt while the VPN is connected; use the connection name that netsh interface ' +
      `ipv${inner} show subinterfaces lists.`,
    tokens: [
      keyword('netsh'), plain(` interface ipv${inner} set subinterface "My VPN" `),
      keyword('mtu'), plain('='), value(maxInner), plain(' '), keyword('store'), plain('=persistent\n'),
    ],
  };
}

function wireguard({ maxInner }: SnippetInput): Snippet {
  return {
    id: 'wireguard',
    title: 'WireGuard (wg-quick)',
    description: 'In the [Interface] section of the wg-quick configuration, on both peers.',
    tokens: [keyword('[Interface]'), plain('\n'), keyword('MTU'), plain(' = '), value(maxInner), plain('\n')],
  };
}

/** The settings that apply to the protocol, in the order a reader needs them. */
export function settingsSnippets(input: SnippetInput): Snippet[] {
  switch (input.protocol) {
    case 'ikev2':
      return [iptables(input), nftables(input), strongswan(input), windows(input)];
    case 'l2tp':
      return [pppd(input), iptables(input), nftables(input), windows(input)];
    case 'wireguard':
      return [wireguard(input), iptables(input), nftables(input)];
    case 'openvpn':
      return [iptables(input), nftables(input)];
  }
}
