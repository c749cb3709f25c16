/**
 * What the builder's page shows around the files: the form's fields with their labels and
 * hints, the clients one can choose, and the matrix rows. Pure, so the island only binds.
 */
// The client dataset alone, not the matcher's index: the builder island loads this module at once
// and the matcher only with the model (lib/config/build).
import { CLIENTS, IKEV1_CLIENT_IDS, type ClientId } from '../proposals/clients';
import type { ConfigBuild } from './build';
import type { AuthMethod, ConfigField, ConfigState, ServerSoftware } from './state';

export interface TextInput {
  field: Exclude<ConfigField, 'auth' | 'clients' | 'l2tp' | 'servernat' | 'server'>;
  label: string;
  hint: string;
  /** Wide fields take a whole row. */
  wide?: boolean;
}

export const TEXT_INPUTS: readonly TextInput[] = [
  { field: 'gateway', label: 'Server name or address', hint: 'What users type as the server: a DNS name, or an IP address.' },
  { field: 'name', label: 'Connection name', hint: 'Shown in the clients’ VPN lists; file names are made from it.' },
  { field: 'users', label: 'User names', hint: 'For EAP-MSCHAPv2 or EAP-TLS, separated by commas. Passwords never go into the address.' },
  { field: 'pool4', label: 'IPv4 address pool', hint: 'The clients’ inner addresses, e.g. 10.10.10.0/24.' },
  { field: 'pool6', label: 'IPv6 address pool', hint: 'Optional, e.g. a /112 of your prefix. Empty: no IPv6 in the tunnel.' },
  { field: 'dns', label: 'DNS servers', hint: 'Handed to clients, separated by commas.' },
  { field: 'routes', label: 'Networks through the tunnel', hint: 'Empty for a full tunnel; otherwise the networks behind the server, e.g. 192.0.2.0/24.', wide: true },
  { field: 'mtu', label: 'Path MTU (bytes)', hint: 'Between clients and server; 1500 on most paths. Sets the MSS clamp.' },
  { field: 'l2tppool', label: 'L2TP address pool', hint: 'Only with legacy L2TP/IPsec: the PPP addresses for its clients, e.g. 10.20.0.0/24.' },
];

/** One label per server of SERVER_SOFTWARE (libreswan's limits are field errors from buildConfig). */
export const SERVER_LABELS: Record<ServerSoftware, string> = {
  strongswan: 'strongSwan (swanctl.conf)',
  libreswan: 'libreswan (ipsec.conf; pre-shared key only)',
};

/** One label per method of AUTH_METHODS (the type makes a new method bring its label). */
export const AUTH_LABELS: Record<AuthMethod, string> = {
  'eap-mschapv2': 'Server certificate + user names and passwords (EAP-MSCHAPv2)',
  'eap-tls': 'Server certificate + a client certificate per user (EAP-TLS)',
  psk: 'Pre-shared key (site-to-site and tests)',
};

/** The text fields the form shows: the L2TP pool only when legacy L2TP/IPsec is on. */
export function textInputs(state: ConfigState): TextInput[] {
  return TEXT_INPUTS.filter((i) => i.field !== 'l2tppool' || state.l2tp === '1');
}

export interface ClientChoice {
  id: ClientId;
  name: string;
  method: string;
  /** L2TP/IPsec clients are offered only when legacy L2TP/IPsec is on. */
  l2tp: boolean;
}

/** The clients one can choose (the page computes this at build time and hands it to the island). */
export function clientChoices(): ClientChoice[] {
  return CLIENTS.map(({ id, name, method, ikeVersion }) => ({ id, name, method, l2tp: ikeVersion === 1 }));
}

/** The clients offered: L2TP/IPsec ones only when legacy L2TP/IPsec is on. */
export function clientsOffered(clients: readonly ClientChoice[], state: ConfigState): ClientChoice[] {
  return clients.filter((c) => !c.l2tp || state.l2tp === '1');
}

/** The client ids the state names (as written; the model reports unknown ones). */
export function chosenClients(state: ConfigState): Set<string> {
  return new Set(state.clients.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Turning legacy L2TP/IPsec on adds the Windows L2TP client; turning it off removes every IKEv1 client. */
export function setL2tp(state: ConfigState, on: boolean): ConfigState {
  const ids = state.clients.split(',').map((s) => s.trim()).filter(Boolean);
  const v2 = ids.filter((id) => !(IKEV1_CLIENT_IDS as readonly string[]).includes(id));
  const v1 = ids.filter((id) => (IKEV1_CLIENT_IDS as readonly string[]).includes(id));
  return { ...state, l2tp: on ? '1' : '0', clients: (on ? [...v2, ...(v1.length > 0 ? v1 : ['windows-l2tp'])] : v2).join(',') };
}

export function toggleClient(value: string, id: ClientId, on: boolean): string {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean).filter((x) => x !== id);
  return (on ? [...ids, id] : ids).join(',');
}

export function matrixRows(build: ConfigBuild) {
  return build.verdicts.map((v) => ({
    id: v.client.id,
    name: v.client.name,
    connect: v.connect,
    rekey: v.rekey,
    esp: v.esp,
    file: build.files.find((f) => f.for === v.client.id)?.name ?? null,
  }));
}

/** A random pre-shared key: 32 bytes from the platform's CSPRNG, base64 (44 characters). */
export function randomKey(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>): string {
  const bytes = random(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
