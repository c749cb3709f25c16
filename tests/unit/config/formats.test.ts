// The generated client files are valid for the programs that read them, checked by
// independent parsers and against each format's documented keys and values:
//   .mobileconfig  Python's plistlib (a maintained property-list parser) + Apple's IKEv2 keys
//   .sswan         JSON + strongSwan's profile format (strongswan-docs os/androidVpnClientProfiles.adoc)
//   .ps1           only documented cmdlets, parameters and values (WINDOWS_CMDLETS, WINDOWS_PS_VALUES)
//   .nft           nft -c -f (the real tool, as the port checklist's rules are checked)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLE_IKEV2_KEYS, WINDOWS_CMDLETS, buildConfig, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';
import { APPLE_PROFILE_VALUES, WINDOWS_PS_VALUES, parseStrongswanProposal } from '../../../src/lib/proposals';

const STATES: { why: string; state: ConfigState }[] = [
  { why: 'defaults', state: DEFAULT_CONFIG_STATE },
  { why: 'IP gateway, IPv6 pool, split tunnel', state: { ...DEFAULT_CONFIG_STATE, gateway: '203.0.113.10', pool6: '2001:db8:6::/112', dns: '2620:fe::fe', routes: '192.0.2.0/24, 2001:db8:1::/48' } },
  { why: 'PSK with a key from the page', state: { ...DEFAULT_CONFIG_STATE, auth: 'psk', name: 'Lab & <Test>' } },
  { why: 'EAP-TLS', state: { ...DEFAULT_CONFIG_STATE, auth: 'eap-tls' } },
  { why: 'L2TP/IPsec too, server behind NAT', state: { ...DEFAULT_CONFIG_STATE, l2tp: '1', servernat: '1', clients: `${DEFAULT_CONFIG_STATE.clients},windows-l2tp` } },
];
const fileOf = (s: ConfigState, suffix: string, psk: string | null = null) => buildConfig(s, psk).files.find((f) => f.name.endsWith(suffix))?.text;

const workdir = mkdtempSync(join(tmpdir(), 'vpn-config-'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** Parses property lists with Python's plistlib, all in one process: each result is the parsed value or the error. */
function plistsToJson(xmls: readonly string[]): unknown[] {
  const script = [
    'import json, plistlib, sys',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    try: out.append({"value": plistlib.loads(text.encode())})',
    '    except Exception as e: out.append({"error": str(e)})',
    'print(json.dumps(out, default=lambda b: {"data": b.hex()}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(xmls), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as ({ value: unknown } | { error: string })[]).map((r) => ('error' in r ? new Error(r.error) : r.value));
}

describe('Apple .mobileconfig', () => {
  const parsed = plistsToJson([
    '<plist version="1.0"><dict><key>A</key></plist>',
    ...STATES.map(({ state }) => fileOf(state, '.mobileconfig', 'k3y')!),
    fileOf(STATES[2]!.state, '.mobileconfig')!,
  ]);

  it('plistlib refuses a broken property list (the check can fail)', () => {
    expect(parsed[0]).toBeInstanceOf(Error);
  });

  it.each(STATES.map((s, i) => ({ ...s, i })))('$why: parses, uses documented IKEv2 keys with their types and allowed values', ({ state, i }) => {
    const profile = parsed[i + 1] as Record<string, unknown>;
    expect(profile).not.toBeInstanceOf(Error);
    expect(profile.PayloadType).toBe('Configuration');
    const [vpn] = profile.PayloadContent as Record<string, unknown>[];
    expect(vpn!.PayloadType).toBe('com.apple.vpn.managed');
    expect(vpn!.VPNType).toBe('IKEv2');
    expect(vpn!.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const ikev2 = vpn!.IKEv2 as Record<string, unknown>;
    for (const [key, value] of Object.entries(ikev2)) {
      const type = APPLE_IKEV2_KEYS[key];
      expect(type, key).toBeDefined();
      expect(typeof value, key).toBe(type === 'integer' ? 'number' : type === 'dict' ? 'object' : 'string');
    }
    expect(ikev2.RemoteAddress).toBe(state.gateway);
    for (const sa of [ikev2.IKESecurityAssociationParameters, ikev2.ChildSecurityAssociationParameters] as Record<string, unknown>[]) {
      expect(APPLE_PROFILE_VALUES.encryption).toContain(sa.EncryptionAlgorithm);
      expect(APPLE_PROFILE_VALUES.integrity).toContain(sa.IntegrityAlgorithm);
      expect(APPLE_PROFILE_VALUES.group).toContain(String(sa.DiffieHellmanGroup));
    }
    expect(['Certificate', 'SharedSecret']).toContain(ikev2.AuthenticationMethod);
  });

  it('EAP-TLS: ExtendedAuthEnabled with PayloadCertificateUUID naming an empty PKCS#12 payload (strongswan-docs appleIkev2Profile.adoc)', () => {
    const profile = parsed[STATES.findIndex((s) => s.why === 'EAP-TLS') + 1] as { PayloadContent: Record<string, unknown>[] };
    const [vpn, p12] = profile.PayloadContent;
    const ikev2 = vpn!.IKEv2 as Record<string, unknown>;
    expect([ikev2.AuthenticationMethod, ikev2.ExtendedAuthEnabled]).toEqual(['Certificate', 1]);
    expect(p12!.PayloadType).toBe('com.apple.security.pkcs12');
    expect(ikev2.PayloadCertificateUUID).toBe(p12!.PayloadUUID);
    // <data></data>: empty bytes, which make-certs.sh replaces with the user's bundle (tests/lab/results/configs.json)
    expect(p12!.PayloadContent).toEqual({ data: '' });
  });

  it('escapes names so that the XML stays well-formed', () => {
    const profile = parsed[STATES.length + 1] as Record<string, unknown>;
    expect(profile.PayloadDisplayName).toBe('Lab & <Test>');
  });
});

describe('strongSwan Android .sswan', () => {
  // Types and keys from strongswan-docs docs/modules/ROOT/pages/os/androidVpnClientProfiles.adoc (commit 402255d).
  const TYPES = ['ikev2-eap', 'ikev2-cert', 'ikev2-cert-eap', 'ikev2-eap-tls', 'ikev2-byod-eap'];
  const TOP_KEYS = ['uuid', 'name', 'type', 'remote', 'local', 'ike-proposal', 'esp-proposal', 'split-tunneling', 'apps', 'excluded-apps', 'mtu', 'nat-keepalive', 'dns-servers', 'ipv6-transport', 'proxy'];

  it.each(STATES.filter((s) => s.state.auth !== 'psk').slice(0, 3))('$why: documented keys, required ones present, proposals parse', ({ state }) => {
    const profile = JSON.parse(fileOf(state, '.sswan')!) as { uuid: string; type: string; remote: { addr: string }; 'ike-proposal': string; 'esp-proposal': string };
    for (const key of Object.keys(profile)) expect(TOP_KEYS, key).toContain(key);
    expect(profile.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(TYPES).toContain(profile.type);
    expect(profile.type).toBe(state.auth === 'eap-tls' ? 'ikev2-eap-tls' : 'ikev2-eap');
    expect(profile.remote.addr).toBe(state.gateway);
    expect(() => parseStrongswanProposal(profile['ike-proposal'], 'ike')).not.toThrow();
    expect(() => parseStrongswanProposal(profile['esp-proposal'], 'esp')).not.toThrow();
  });
});

describe('Windows PowerShell script', () => {
  it.each(STATES.filter((s) => s.state.auth !== 'psk').slice(0, 3))('$why: only documented cmdlets, parameters and values', ({ state }) => {
    const script = fileOf(state, '.ps1')!;
    // a cmdlet line, or one whose result is assigned to a variable ($eap = New-EapConfiguration ...)
    const lines = script.split('\r\n').map((l) => l.replace(/^\$[a-z]+ = /, '')).filter((l) => /^[A-Z][a-z]+-[A-Za-z]+ /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const cmdlet = line.split(' ')[0]!;
      expect(WINDOWS_CMDLETS[cmdlet], cmdlet).toBeDefined();
      for (const [, param] of line.matchAll(/ -([A-Za-z]+)/g)) expect(WINDOWS_CMDLETS[cmdlet]!.parameters, `${cmdlet} -${param}`).toContain(param);
    }
    const ipsec = lines.find((l) => l.startsWith('Set-VpnConnectionIPsecConfiguration'))!;
    const value = (p: string) => new RegExp(` -${p} (\\S+)`).exec(ipsec)![1]!;
    expect(WINDOWS_PS_VALUES.encryptionMethod).toContain(value('EncryptionMethod'));
    expect(WINDOWS_PS_VALUES.integrityCheckMethod).toContain(value('IntegrityCheckMethod'));
    expect(WINDOWS_PS_VALUES.dhGroup).toContain(value('DHGroup'));
    expect(WINDOWS_PS_VALUES.cipherTransformConstants).toContain(value('CipherTransformConstants'));
    expect(WINDOWS_PS_VALUES.authenticationTransformConstants).toContain(value('AuthenticationTransformConstants'));
    expect(WINDOWS_PS_VALUES.pfsGroup).toContain(value('PfsGroup'));
  });

  it('EAP-TLS: imports the user\u2019s .p12 and hands New-EapConfiguration -Tls to Add-VpnConnection', () => {
    const script = fileOf(STATES.find((s) => s.why === 'EAP-TLS')!.state, '.ps1')!.split('\r\n');
    expect(script).toContain("$password = Read-Host -Prompt 'Password of the .p12 file' -AsSecureString");
    expect(script).toContain("Import-PfxCertificate -FilePath (Join-Path $PSScriptRoot 'alice.p12') -CertStoreLocation 'Cert:\\CurrentUser\\My' -Password $password | Out-Null");
    expect(script).toContain('$eap = New-EapConfiguration -Tls -UserCertificate -VerifyServerIdentity');
    expect(script.find((l) => l.startsWith('Add-VpnConnection'))).toContain('-AuthenticationMethod Eap -EapConfigXmlStream $eap.EapConfigXmlStream');
  });
});

describe('nftables files', () => {
  const nft = spawnSync('nft', ['--version'], { encoding: 'utf8' });
  it('nft is installed (CI installs nftables)', () => expect(nft.error).toBeUndefined());
  it('nft -c rejects a broken file (the check can fail)', () => {
    const path = join(workdir, 'broken.nft');
    writeFileSync(path, 'table inet t {\n\tchain c {\n\t\tip saddr 10.0.0.0/33 accept\n\t}\n}\n');
    expect(spawnSync('nft', ['-c', '-f', path]).status).not.toBe(0);
  });
  it.each(STATES)('$why: nft -c accepts both files', ({ state }) => {
    for (const f of buildConfig(state).files.filter((f) => f.name.endsWith('.nft'))) {
      const path = join(workdir, f.name);
      writeFileSync(path, f.text);
      const run = spawnSync('nft', ['-c', '-f', path], { encoding: 'utf8' });
      expect(run.status, `${f.name}: ${run.stderr}`).toBe(0);
    }
  });
});
