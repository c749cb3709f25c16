/**
 * The configuration builder's inputs and their query string (src/lib/url-state.ts, v=1).
 * Never secrets: passwords and pre-shared keys stay out of the URL (design.md).
 *
 *   gateway   the name or address clients connect to          vpn.example.com
 *   server    strongswan (swanctl.conf) | libreswan (ipsec.conf; PSK only: libreswan has no
 *             EAP-MSCHAPv2 server)                            strongswan
 *   name      the connection's display name (file names too)  Example VPN
 *   auth      eap-mschapv2 | eap-tls | psk (eap-tls: a client certificate per user, made by make-certs.sh)
 *   users     EAP user names, comma-separated                 alice,bob
 *   pool4     IPv4 virtual address pool (CIDR)                10.10.10.0/24
 *   pool6     IPv6 pool (CIDR), empty for none
 *   dns       DNS servers handed to clients, comma-separated
 *   routes    networks sent through the tunnel; empty = full tunnel
 *   clients   the proposal matcher's client ids, comma-separated
 *   mtu       the path MTU between clients and the server
 *   l2tp      1: also legacy L2TP/IPsec (IKEv1, PSK) for the IKEv1 client ids; 0: IKEv2 only
 *   l2tppool  the IPv4 network xl2tpd hands to L2TP clients    10.20.0.0/24
 *   servernat 1: the server sits behind NAT (port forwarding)  0
 * Example: ?v=1&gateway=vpn.example.com&auth=eap-mschapv2&clients=windows-ps,ios-16
 */
import { choice, defineUrlState, text, type StateOf, type UrlStateCodec } from '../url-state';

export const AUTH_METHODS = ['eap-mschapv2', 'eap-tls', 'psk'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const SERVER_SOFTWARE = ['strongswan', 'libreswan'] as const;
export type ServerSoftware = (typeof SERVER_SOFTWARE)[number];

/** The clients whose files the builder writes, so each file sets exactly what the server expects. */
export const DEFAULT_CONFIG_CLIENTS = ['windows-ps', 'apple-profile', 'android-native', 'sswan-android', 'chromeos', 'linux-nm'] as const;

const FIELDS = {
  gateway: text('gateway', 'vpn.example.com', 253),
  server: choice('server software', SERVER_SOFTWARE, 'strongswan'),
  name: text('connection name', 'Example VPN', 60),
  auth: choice('authentication', AUTH_METHODS, 'eap-mschapv2'),
  users: text('user names', 'alice', 400),
  pool4: text('IPv4 pool', '10.10.10.0/24', 43),
  pool6: text('IPv6 pool', '', 43),
  dns: text('DNS servers', '9.9.9.9, 149.112.112.112', 200),
  routes: text('routes', '', 400),
  clients: text('clients', DEFAULT_CONFIG_CLIENTS.join(','), 400),
  mtu: text('path MTU', '1500', 6),
  l2tp: choice('legacy L2TP/IPsec', ['0', '1'], '0'),
  l2tppool: text('L2TP pool', '10.20.0.0/24', 43),
  servernat: choice('server behind NAT', ['0', '1'], '0'),
} as const;

export type ConfigState = StateOf<typeof FIELDS>;
export type ConfigField = keyof typeof FIELDS;
export const CONFIG_URL_STATE: UrlStateCodec<ConfigState> = defineUrlState(FIELDS);
export const DEFAULT_CONFIG_STATE: ConfigState = CONFIG_URL_STATE.defaults;

export function configQuery(state: ConfigState): string {
  return CONFIG_URL_STATE.encode(state).toString();
}
