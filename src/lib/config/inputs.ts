/**
 * What the reader typed becomes checked inputs, or errors tied to the form field that holds
 * them. Never throws. Addresses are parsed by hand (a few lines) rather than with a library,
 * because the island ships this code; IPv6 goes through the platform's URL parser, which
 * implements the WHATWG host parser in browsers and in Node alike.
 */
import { IKEV1_CLIENT_IDS, readClients, type ClientId } from '../proposals';
import type { AuthMethod, ConfigField, ConfigState, ServerSoftware } from './state';

export interface ConfigFieldError {
  field: ConfigField;
  message: string;
}

export interface Prefix {
  family: 4 | 6;
  /** As the reader should see it: '10.10.10.0/24', '2001:db8:6::/112'. */
  text: string;
  /** The address as bits, most significant first. */
  bits: string;
  length: number;
}

export interface ConfigInputs {
  gateway: string;
  gatewayKind: 'name' | 'ipv4' | 'ipv6';
  name: string;
  server: ServerSoftware;
  /** File names: lower case letters, digits and dashes. */
  slug: string;
  auth: AuthMethod;
  users: string[];
  pool4: Prefix;
  pool6: Prefix | null;
  dns: string[];
  /** Empty for a full tunnel. */
  routes: Prefix[];
  clients: ClientId[];
  pathMtu: number;
  /** The network xl2tpd hands to L2TP/IPsec clients; null when L2TP is off. */
  l2tpPool: Prefix | null;
  serverNat: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const USER = /^[A-Za-z0-9._@-]{1,64}$/;

function ipv4Bits(text: string): string {
  return text.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
}

/** The canonical form of an IPv6 address, or null. */
function canonicalIpv6(text: string): string | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return null;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

function ipv6Bits(canonical: string): string {
  const [head = '', tail = ''] = canonical.split('::');
  const hextets = (part: string) => (part === '' ? [] : part.split(':'));
  const left = hextets(head);
  const right = canonical.includes('::') ? hextets(tail) : [];
  const fill = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...fill, ...right].map((h) => parseInt(h, 16).toString(2).padStart(16, '0')).join('');
}

export function parseAddress(text: string): { family: 4 | 6; text: string; bits: string } | null {
  const value = text.trim();
  if (IPV4.test(value)) return { family: 4, text: value, bits: ipv4Bits(value) };
  const v6 = canonicalIpv6(value);
  return v6 === null ? null : { family: 6, text: v6, bits: ipv6Bits(v6) };
}

export function parsePrefix(text: string): Prefix | string {
  const [address = '', length, extra] = text.trim().split('/');
  if (extra !== undefined || length === undefined) return `“${text.trim()}” is not a prefix such as 10.10.10.0/24 or 2001:db8:6::/112`;
  const parsed = parseAddress(address);
  if (!parsed) return `“${address}” is not an IPv4 or IPv6 address`;
  const max = parsed.family === 4 ? 32 : 128;
  const n = Number(length);
  if (!/^\d{1,3}$/.test(length) || n > max) return `the prefix length must be a whole number from 0 to ${max}; got “${length}”`;
  if (parsed.bits.slice(n).includes('1')) return `“${text.trim()}” has host bits set; the network is ${networkText(parsed, n)}`;
  return { family: parsed.family, text: `${parsed.text}/${n}`, bits: parsed.bits, length: n };
}

function networkText(parsed: { family: 4 | 6; bits: string }, length: number): string {
  const bits = parsed.bits.slice(0, length).padEnd(parsed.bits.length, '0');
  if (parsed.family === 4) return `${[0, 8, 16, 24].map((i) => parseInt(bits.slice(i, i + 8), 2)).join('.')}/${length}`;
  const hextets = Array.from({ length: 8 }, (_, i) => parseInt(bits.slice(i * 16, i * 16 + 16), 2).toString(16));
  return `${canonicalIpv6(hextets.join(':'))}/${length}`;
}

/** True when the two prefixes share any address. */
export function overlaps(a: Prefix, b: Prefix): boolean {
  if (a.family !== b.family) return false;
  const n = Math.min(a.length, b.length);
  return a.bits.slice(0, n) === b.bits.slice(0, n);
}

function list(value: string): string[] {
  return value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vpn';
}

export function readInputs(state: ConfigState): { inputs: ConfigInputs | null; errors: ConfigFieldError[]; notices: string[] } {
  const errors: ConfigFieldError[] = [];
  const fail = (field: ConfigField, message: string) => errors.push({ field, message });

  const gateway = state.gateway.trim();
  const gatewayAddress = parseAddress(gateway);
  const gatewayKind = gatewayAddress ? (gatewayAddress.family === 4 ? 'ipv4' : 'ipv6') : 'name';
  if (!gatewayAddress && !HOSTNAME.test(gateway)) {
    fail('gateway', `“${gateway}” is neither a DNS name such as vpn.example.com nor an IP address`);
  }

  const name = state.name.trim();
  if (name === '') fail('name', 'give the connection a name; it is what users see in their VPN list');

  // libreswan 4.10's only EAP method is EAP-TLS (ipsec.conf(5): leftautheap= none | tls; "IKEv2 does
  // not support receiving a plaintext username and password"); the builder writes IKEv2 only for it.
  if (state.server === 'libreswan' && state.auth !== 'psk') {
    fail('server', state.auth === 'eap-mschapv2' ? 'libreswan has no EAP-MSCHAPv2 server: choose strongSwan, or a pre-shared key' : 'the builder writes libreswan for a pre-shared key only: choose strongSwan, or a pre-shared key');
  }
  if (state.server === 'libreswan' && state.l2tp === '1') {
    fail('server', 'the builder writes libreswan\u2019s IKEv2 server only: turn legacy L2TP/IPsec off, or choose strongSwan');
  }

  // addconn 4.10 rejects an IPv4 and an IPv6 pool (or subnet) in one connection (lab: libreswan-configs)
  if (state.server === 'libreswan' && state.pool6.trim() !== '') {
    fail('pool6', 'the libreswan configuration written here is IPv4 only: leave the IPv6 pool empty, or choose strongSwan');
  }

  const users = list(state.users);
  if (state.auth !== 'psk' || state.l2tp === '1') {
    const what = { 'eap-mschapv2': 'EAP-MSCHAPv2', 'eap-tls': 'EAP-TLS (one certificate each)', psk: 'L2TP/IPsec (PPP sign-in)' }[state.auth];
    if (users.length === 0) fail('users', `list at least one user name for ${what}`);
    const bad = users.find((u) => !USER.test(u));
    if (bad !== undefined) fail('users', `“${bad}” is not a user name: use letters, digits and . _ @ - (at most 64)`);
  }

  const pool4 = parsePrefix(state.pool4);
  if (typeof pool4 === 'string') fail('pool4', pool4);
  else if (pool4.family !== 4) fail('pool4', 'the IPv4 pool must be an IPv4 prefix');
  else if (pool4.length > 30) fail('pool4', 'the pool needs room for clients: use a prefix of /30 or shorter');

  let pool6: Prefix | null = null;
  if (state.pool6.trim() !== '') {
    const parsed = parsePrefix(state.pool6);
    if (typeof parsed === 'string') fail('pool6', parsed);
    else if (parsed.family !== 6) fail('pool6', 'the IPv6 pool must be an IPv6 prefix');
    else pool6 = parsed;
  }

  const dns = list(state.dns);
  for (const server of dns) {
    const parsed = parseAddress(server);
    if (!parsed) fail('dns', `“${server}” is not an IP address`);
    else if (parsed.family === 6 && !pool6) fail('dns', `${server} is an IPv6 server, but clients get no IPv6 address: add an IPv6 pool or remove it`);
    else if (typeof pool4 !== 'string' && parsed.family === 4 && overlaps(pool4, { ...parsed, length: 32 })) {
      fail('dns', `${server} lies inside the client pool ${pool4.text}; it would be handed to a client`);
    }
  }

  const routes: Prefix[] = [];
  for (const route of list(state.routes)) {
    const parsed = parsePrefix(route);
    if (typeof parsed === 'string') fail('routes', parsed);
    else if (parsed.family === 6 && !pool6) fail('routes', `${parsed.text} is an IPv6 route, but clients get no IPv6 address: add an IPv6 pool`);
    else if (typeof pool4 !== 'string' && overlaps(parsed, pool4)) fail('routes', `${parsed.text} overlaps the client pool ${pool4.text}`);
    else routes.push(parsed);
  }
  // addconn 4.10 rejects a list in leftsubnet=, and pluto 4.10 loads no connection from
  // leftsubnets={...} with an address pool (lab: libreswan-configs)
  if (state.server === 'libreswan' && routes.length > 1) {
    fail('routes', 'the libreswan configuration written here carries one network: give one route (or none for a full tunnel), or choose strongSwan');
  }
  if (gatewayAddress && typeof pool4 !== 'string' && overlaps(pool4, { ...gatewayAddress, length: gatewayAddress.family === 4 ? 32 : 128 })) {
    fail('pool4', `the gateway's own address ${gateway} lies inside the pool`);
  }

  let l2tpPool: Prefix | null = null;
  if (state.l2tp === '1') {
    const parsed = parsePrefix(state.l2tppool);
    if (typeof parsed === 'string') fail('l2tppool', parsed);
    else if (parsed.family !== 4) fail('l2tppool', 'the L2TP pool must be an IPv4 prefix');
    else if (parsed.length > 29) fail('l2tppool', 'the pool needs the server\'s PPP address and room for clients: use a prefix of /29 or shorter');
    else if (typeof pool4 !== 'string' && overlaps(parsed, pool4)) fail('l2tppool', `${parsed.text} overlaps the IKEv2 pool ${pool4.text}`);
    else if (routes.some((r) => overlaps(parsed, r))) fail('l2tppool', `${parsed.text} overlaps a route sent through the tunnel`);
    else if (dns.some((d) => { const a = parseAddress(d); return a !== null && overlaps(parsed, { ...a, length: a.family === 4 ? 32 : 128 }); })) fail('l2tppool', `a DNS server lies inside ${parsed.text}`);
    else l2tpPool = parsed;
  }

  const { ids: clients, notices } = readClients(state.clients);
  if (clients.length === 0) fail('clients', 'choose at least one client');
  const ikev1 = clients.filter((id) => IKEV1_CLIENT_IDS.includes(id as (typeof IKEV1_CLIENT_IDS)[number]));
  if (state.l2tp !== '1' && ikev1.length > 0) fail('clients', `${ikev1.join(', ')} use L2TP/IPsec: turn on legacy L2TP/IPsec, or remove them`);
  if (state.l2tp === '1' && ikev1.length === 0) fail('clients', 'choose the L2TP/IPsec clients to serve, or turn L2TP/IPsec off');
  if (ikev1.length === clients.length && clients.length > 0) fail('clients', 'choose at least one IKEv2 client as well: the builder writes an IKEv2 server and adds L2TP/IPsec to it');

  const mtu = state.mtu.trim();
  const pathMtu = Number(mtu);
  if (!/^\d{3,5}$/.test(mtu) || pathMtu < 576 || pathMtu > 9000) fail('mtu', `the path MTU must be a whole number of bytes from 576 to 9000; got “${mtu}”`);

  if (errors.length > 0 || typeof pool4 === 'string') return { inputs: null, errors, notices };
  return {
    inputs: { gateway, gatewayKind, name, server: state.server, slug: slugOf(name), auth: state.auth, users, pool4, pool6, dns, routes, clients, pathMtu, l2tpPool, serverNat: state.servernat === '1' },
    errors,
    notices,
  };
}
