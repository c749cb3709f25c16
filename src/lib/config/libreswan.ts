/**
 * The server's files for libreswan 4.x instead of strongSwan: one `conn` for /etc/ipsec.d/ and its
 * ipsec.secrets line. libreswan 4.10 has no EAP-MSCHAPv2 (its only EAP method is EAP-TLS), so the
 * builder offers it for PSK only (inputs.ts). Option names, value
 * syntax and algorithm names are libreswan 4.10's (ipsec.conf(5), ipsec.secrets(5), and the
 * algorithm table pluto prints at startup, committed in tests/lab/results/logs/pluto-success/);
 * the lab checks every generated file with the real `addconn --checkconfig` (scenario
 * libreswan-configs, results/libreswan-configs.json).
 */
import { CIPHER_BY_KEYWORD, INTEGRITY_BY_KEYWORD, KEY_EXCHANGE_KEYWORDS, PRF_KEYWORDS } from '../overhead/transforms';
import type { ServerSuggestion } from '../proposals';
import type { ConfigInputs, Prefix } from './inputs';
import { trafficSelectors } from './server';
import { PSK_PLACEHOLDER, pskClientId } from './settings';

// strongSwan proposal keywords -> libreswan's names (pluto 4.10's algorithm table: name and aliases).
// A keyword missing here is an algorithm libreswan does not offer in that role.
const ENCRYPTION: Readonly<Record<string, string>> = {
  aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', '3des': '3des',
  aes128ctr: 'aes_ctr128', aes192ctr: 'aes_ctr192', aes256ctr: 'aes_ctr256',
  // AES_GCM_16 (16-byte ICV) is "aes_gcm"; strongSwan's aes<n>gcm16 and aes<n>gcm128 are the same transform
  aes128gcm16: 'aes_gcm128', aes192gcm16: 'aes_gcm192', aes256gcm16: 'aes_gcm256',
  aes128gcm128: 'aes_gcm128', aes192gcm128: 'aes_gcm192', aes256gcm128: 'aes_gcm256',
  chacha20poly1305: 'chacha20poly1305',
  camellia128: 'camellia128', camellia192: 'camellia192', camellia256: 'camellia256',
};
const INTEGRITY: Readonly<Record<string, string>> = {
  sha1: 'sha1', sha: 'sha1', sha256: 'sha2_256', sha2_256: 'sha2_256', sha384: 'sha2_384', sha2_384: 'sha2_384',
  sha512: 'sha2_512', sha2_512: 'sha2_512', aesxcbc: 'aes_xcbc',
};
const PRF: Readonly<Record<string, string>> = {
  prfsha1: 'sha1', prfsha256: 'sha2_256', prfsha384: 'sha2_384', prfsha512: 'sha2_512', prfaesxcbc: 'aes_xcbc',
};
const KEY_EXCHANGE: Readonly<Record<string, string>> = {
  modp1536: 'dh5', modp2048: 'dh14', modp3072: 'dh15', modp4096: 'dh16', modp6144: 'dh17', modp8192: 'dh18',
  ecp256: 'dh19', ecp384: 'dh20', ecp521: 'dh21', curve25519: 'dh31', x25519: 'dh31',
};

const unique = (xs: string[]) => [...new Set(xs)];

/** One strongSwan proposal ("aes256-sha512-prfsha512-ecp521") in libreswan's form
 *  ("aes256-sha2_512;dh21"), or the keywords libreswan cannot express. */
export function libreswanProposal(proposal: string, type: 'ike' | 'esp'): { text: string } | { unsupported: string[] } {
  const enc: string[] = [];
  const integ: string[] = [];
  const prf: string[] = [];
  const ke: string[] = [];
  const unsupported: string[] = [];
  for (const word of proposal.split('-')) {
    const put = (list: string[], table: Readonly<Record<string, string>>) => (table[word] ? list.push(table[word]) : unsupported.push(word));
    if (CIPHER_BY_KEYWORD.has(word)) put(enc, ENCRYPTION);
    else if (INTEGRITY_BY_KEYWORD.has(word)) put(integ, INTEGRITY);
    else if (PRF_KEYWORDS.includes(word)) put(prf, PRF);
    else if (KEY_EXCHANGE_KEYWORDS.includes(word)) put(ke, KEY_EXCHANGE);
    else if (word !== 'esn' && word !== 'noesn') unsupported.push(word);
  }
  if (unsupported.length > 0) return { unsupported };
  const dh = ke.length > 0 ? `;${unique(ke).join('+')}` : '';
  if (type === 'esp') return { text: `${unique(enc).join('+')}${integ.length > 0 ? `-${unique(integ).join('+')}` : ''}${dh}` };
  // IKE: libreswan names the PRFs and derives each integrity algorithm from its PRF, so a strongSwan
  // proposal whose integrity list differs from its PRF list (or that names no PRF, which then follows
  // the integrity algorithms) has no exact libreswan form.
  const prfs = unique(prf.length > 0 ? prf : integ);
  if (integ.length > 0 && unique(integ).join() !== prfs.join()) return { unsupported: [proposal] };
  return { text: `${unique(enc).join('+')}-${prfs.join('+')}${dh}` };
}

/** A proposal list in libreswan's form, or what has no libreswan form. */
export function libreswanProposals(list: string, type: 'ike' | 'esp'): { text: string } | { unsupported: string[] } {
  const out: string[] = [];
  const unsupported: string[] = [];
  for (const proposal of list.split(',').map((p) => p.trim()).filter(Boolean)) {
    const r = libreswanProposal(proposal, type);
    if ('text' in r) out.push(r.text);
    else unsupported.push(...r.unsupported);
  }
  return unsupported.length > 0 ? { unsupported } : { text: out.join(',') };
}

/** libreswan's IPv4 pool is a range, not a CIDR (ipsec.conf(5), leftaddresspool): the hosts of the prefix. */
export function ipv4Range(pool: Prefix): string {
  const n = parseInt(pool.bits, 2);
  const size = 2 ** (32 - pool.length);
  const text = (v: number) => [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
  return `${text(n + 1)}-${text(n + size - 2)}`;
}

/** libreswan IDs: "@name" is a literal FQDN (not resolved), an address stays an address, user@host is a USER_FQDN. */
const gatewayId = (inputs: ConfigInputs) => (inputs.gatewayKind === 'name' ? `@${inputs.gateway}` : inputs.gateway);

export function ipsecConf(inputs: ConfigInputs, server: ServerSuggestion): { text: string } | { unsupported: string[] } {
  const ike = libreswanProposals(server.ike, 'ike');
  const esp = libreswanProposals(server.esp, 'esp');
  if ('unsupported' in ike || 'unsupported' in esp) return { unsupported: [...('unsupported' in ike ? ike.unsupported : []), ...('unsupported' in esp ? esp.unsupported : [])] };
  const lines = [
    `# /etc/ipsec.d/${inputs.slug}.conf: IKEv2 server for ${inputs.gateway} (${inputs.name}), libreswan 4.`,
    `# Check with: ipsec addconn --checkconfig; load with: ipsec auto --add ${inputs.slug}`,
    `conn ${inputs.slug}`,
    '\tikev2=yes',
    '\tauthby=secret',
    '\tleft=%defaultroute',
    `\tleftid=${gatewayId(inputs)}`,
    `\tleftsubnet=${trafficSelectors(inputs)}`,
    '\tleftmodecfgserver=yes',
    '\tright=%any',
    `\trightid=${pskClientId(inputs.gateway)}`,
    `\trightaddresspool=${ipv4Range(inputs.pool4)}`,
    '\trightmodecfgclient=yes',
    ...(inputs.dns.length > 0 ? [`\tmodecfgdns=${inputs.dns.join(',')}`] : []),
    '\tnarrowing=yes',
    `\tike=${ike.text}`,
    `\tesp=${esp.text}`,
    '\tfragmentation=yes',
    '\tauto=add',
    '',
  ];
  return { text: lines.join('\n') };
}

/** The ipsec.secrets line for the connection (ipsec.secrets(5): "<id> <id> : PSK \"<key>\""). */
export function ipsecSecrets(inputs: ConfigInputs, psk: string | null): string {
  return [
    `# /etc/ipsec.d/${inputs.slug}.secrets (mode 600): the key shared by the server and its clients.`,
    `${gatewayId(inputs)} ${pskClientId(inputs.gateway)} : PSK "${psk ?? PSK_PLACEHOLDER}"`,
    '',
  ].join('\n');
}
