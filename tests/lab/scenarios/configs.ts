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
 *   sswan-android  the .sswan file's ike-proposal, esp-proposal, remote id and eap_id (EAP-TLS: local id)
 * EAP-TLS clients use the certificate and key make-certs.sh made for the user (clients/<user>.*),
 * with the user name as identity as the files set it. The Apple profile copy that make-certs.sh
 * writes with the user's PKCS#12 inside is parsed (plistlib) and compared with the .p12 file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig, clientOverrides, type ConfigBuild, type ConfigState } from '../../../src/lib/config';
import { BUILDER_LAB_STATE } from '../configs';
import { ADDR, type Lab } from '../harness';
import type { Scenario } from '../scenario';

const LAB_PSK = 'lab-only-key-not-for-any-real-server-0123456789';
const LAB_P12_PASSWORD = 'lab-only-p12-password';
/** The harness's plugins plus eap-tls, which an EAP-TLS server and client load (strongswan-docs plugins/eap-tls.adoc). */
const EAP_TLS_PLUGINS =
  'load = random nonce openssl pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp curve25519 aes sha1 sha2 hmac ' +
  'gcm ccm ctr chapoly kdf md5 eap-identity eap-mschapv2 eap-tls kernel-libipsec kernel-netlink socket-default vici updown';

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
  { id: 'eap-tls/windows-ps', auth: 'eap-tls', client: 'windows-ps' },
  { id: 'eap-tls/apple-profile', auth: 'eap-tls', client: 'apple-profile' },
  { id: 'eap-tls/sswan-android', auth: 'eap-tls', client: 'sswan-android' },
];

/** What the client's file sets, as a strongSwan initiator: proposals, identities, credentials. */
function clientSide(build: ConfigBuild, c: Case): { ike: string; esp: string; remoteId: string; local: string; secrets: string; files?: Record<string, string> } {
  const inputs = build.inputs!;
  const overrides = clientOverrides();
  let ike: string;
  let esp: string;
  let remoteId = inputs.gateway;
  let eapId = inputs.users[0]!;
  if (c.client === 'sswan-android') {
    const profile = JSON.parse(build.files.find((f) => f.name.endsWith('.sswan'))!.text) as { 'ike-proposal': string; 'esp-proposal': string; remote: { id: string }; local?: { eap_id?: string; id?: string } };
    ike = profile['ike-proposal'];
    esp = profile['esp-proposal'];
    remoteId = profile.remote.id;
    eapId = profile.local?.eap_id ?? profile.local?.id ?? eapId;
  } else {
    ike = overrides[c.client]!.ike;
    esp = overrides[c.client]!.esp;
  }
  if (c.auth === 'psk') {
    const localId = `client@${inputs.gateway}`;
    return { ike, esp, remoteId, local: `auth = psk\n   id = ${localId}`, secrets: `ike-lab {\n  id-1 = ${localId}\n  id-2 = ${remoteId}\n  secret = "${LAB_PSK}"\n }` };
  }
  if (c.auth === 'eap-tls') {
    return { ike, esp, remoteId, local: `auth = eap-tls\n   certs = ${eapId}.cert.pem\n   id = ${eapId}`, secrets: '' };
  }
  return {
    ike,
    esp,
    remoteId,
    local: `auth = eap-mschapv2\n   eap_id = ${eapId}`,
    secrets: `eap-${eapId} {\n  id = ${eapId}\n  secret = "password-of-${eapId}"\n }`,
  };
}

/** The per-user Apple profile make-certs.sh wrote: plistlib parses it and its PKCS#12 payload holds
 *  exactly clients/<user>.p12, which openssl opens with the password. */
function checkAppleBundle(dir: string): string {
  const user = BUILDER_LAB_STATE.users;
  const script = [
    'import plistlib, sys',
    'p = plistlib.load(open(sys.argv[1], "rb"))',
    'bundle = [c for c in p["PayloadContent"] if c["PayloadType"] == "com.apple.security.pkcs12"][0]["PayloadContent"]',
    'vpn = [c for c in p["PayloadContent"] if c["PayloadType"] == "com.apple.vpn.managed"][0]',
    'uuid = [c for c in p["PayloadContent"] if c["PayloadType"] == "com.apple.security.pkcs12"][0]["PayloadUUID"]',
    'print("ok" if bundle == open(sys.argv[2], "rb").read() and vpn["IKEv2"]["PayloadCertificateUUID"] == uuid else "different")',
  ].join('\n');
  const same = execFileSync('python3', ['-c', script, join(dir, `clients/${user}.mobileconfig`), join(dir, `clients/${user}.p12`)], { encoding: 'utf8' }).trim();
  const subject = execFileSync('openssl', ['pkcs12', '-in', join(dir, `clients/${user}.p12`), '-passin', `pass:${LAB_P12_PASSWORD}`, '-nokeys', '-clcerts', '-legacy'], { encoding: 'utf8' });
  return same === 'ok' && subject.includes(`CN = ${user}`) ? 'ok' : `${same}; ${subject.split('\n').find((l) => l.startsWith('subject')) ?? 'no subject'}`;
}

async function runCase(lab: Lab, c: Case, pkiDir: string, appleBundle: string | null) {
  const build = buildConfig({ ...BUILDER_LAB_STATE, auth: c.auth, clients: c.client }, c.auth === 'psk' ? LAB_PSK : null);
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
  const tls = c.auth === 'eap-tls';
  const server = await lab.charon('server', { swanctlConf: swanctl, files: pkiFiles, ...(tls ? { charonSettings: `  ${EAP_TLS_PLUGINS}` } : {}) });
  const side = clientSide(build, c);
  const user = BUILDER_LAB_STATE.users;
  const clientFiles: Record<string, string> = c.auth === 'psk' ? {} : { 'x509ca/ca.cert.pem': pkiFiles['x509ca/ca.cert.pem']! };
  if (tls) {
    clientFiles[`x509/${user}.cert.pem`] = readFileSync(join(pkiDir, `clients/${user}.cert.pem`), 'utf8');
    clientFiles[`private/${user}.key.pem`] = readFileSync(join(pkiDir, `clients/${user}.key.pem`), 'utf8');
  }
  const client = await lab.charon('client', {
    // The client installs the virtual IP it is given, as every real client does.
    charonSettings: `  install_virtual_ip = yes\n  install_virtual_ip_on = lo${tls ? `\n  ${EAP_TLS_PLUGINS}` : ''}`,
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
    remote_ts = ${BUILDER_LAB_STATE.routes}
    esp_proposals = ${side.esp}
   }
  }
 }
}
secrets {
 ${side.secrets}
}
`,
    files: clientFiles,
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
    // eap_authenticator.c logs the method that authenticated the client
    ...(c.auth === 'psk' ? {} : { serverEap: /EAP method (\S+) succeeded/.exec(server.logText())?.[1] ?? 'none' }),
    virtualIpInPool: vip.startsWith('203.0.113.') && Number(vip.split('.')[3]) >= 96 && Number(vip.split('.')[3]) < 112,
    ping: first,
    pingAfterClientRekey: afterRekey,
    ...(tls && c.client === 'apple-profile' ? { appleProfileWithBundle: appleBundle } : {}),
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
    // The generated make-certs.sh, once per certificate method (RSA-3072 key generation takes seconds).
    const pkiDirs = new Map<ConfigState['auth'], string>();
    const records = [];
    let appleBundle: string | null = null;
    try {
      for (const auth of new Set(cases.map((c) => c.auth).filter((a) => a !== 'psk'))) {
        const build = buildConfig({ ...BUILDER_LAB_STATE, auth, clients: 'apple-profile' });
        const script = build.files.find((f) => f.name === 'make-certs.sh')?.text;
        if (!script) throw new Error(`the builder refused the lab inputs: ${JSON.stringify(build.errors)}`);
        const dir = mkdtempSync(join(tmpdir(), `vpnlab-configs-${auth}-`));
        pkiDirs.set(auth, dir);
        writeFileSync(join(dir, 'make-certs.sh'), script);
        // the profile next to the script, as its comment says, so that it writes the per-user copy
        const profile = build.files.find((f) => f.name.endsWith('.mobileconfig'))!;
        writeFileSync(join(dir, profile.name), profile.text);
        ctx.progress(`running the generated make-certs.sh (${auth})`);
        execFileSync('sh', [join(dir, 'make-certs.sh')], { cwd: dir, env: { ...process.env, SWANCTL_DIR: dir, P12_PASSWORD: LAB_P12_PASSWORD }, stdio: 'pipe' });
        if (auth === 'eap-tls') appleBundle = checkAppleBundle(dir);
      }
      for (const [i, c] of cases.entries()) {
        ctx.progress(c.id, i, cases.length);
        const lab = await ctx.lab({ nat: false });
        try {
          records.push(await runCase(lab, c, pkiDirs.get(c.auth) ?? '', appleBundle));
        } finally {
          lab.teardown();
        }
      }
    } finally {
      for (const dir of pkiDirs.values()) rmSync(dir, { recursive: true, force: true });
    }
    const differences = records.flatMap((r) =>
      (['ping', 'pingAfterClientRekey'] as const)
        .filter((k) => r[k] !== 'ok')
        .map((k) => ({ what: `${r.id} ${k}`, expected: 'ok', measured: r[k], source: 'src/lib/config buildConfig (files that work together)' })),
    );
    return {
      settings: {
        inputs: BUILDER_LAB_STATE,
        cases: cases.map((c) => c.id),
        notRun: {
          'android-native, chromeos': 'settings typed by hand; their proposals are fixed by the platform, covered by the proposal matcher',
          'L2TP/IPsec, libreswan': 'generated by the builder; checked in their own scenarios, l2tp-configs and libreswan-configs',
          'eap-tls on Android and ChromeOS built-in clients': 'not written: they offer IKEv2 certificate authentication, not EAP-TLS',
        },
      },
      records,
      differences,
    };
  },
};
export default scenario;
