// Legacy L2TP/IPsec in the builder: the IKEv1 connection, xl2tpd and pppd files, the Windows
// script, and the inputs that refuse it. xl2tpd and pppd themselves read the generated files in
// the lab (`npm run lab -- l2tp-configs`, root only); l2tp-lab.test.ts holds its committed record.
import { describe, expect, it } from 'vitest';
import { WINDOWS_CMDLETS, buildConfig, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';

const L2TP: ConfigState = { ...DEFAULT_CONFIG_STATE, l2tp: '1', clients: `${DEFAULT_CONFIG_STATE.clients},windows-l2tp,apple-l2tp` };
const fileOf = (s: ConfigState, name: string, psk: string | null = null) => buildConfig(s, psk).files.find((f) => f.name === name)?.text ?? '';

describe('server files for legacy L2TP/IPsec', () => {
  const build = buildConfig(L2TP);

  it('adds xl2tpd, pppd and the Windows L2TP script, and serves the L2TP clients through rekeys', () => {
    expect(build.errors).toEqual([]);
    expect(build.files.map((f) => f.name)).toEqual([
      'swanctl.conf', 'make-certs.sh', 'vpn-input.nft', 'vpn-forward.nft',
      'example-vpn.ps1', 'example-vpn.mobileconfig', 'example-vpn.sswan', 'android-settings.txt', 'example-vpn-nmcli.sh', 'chromeos-settings.txt',
      'xl2tpd.conf', 'options.xl2tpd', 'chap-secrets', 'example-vpn-l2tp.ps1',
    ]);
    expect(build.verdicts.filter((v) => v.client.ikeVersion === 1).map((v) => [v.client.id, v.connect, v.rekey])).toEqual([
      ['windows-l2tp', true, true],
      ['apple-l2tp', true, true],
    ]);
  });

  it('writes an IKEv1 transport-mode connection for UDP 1701 with the matcher\'s IKEv1 proposals', () => {
    // RFC 3193 §5: ESP transport mode protecting L2TP on UDP 1701; swanctl.conf(5): version, mode, local_ts/remote_ts protocol/port.
    const conf = fileOf(L2TP, 'swanctl.conf');
    const l2tp = conf.slice(conf.indexOf('  example-vpn-l2tp {'), conf.indexOf('\npools {'));
    expect(l2tp).toContain('    version = 1\n');
    expect(l2tp).toContain('        mode = transport\n');
    expect(l2tp).toContain('        local_ts = dynamic[udp/1701]\n');
    expect(l2tp).toContain('        remote_ts = dynamic[udp]\n');
    expect(l2tp).toContain('      auth = psk\n');
    expect(l2tp).toContain(`    proposals = ${build.server!.ike1}\n`);
    expect(l2tp).toContain(`        esp_proposals = ${build.server!.esp1}\n`);
    // Windows L2TP offers only HMAC-SHA-1 for ESP (proposals/clients.ts, windows-l2tp offers), so the list must hold it.
    expect(build.server!.esp1).toBe('aes256-sha1');
    // IKEv1 main mode finds a PSK by the peer's address (RFC 2409 §5.4): the key has no ids.
    expect(fileOf(L2TP, 'swanctl.conf', 'k3y')).toContain('  ike-l2tp {\n    secret = "k3y"  # shared by every L2TP/IPsec client\n  }\n');
  });

  it('sets the PPP MTU from the overhead model for the negotiated ESP suite', () => {
    // 1500 - 20 (outer IPv4) - 8 (UDP 4500, RFC 3948) - 8 (ESP header) - 16 (AES-CBC IV) - 12 (HMAC-SHA1-96 ICV,
    // RFC 2404) = 1436 for payload + pad + 2, padded to 16 (AES block): 1424, payload 1422; less UDP 8,
    // L2TPv2 header 6 and PPP FF 03 + protocol 4 (presets.ts 'l2tp-linux') leaves 1404. TCP MSS 1404 - 40 = 1364.
    expect(build.pppMtu).toBe(1404);
    const options = fileOf(L2TP, 'options.xl2tpd');
    expect(options).toContain('\nmtu 1404\nmru 1404\n');
    expect(options).toContain('\nrequire-mschap-v2\n');
    expect(options).toMatch(/# Caveat: MS-CHAPv2/);
    expect(fileOf(L2TP, 'vpn-forward.nft')).toContain('ip saddr 10.20.0.0/24 tcp flags & (syn | rst) == syn tcp option maxseg size > 1364 tcp option maxseg size set 1364');
    // Path MTU 1400: 1400 - 64 = 1336, padded to 16: 1328, payload 1326, less 18 = 1308.
    expect(buildConfig({ ...L2TP, mtu: '1400' }).pppMtu).toBe(1308);
  });

  it('hands the L2TP pool out from xl2tpd, the server taking its first address', () => {
    const conf = fileOf(L2TP, 'xl2tpd.conf');
    expect(conf).toContain('\nip range = 10.20.0.2-10.20.0.254\nlocal ip = 10.20.0.1\n');
    expect(fileOf({ ...L2TP, l2tppool: '192.0.2.64/27' }, 'xl2tpd.conf')).toContain('\nip range = 192.0.2.66-192.0.2.94\nlocal ip = 192.0.2.65\n');
    expect(fileOf(L2TP, 'chap-secrets')).toContain('\n"alice" * "password-of-alice" *\n');
  });

  it('leaves the L2TP length bit off, so the data header is the 6 bytes the PPP MTU allows for', () => {
    // RFC 2661 §3.1: the L bit adds a 2-byte Length field; xl2tpd call.c add_payload_hdr writes it with
    // `length bit = yes` (tests/lab/results/l2tp-configs.json: LNS data header 8 bytes with the line, 6 without).
    const conf = fileOf(L2TP, 'xl2tpd.conf');
    expect(conf).not.toMatch(/^length bit/m);
    expect(conf).toContain('\npppoptfile = /etc/ppp/options.xl2tpd\n');
  });

  it('opens UDP 1701 only inside IPsec (the port checklist\'s rules for both protocols)', () => {
    const input = fileOf(L2TP, 'vpn-input.nft');
    expect(input).toContain('udp dport 1701 meta ipsec exists counter accept');
    expect(input).toContain('udp dport 1701 counter drop');
    expect(input).toContain('meta l4proto esp');
    // Behind NAT every packet arrives in UDP 4500: no rule for plain ESP (RFC 3948).
    expect(fileOf({ ...L2TP, servernat: '1' }, 'vpn-input.nft')).not.toContain('meta l4proto esp');
  });
});

describe('the Windows L2TP/IPsec script', () => {
  // Accepted values from Microsoft's documentation (learn.microsoft.com, Add-VpnConnection and New-ItemProperty).
  const VALUES: Record<string, readonly string[]> = {
    TunnelType: ['Pptp', 'L2tp', 'Sstp', 'Ikev2', 'Automatic'],
    AuthenticationMethod: ['Pap', 'Chap', 'MSChapv2', 'Eap', 'MachineCertificate'],
    EncryptionLevel: ['NoEncryption', 'Optional', 'Required', 'Maximum', 'Custom'],
    PropertyType: ['String', 'ExpandString', 'Binary', 'DWord', 'MultiString', 'QWord', 'Unknown'],
  };

  it.each([
    { why: 'server on the Internet', servernat: '0' as const, registry: false },
    { why: 'server behind NAT', servernat: '1' as const, registry: true },
  ])('$why: documented cmdlets, parameters and values only', ({ servernat, registry }) => {
    const script = fileOf({ ...L2TP, servernat }, 'example-vpn-l2tp.ps1', 'k3y');
    const lines = script.split('\r\n').filter((l) => /^[A-Z][a-z]+-[A-Za-z]+ /.test(l));
    for (const line of lines) {
      const cmdlet = line.split(' ')[0]!;
      expect(WINDOWS_CMDLETS[cmdlet], cmdlet).toBeDefined();
      for (const [, param] of line.matchAll(/ -([A-Za-z][A-Za-z0-9]*)/g)) expect(WINDOWS_CMDLETS[cmdlet]!.parameters, `${cmdlet} -${param}`).toContain(param);
      for (const [, param, value] of line.matchAll(/ -([A-Za-z]+) ([A-Za-z0-9]+)(?= |$)/g)) if (VALUES[param!]) expect(VALUES[param!], param).toContain(value);
    }
    expect(script).toContain("-TunnelType L2tp -L2tpPsk 'k3y' -AuthenticationMethod MSChapv2");
    // Microsoft, "Configure an L2TP/IPsec server behind a NAT-T device" (ms-l2tp-nat-t): value 2 when both ends are behind NAT.
    expect(script.includes("'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent' -Name 'AssumeUDPEncapsulationContextOnSendRule' -PropertyType DWord -Value 2")).toBe(registry);
  });
});

describe('inputs that refuse L2TP/IPsec, at their field', () => {
  const errors = (over: Partial<ConfigState>) => buildConfig({ ...L2TP, ...over }).errors.map((e) => e.field);
  it.each([
    { why: 'an IKEv1 client without L2TP on', over: { l2tp: '0' as const }, field: 'clients' },
    { why: 'L2TP on without an IKEv1 client', over: { clients: 'windows-ps' }, field: 'clients' },
    { why: 'only IKEv1 clients', over: { clients: 'windows-l2tp' }, field: 'clients' },
    { why: 'the L2TP pool overlaps the IKEv2 pool', over: { l2tppool: '10.10.10.128/25' }, field: 'l2tppool' },
    { why: 'an IPv6 L2TP pool', over: { l2tppool: '2001:db8::/64' }, field: 'l2tppool' },
    { why: 'an L2TP pool too small', over: { l2tppool: '10.20.0.0/30' }, field: 'l2tppool' },
    { why: 'no user for PPP sign-in', over: { auth: 'psk' as const, users: '' }, field: 'users' },
  ])('$why', ({ over, field }) => expect(errors(over)).toEqual([field]));
});
