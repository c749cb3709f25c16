// NetworkManager-strongswan: every vpn.data key the builder writes is one charon-nm reads, with a
// value it understands. strongSwan's documentation (features/networkManager.adoc) does not list the
// keys, so the table below comes from the code that reads them:
// src/charon-nm/nm/nm_service.c, strongswan/strongswan 3b902ea59b86a8ac097e27a34db85feb877a00f9.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NM_VPN_DATA_KEYS, buildConfig, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';

const FILE = 'strongswan/strongswan src/charon-nm/nm/nm_service.c@3b902ea5';
/** key -> [line where nm_service.c reads it, the values it acts on (null: any text)]. */
const DOCUMENTED: Record<string, { source: string; values: readonly string[] | null }> = {
  address: { source: `${FILE}:911 (gateway; "Gateway address missing" when empty)`, values: null },
  certificate: { source: `${FILE}:936 (gateway or CA certificate file)`, values: null },
  'remote-identity': { source: `${FILE}:963`, values: null },
  method: { source: `${FILE}:1028-1043 (cert, eap-tls, key, agent, smartcard; eap, psk)`, values: ['cert', 'eap-tls', 'key', 'agent', 'smartcard', 'eap', 'psk'] },
  user: { source: `${FILE}:747 (EAP identity)`, values: null },
  'cert-source': { source: `${FILE}:590 (defaults to method; agent, smartcard, else files)`, values: ['file', 'agent', 'smartcard'] },
  usercert: { source: `${FILE}:610 (certificate file)`, values: null },
  userkey: { source: `${FILE}:657 (private key file)`, values: null },
  'local-identity': { source: `${FILE}:717 (IKE identity instead of the certificate subject)`, values: null },
  virtual: { source: `${FILE}:923-924 (streq "yes")`, values: ['yes', 'no'] },
  encap: { source: `${FILE}:925-926 (streq "yes")`, values: ['yes', 'no'] },
  ipcomp: { source: `${FILE}:927-928 (streq "yes")`, values: ['yes', 'no'] },
  proposal: { source: `${FILE}:991-992 (streq "yes"; otherwise charon's default proposals)`, values: ['yes', 'no'] },
};

const NM: ConfigState = { ...DEFAULT_CONFIG_STATE, name: "Bob's VPN", clients: 'windows-ps,linux-nm' };
const script = () => buildConfig(NM).files.find((f) => f.name === 'bob-s-vpn-nmcli.sh')!.text;

/** Runs the script with nmcli replaced by a function that prints its arguments, one per line. */
function nmcliArgs(text: string): string[][] {
  const run = spawnSync('sh', ['-c', `nmcli() { printf '%s\\037' "$@"; printf '\\n'; }\n${text}`], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').map((l) => l.split('\x1f').slice(0, -1));
}

describe('NetworkManager nmcli commands', () => {
  it('are written when Linux NetworkManager is chosen, and the matcher serves it through rekeys', () => {
    const build = buildConfig(NM);
    expect(build.files.map((f) => f.name)).toContain('bob-s-vpn-nmcli.sh');
    expect(build.verdicts.find((v) => v.client.id === 'linux-nm')).toMatchObject({ connect: true, rekey: true });
  });

  it('use only keys charon-nm reads, with values it acts on', () => {
    expect([...NM_VPN_DATA_KEYS].sort()).toEqual(Object.keys(DOCUMENTED).sort());
    const [add] = nmcliArgs(script());
    const data = add![add!.indexOf('vpn.data') + 1]!;
    const pairs = data.split(', ').map((p) => p.split('=') as [string, string]);
    for (const [key, value] of pairs) {
      expect(DOCUMENTED[key], key).toBeDefined();
      if (DOCUMENTED[key]!.values) expect(DOCUMENTED[key]!.values, key).toContain(value);
    }
    expect(Object.fromEntries(pairs)).toEqual({
      address: 'vpn.example.com',
      certificate: '/etc/ssl/bob-s-vpn-ca.pem',
      'remote-identity': 'vpn.example.com',
      method: 'eap',
      user: 'alice',
      virtual: 'yes',
      encap: 'no',
      ipcomp: 'no',
      // No custom proposals: the matcher's linux-nm profile is charon's defaults (proposals/clients.ts).
      proposal: 'no',
    });
  });

  it('EAP-TLS: method eap-tls with the user\u2019s certificate and key files and the user name as identity', () => {
    const text = buildConfig({ ...NM, auth: 'eap-tls' }).files.find((f) => f.name === 'bob-s-vpn-nmcli.sh')!.text;
    const [add] = nmcliArgs(text);
    const pairs = add![add!.indexOf('vpn.data') + 1]!.split(', ').map((p) => p.split('=') as [string, string]);
    for (const [key, value] of pairs) {
      expect(DOCUMENTED[key], key).toBeDefined();
      if (DOCUMENTED[key]!.values) expect(DOCUMENTED[key]!.values, key).toContain(value);
    }
    expect(Object.fromEntries(pairs)).toEqual({
      address: 'vpn.example.com',
      certificate: '/etc/ssl/bob-s-vpn-ca.pem',
      'remote-identity': 'vpn.example.com',
      // nm_service.c:699-704: EAP with type EAP_TLS, AAA identity %any
      method: 'eap-tls',
      'cert-source': 'file',
      usercert: '/etc/ssl/bob-s-vpn-alice.cert.pem',
      userkey: '/etc/ssl/private/bob-s-vpn-alice.key.pem',
      // the SAN make-certs.sh gives the user's certificate
      'local-identity': 'alice',
      virtual: 'yes',
      encap: 'no',
      ipcomp: 'no',
      proposal: 'no',
    });
  });

  it('quote the connection name for the shell', () => {
    const [add, up] = nmcliArgs(script());
    expect(add!.slice(0, 7)).toEqual(['connection', 'add', 'type', 'vpn', 'vpn-type', 'org.freedesktop.NetworkManager.strongswan', 'con-name']);
    expect(add![7]).toBe("Bob's VPN");
    expect(up).toEqual(['connection', 'up', "Bob's VPN", '--ask']);
  });
});
