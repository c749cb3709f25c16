/**
 * Legacy L2TP/IPsec (RFC 3193): an IKEv1 transport-mode connection for UDP 1701 in swanctl.conf,
 * xl2tpd for L2TP (xl2tpd.conf(5)), pppd for PPP and MS-CHAPv2 sign-in (pppd(8)), and the
 * Windows client's PowerShell. The PPP MTU is the overhead model's largest inner packet.
 */
import { ModelError, maxInnerPacket, presetById } from '../overhead';
import type { ClientVerdict } from '../proposals';
import type { ConfigInputs, Prefix } from './inputs';
import { PSK_PLACEHOLDER } from './settings';

/** The PPP MTU and MRU: the largest inner packet of the Linux L2TP/IPsec data plane (preset
 *  'l2tp-linux') with each ESP suite the L2TP clients negotiate, the smallest of them. */
export function pppMtu(pathMtu: number, verdicts: readonly ClientVerdict[]): number {
  const { spec } = presetById('l2tp-linux');
  const values = verdicts.flatMap((v) => {
    if (v.client.ikeVersion !== 1 || !v.esp) return [];
    try {
      return [maxInnerPacket({ ...spec, esp: v.esp }, pathMtu)];
    } catch (error) {
      if (error instanceof ModelError) return [];
      throw error;
    }
  });
  return values.length > 0 ? Math.min(...values) : maxInnerPacket(spec, pathMtu);
}

/** The nth address of an IPv4 prefix, dotted. */
function nthAddress(prefix: Prefix, n: number): string {
  const base = parseInt(prefix.bits, 2) >>> 0;
  const value = (base + n) >>> 0;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** The server's PPP address (the network's first host) and the clients' range (the rest, without broadcast). */
export function l2tpAddresses(pool: Prefix): { local: string; first: string; last: string } {
  const size = 2 ** (32 - pool.length);
  return { local: nthAddress(pool, 1), first: nthAddress(pool, 2), last: nthAddress(pool, size - 2) };
}

export function xl2tpdConf(inputs: ConfigInputs, pool: Prefix): string {
  const { local, first, last } = l2tpAddresses(pool);
  return [
    `; /etc/xl2tpd/xl2tpd.conf: L2TP for the L2TP/IPsec clients of ${inputs.gateway}.`,
    '; UDP 1701 is reachable only through IPsec (swanctl.conf and the firewall rules).',
    '[global]',
    'port = 1701',
    '',
    '[lns default]',
    `ip range = ${first}-${last}`,
    `local ip = ${local}`,
    'require chap = yes',
    'refuse pap = yes',
    'require authentication = yes',
    `name = ${inputs.slug}`,
    'pppoptfile = /etc/ppp/options.xl2tpd',
    // No `length bit = yes`: in user-space mode xl2tpd would then send an 8-byte data header
    // (RFC 2661 §3.1; xl2tpd call.c add_payload_hdr), 2 more than pppMtu allows for.
    '',
  ].join('\n');
}

export function pppOptions(inputs: ConfigInputs, mtu: number): string {
  return [
    `# /etc/ppp/options.xl2tpd: PPP for the L2TP/IPsec clients of ${inputs.gateway}.`,
    '# Caveat: MS-CHAPv2 protects the password only as well as the tunnel around it. Anyone who',
    '# learns the shared IPsec key can pose as this server and capture the exchange, from which',
    '# the password hash can be recovered whatever the password (Microsoft security advisory',
    '# 2743314). Move these users to IKEv2.',
    'require-mschap-v2',
    'refuse-pap',
    'refuse-chap',
    'refuse-mschap',
    ...inputs.dns.filter((d) => !d.includes(':')).slice(0, 2).map((d) => `ms-dns ${d}`),
    `# The largest packet that fits the path MTU ${inputs.pathMtu} after ESP in UDP, L2TP and PPP (overhead model).`,
    `mtu ${mtu}`,
    `mru ${mtu}`,
    'noccp',
    'proxyarp',
    'lcp-echo-interval 30',
    'lcp-echo-failure 4',
    '',
  ].join('\n');
}

/** pppd's CHAP secrets: client, server, secret, addresses (pppd(8), "AUTHENTICATION"). */
export function chapSecrets(inputs: ConfigInputs): string {
  return [
    '# /etc/ppp/chap-secrets (mode 600): one line per L2TP/IPsec user.',
    '# client  server  secret  IP addresses',
    ...inputs.users.map((user) => `"${user}" * "password-of-${user}" *`),
    '',
  ].join('\n');
}

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Windows' built-in L2TP/IPsec client: the connection and, for a server behind NAT, the
 *  registry value Windows needs (Microsoft: Configure an L2TP/IPsec server behind a NAT-T device). */
export function windowsL2tpScript(inputs: ConfigInputs, psk: string | null): string {
  const name = psQuote(`${inputs.name} (L2TP)`);
  return [
    `# ${inputs.name}: legacy L2TP/IPsec for Windows 10 and 11, to ${inputs.gateway}.`,
    '# Run in an elevated PowerShell. The pre-shared key below is a secret: keep this file private.',
    "$ErrorActionPreference = 'Stop'",
    `Add-VpnConnection -Name ${name} -ServerAddress ${psQuote(inputs.gateway)} -TunnelType L2tp -L2tpPsk ${psQuote(psk ?? PSK_PLACEHOLDER)} -AuthenticationMethod MSChapv2 -EncryptionLevel Required -RememberCredential${inputs.routes.length > 0 ? ' -SplitTunneling' : ''} -Force`,
    ...inputs.routes.map((r) => `Add-VpnConnectionRoute -ConnectionName ${name} -DestinationPrefix ${r.text}`),
    ...(inputs.serverNat
      ? [
          '# The server is behind NAT: allow IPsec security associations when both ends are behind NAT (value 2). Restart Windows afterwards.',
          "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent' -Name 'AssumeUDPEncapsulationContextOnSendRule' -PropertyType DWord -Value 2 -Force | Out-Null",
        ]
      : []),
    '',
  ].join('\r\n');
}
