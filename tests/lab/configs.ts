/**
 * swanctl.conf pairs for the lab's client and server. One connection `lab` with one CHILD_SA `net`
 * (tunnel mode between the inner addresses on lo), IDs client.example.org / server.example.org.
 * Options are the swanctl.conf settings of the same name (strongSwan 5.9 swanctl.conf(5)).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG_STATE, type ConfigState } from '../../src/lib/config';
import { ADDR, type Charon, type CharonOptions, type Family, type Lab } from './harness';

const pkiDir = join(dirname(fileURLToPath(import.meta.url)), 'pki');

/** The configuration builder's inputs in the lab (configs, l2tp-configs): documentation addresses only (RFC 5737). */
export const BUILDER_LAB_STATE: ConfigState = {
  ...DEFAULT_CONFIG_STATE,
  gateway: ADDR.server[4],
  name: 'Lab VPN',
  users: 'alice',
  pool4: '203.0.113.96/28',
  dns: '203.0.113.53',
  routes: `${ADDR.serverInner[4]}/32`,
  mtu: '1500',
};

export type Auth = 'psk' | 'rsa2048' | 'ecdsa256' | 'rsa4096' | 'eap-mschapv2';

export interface TunnelConfig {
  /** Outer (IKE and ESP path) family; default 4. */
  family?: Family;
  version?: 1 | 2;
  /** IKE proposals; default aes256-sha256-modp2048. */
  ike?: string;
  /** ESP proposals; default aes128gcm16. */
  esp?: string;
  auth?: Auth;
  fragmentation?: 'yes' | 'no' | 'accept' | 'force';
  mobike?: boolean;
  /** Client only (so that one side probes), e.g. '1s'; default none (no DPD). */
  dpdDelay?: string;
  /** Client local_addrs; default its c0 address of `family` ('%any' lets MOBIKE move it). */
  clientAddrs?: string;
  /** Traffic selectors; default the inner addresses (tunnel between 203.0.113.10 and .200). */
  clientTs?: string;
  serverTs?: string;
  /** Extra lines in the child section (both sides). */
  childExtra?: string;
  /** Extra text inside `charon { }` of strongswan.conf (both sides). */
  charonSettings?: string;
}

/** Which files each auth method needs, per side: [certificate, key, CA certificates]. */
const PKI: Record<Exclude<Auth, 'psk'>, { server: string; client?: string; cas: string[] }> = {
  rsa2048: { server: 'rsa2048-server', client: 'rsa2048-client', cas: ['rsa2048-ca'] },
  ecdsa256: { server: 'ecdsa256-server', client: 'ecdsa256-client', cas: ['ecdsa256-ca'] },
  rsa4096: { server: 'rsa4096-server', client: 'rsa4096-client', cas: ['rsa4096-ca', 'rsa4096-int'] },
  'eap-mschapv2': { server: 'rsa2048-server', cas: ['rsa2048-ca'] },
};

const pem = (name: string): string => readFileSync(join(pkiDir, name), 'utf8');

function files(cert: string | undefined, cas: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (cert) {
    out[`x509/${cert}.pem`] = pem(`${cert}.pem`);
    out[`private/${cert}.key`] = pem(`${cert}.key`);
  }
  for (const ca of cas) out[`x509ca/${ca}.pem`] = pem(`${ca}.pem`);
  return out;
}

function authBlocks(auth: Auth, side: 'client' | 'server'): { local: string; remote: string; secrets: string } {
  const me = `${side}.example.org`;
  const peer = `${side === 'client' ? 'server' : 'client'}.example.org`;
  if (auth === 'psk') {
    return {
      local: `auth = psk\n id = ${me}`,
      remote: `auth = psk\n id = ${peer}`,
      secrets: `ike-lab { id-1 = ${me}\n id-2 = ${peer}\n secret = "lab-only-preshared-key" }`,
    };
  }
  if (auth === 'eap-mschapv2') {
    return side === 'server'
      ? { local: `auth = pubkey\n certs = rsa2048-server.pem\n id = ${me}`, remote: `auth = eap-mschapv2\n eap_id = %any`, secrets: 'eap-alice { id = alice\n secret = "lab-only-password" }' }
      : { local: `auth = eap-mschapv2\n id = ${me}\n eap_id = alice`, remote: `auth = pubkey\n id = ${peer}`, secrets: 'eap-alice { id = alice\n secret = "lab-only-password" }' };
  }
  const cert = PKI[auth][side]!;
  return { local: `auth = pubkey\n certs = ${cert}.pem\n id = ${me}`, remote: `auth = pubkey\n id = ${peer}`, secrets: '' };
}

function side(config: TunnelConfig, role: 'client' | 'server'): CharonOptions {
  const family = config.family ?? 4;
  const auth = config.auth ?? 'psk';
  const blocks = authBlocks(auth, role);
  const [localAddr, remoteAddr] = role === 'client' ? [config.clientAddrs ?? ADDR.client[family], ADDR.server[family]] : [ADDR.server[family], '%any'];
  const clientTs = config.clientTs ?? `${ADDR.clientInner[4]}/32`;
  const serverTs = config.serverTs ?? `${ADDR.serverInner[4]}/32`;
  const [localTs, remoteTs] = role === 'client' ? [clientTs, serverTs] : [serverTs, clientTs];
  const swanctlConf = `connections {
 lab {
  version = ${config.version ?? 2}
  local_addrs = ${localAddr}
  remote_addrs = ${remoteAddr}
  proposals = ${config.ike ?? 'aes256-sha256-modp2048'}
  fragmentation = ${config.fragmentation ?? 'yes'}
  mobike = ${config.mobike === false ? 'no' : 'yes'}
${config.dpdDelay && role === 'client' ? `  dpd_delay = ${config.dpdDelay}\n` : ''}  local {
 ${blocks.local}
  }
  remote {
 ${blocks.remote}
  }
  children {
   net {
    local_ts = ${localTs}
    remote_ts = ${remoteTs}
    esp_proposals = ${config.esp ?? 'aes128gcm16'}
    mode = tunnel
${config.childExtra ?? ''}
   }
  }
 }
}
secrets {
 ${blocks.secrets}
}
`;
  const pki = auth === 'psk' ? undefined : PKI[auth];
  return {
    swanctlConf,
    charonSettings: config.charonSettings,
    files: pki ? files(pki[role], pki.cas) : {},
  };
}

/** The client and server halves of one tunnel configuration. */
export function tunnelConfigs(config: TunnelConfig = {}): { client: CharonOptions; server: CharonOptions } {
  return { client: side(config, 'client'), server: side(config, 'server') };
}

/** Start a server and a client charon with `config` in `lab`, load both, and (unless `initiate` is false) bring up `net`. */
export async function startTunnel(lab: Lab, config: TunnelConfig = {}, initiate = true): Promise<{ client: Charon; server: Charon }> {
  const halves = tunnelConfigs(config);
  const server = await lab.charon('server', halves.server);
  const client = await lab.charon('client', halves.client);
  await server.load();
  await client.load();
  if (initiate) await client.initiate('net', 'lab');
  return { client, server };
}
