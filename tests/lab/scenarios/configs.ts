/**
 * configs: the configuration builder's files on real strongSwan. For each authentication method
 * and each client kind strongSwan can stand in for, the generated make-certs.sh makes the CA and
 * server certificate, the generated swanctl.conf is loaded into the server charon, and a client
 * charon set up with exactly what that client's generated file sets (identities, authentication,
 * proposals) connects, gets a virtual IP from the pool and pings through the tunnel; then the
 * client rekeys the CHILD_SA and pings again.
 *
 * Client stand-ins (what strongSwan cannot express is left out and said so in `settings`):
 *   windows-ps     Set-VpnConnectionIPsecConfiguration values as proposals (windowsPsOffers), EAP-MSCHAPv2
 *   apple-profile  the profile's IKE/Child SA parameters as proposals (appleProfileOffers), EAP-MSCHAPv2 or PSK
 *   sswan-android  the .sswan file's ike-proposal, esp-proposal, remote id and eap_id
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig, clientOverrides, DEFAULT_CONFIG_STATE, type ConfigBuild, type ConfigState } from '../../../src/lib/config';
import { ADDR, type Lab } from '../harness';
import type { Scenario } from '../scenario';

/** The builder's inputs for the lab: documentation addresses only (RFC 5737). */
const LAB_STATE: ConfigState = {
  ...DEFAULT_CONFIG_STATE,
  gateway: ADDR.server[4],
  name: 'Lab VPN',
  users: 'alice',
  pool4: '203.0.113.96/28',
  dns: '203.0.113.53',
  routes: `${ADDR.serverInner[4]}/32`,
  mtu: '1500',
};
const LAB_PSK = 'lab-only-key-not-for-any-real-server-0123456789';

interface Case {
  id: string;
  auth: ConfigState['auth'];
  client: 'windows-ps' | 'apple-profile' | 'sswan-android';
}
const CASES: Case[] = [
  { id: 'eap-mschapv2/windows-ps', auth: 'eap-mschapv2', client: 'windows-ps' },
  { id: 'eap-mschapv2/apple-profile', auth: 'eap-mschapv2', client: 'apple-profile' },
  { id: 'eap-mschapv2/sswan-android', auth: 'eap-mschapv2', client: 'sswan-android' },
  { id: 'psk/apple-profile', auth: 'psk', client: 'apple-profile' },
];

/** What the client's file sets, as a strongSwan initiator: proposals, identities, credentials. */
function clientSide(build: ConfigBuild, c: Case): { ike: string; esp: string; remoteId: string; local: string; secrets: string } {
  const inputs = build.inputs!;
  const overrides = clientOverrides();
  let ike: string;
  let esp: string;
  let remoteId = inputs.gateway;
  let eapId = inputs.users[0]!;
  if (c.client === 'sswan-android') {
    const profile = JSON.parse(build.files.find((f) => f.name.endsWith('.sswan'))!.text) as { 'ike-proposal': string; 'esp-proposal': string; remote: { id: string }; local?: { eap_id?: string } };
    ike = profile['ike-proposal'];
    esp = profile['esp-proposal'];
    remoteId = profile.remote.id;
    eapId = profile.local?.eap_id ?? eapId;
  } else {
    ike = overrides[c.client]!.ike;
    esp = overrides[c.client]!.esp;
  }
  if (c.auth === 'psk') {
    const localId = `client@${inputs.gateway}`;
    return { ike, esp, remoteId, local: `auth = psk\n   id = ${localId}`, secrets: `ike-lab {\n  id-1 = ${localId}\n  id-2 = ${remoteId}\n  secret = "${LAB_PSK}"\n }` };
  }
  return {
    ike,
    esp,
    remoteId,
    local: `auth = eap-mschapv2\n   eap_id = ${eapId}`,
    secrets: `eap-${eapId} {\n  id = ${eapId}\n  secret = "password-of-${eapId}"\n }`,
  };
}

async function runCase(lab: Lab, c: Case, pkiDir: string) {
  const build = buildConfig({ ...LAB_STATE, auth: c.auth, clients: c.client }, c.auth === 'psk' ? LAB_PSK : null);
  if (!build.inputs) throw new Error(`the builder refused the lab inputs: ${JSON.stringify(build.errors)}`);
  const swanctl = build.files.find((f) => f.name === 'swanctl.conf')!.text;
  const pkiFiles: Record<string, string> =
    c.auth === 'psk'
      ? {}
      : {
          'x509ca/ca.cert.pem': readFileSync(join(pkiDir, 'x509ca/ca.cert.pem'), 'utf8'),
          'x509/server.cert.pem': readFileSync(join(pkiDir, 'x509/server.cert.pem'), 'utf8'),
          'private/server.key.pem': readFileSync(join(pkiDir, 'private/server.key.pem'), 'utf8'),
        };
  const server = await lab.charon('server', { swanctlConf: swanctl, files: pkiFiles });
  const side = clientSide(build, c);
  const client = await lab.charon('client', {
    // The client installs the virtual IP it is given, as every real client does.
    charonSettings: '  install_virtual_ip = yes\n  install_virtual_ip_on = lo',
    swanctlConf: `connections {
 lab {
  version = 2
  local_addrs = ${ADDR.client[4]}
  remote_addrs = ${build.inputs.gateway}
  vips = 0.0.0.0
  proposals = ${side.ike}
  local {
   ${side.local}
  }
  remote {
   auth = ${c.auth === 'psk' ? 'psk' : 'pubkey'}
   id = ${side.remoteId}
  }
  children {
   net {
    remote_ts = ${LAB_STATE.routes}
    esp_proposals = ${side.esp}
   }
  }
 }
}
secrets {
 ${side.secrets}
}
`,
    files: c.auth === 'psk' ? {} : { 'x509ca/ca.cert.pem': pkiFiles['x509ca/ca.cert.pem']! },
  });
  await server.load();
  await client.load();
  await client.initiate('net', 'lab');
  const log = client.logText();
  const vip = /installing new virtual IP (\S+)/.exec(log)?.[1] ?? /installing virtual IP (\S+)/.exec(log)?.[1];
  if (!vip) throw new Error(`${c.id}: no virtual IP in the client log`);
  const ping = async () => {
    try {
      await lab.exec(lab.ns.client, ['ping', '-c', '1', '-W', '3', '-I', vip, ADDR.serverInner[4]]);
      return 'ok';
    } catch {
      return 'no reply';
    }
  };
  const first = await ping();
  const mark = client.logText().length;
  await client.swanctl('--rekey', '--child', 'net');
  await client.waitLog(/CHILD_SA net\{\d+\} established/, 10_000, mark);
  const afterRekey = await ping();
  const selected = (text: string) => [...text.matchAll(/selected proposal: (\S+)/g)].map((m) => m[1]!);
  const record = {
    id: c.id,
    client: c.client,
    auth: c.auth,
    clientProposals: { ike: side.ike, esp: side.esp },
    serverSelected: selected(server.logText()),
    virtualIpInPool: vip.startsWith('203.0.113.') && Number(vip.split('.')[3]) >= 96 && Number(vip.split('.')[3]) < 112,
    ping: first,
    pingAfterClientRekey: afterRekey,
  };
  await client.stop();
  await server.stop();
  return record;
}

const scenario: Scenario = {
  name: 'configs',
  description: 'the configuration builder\'s server and client settings connect, get a pool address and pass a ping, before and after a rekey',
  async run(ctx) {
    const cases = ctx.quick ? CASES.filter((c) => c.id === 'eap-mschapv2/windows-ps' || c.id === 'psk/apple-profile') : CASES;
    // The generated make-certs.sh, run once (RSA-3072 key generation takes seconds).
    const pkiDir = mkdtempSync(join(tmpdir(), 'vpnlab-configs-pki-'));
    const records = [];
    try {
      const pki = buildConfig(LAB_STATE);
      const script = pki.files.find((f) => f.name === 'make-certs.sh')?.text;
      if (!script) throw new Error(`the builder refused the lab inputs: ${JSON.stringify(pki.errors)}`);
      writeFileSync(join(pkiDir, 'make-certs.sh'), script);
      ctx.progress('running the generated make-certs.sh');
      execFileSync('sh', [join(pkiDir, 'make-certs.sh')], { env: { ...process.env, SWANCTL_DIR: pkiDir }, stdio: 'pipe' });
      for (const [i, c] of cases.entries()) {
        ctx.progress(c.id, i, cases.length);
        const lab = await ctx.lab({ nat: false });
        try {
          records.push(await runCase(lab, c, pkiDir));
        } finally {
          lab.teardown();
        }
      }
    } finally {
      rmSync(pkiDir, { recursive: true, force: true });
    }
    const differences = records.flatMap((r) =>
      (['ping', 'pingAfterClientRekey'] as const)
        .filter((k) => r[k] !== 'ok')
        .map((k) => ({ what: `${r.id} ${k}`, expected: 'ok', measured: r[k], source: 'src/lib/config buildConfig (files that work together)' })),
    );
    return {
      settings: {
        inputs: LAB_STATE,
        cases: cases.map((c) => c.id),
        notRun: {
          'android-native, chromeos': 'settings typed by hand; their proposals are fixed by the platform, covered by the proposal matcher',
          'eap-tls, L2TP/IPsec, libreswan': 'not generated by the builder yet',
        },
      },
      records,
      differences,
    };
  },
};
export default scenario;
