// The builder's libreswan server (server=libreswan): its files are those the lab checked on the real
// libreswan 4.10 (tests/lab/results/libreswan-configs.json: addconn --checkconfig, algparse -v2,
// a pluto that loads them), and what libreswan rejects is refused at the field instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfig, CONFIG_URL_STATE, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';
import { ipv4Range, libreswanProposals } from '../../../src/lib/config/libreswan';
import { parsePrefix, type Prefix } from '../../../src/lib/config/inputs';

interface LabRecord {
  id: string;
  state?: Partial<ConfigState>;
  conf: string;
  secrets: string;
  checkconfig: string;
  algorithms: string[];
  pluto: string[];
  accepted: boolean;
}
const LAB: { settings: { libreswan: string }; records: LabRecord[] } = JSON.parse(readFileSync('tests/lab/results/libreswan-configs.json', 'utf8'));
const record = (id: string) => LAB.records.find((r) => r.id === id)!;
const build = (overrides: Partial<ConfigState>) => buildConfig({ ...DEFAULT_CONFIG_STATE, ...overrides });
const file = (overrides: Partial<ConfigState>, name: string) => build(overrides).files.find((f) => f.name === name)?.text;

describe('the files the lab checked on libreswan 4.10', () => {
  it('ran on the Debian 12 package, for four builder cases', () => {
    expect(LAB.settings.libreswan).toBe('4.10-2+deb12u1');
    expect(LAB.records.filter((r) => r.state).map((r) => r.id)).toEqual(['psk-name-full-tunnel', 'psk-address-one-route', 'psk-address-dns', 'psk-apple-only']);
  });
  it.each(LAB.records.filter((r) => r.state).map((r) => [r.id, r] as const))('%s: the builder still writes the checked files, and libreswan accepted them', (_, r) => {
    expect(file(r.state!, 'ipsec.conf')).toBe(r.conf);
    expect(file(r.state!, 'ipsec.secrets')).toBe(r.secrets);
    expect([r.checkconfig, r.pluto, r.accepted]).toEqual(['', ['"example-vpn": added IKEv2 connection'], true]);
    expect(r.algorithms.every((a) => !a.startsWith('FAILED'))).toBe(true);
  });
  it('pluto read the default proposals as the algorithms the strongSwan server would use (algparse -v2)', () => {
    expect(record('psk-name-full-tunnel').algorithms).toEqual([
      'AES_GCM_16_256-HMAC_SHA2_384-DH20 AES_CBC_256+AES_CTR_256-HMAC_SHA2_512+HMAC_SHA2_256-DH21+DH20+MODP4096',
      'AES_GCM_16_256-NONE AES_CBC_256-HMAC_SHA2_512_256',
    ]);
  });
});

describe('what libreswan rejects is a field error, not a file', () => {
  // [lab record of the file libreswan rejected, the builder inputs that would write it, the field]
  const rows: [string, Partial<ConfigState>, string][] = [
    ['ipv4-and-ipv6', { pool6: '2001:db8:6::/112' }, 'pool6'],
    ['ipv4-and-ipv6-pools', { pool6: '2001:db8:6::/112' }, 'pool6'],
    ['two-subnets', { routes: '192.0.2.0/24, 203.0.113.0/24' }, 'routes'],
    ['two-subnets-leftsubnets', { routes: '192.0.2.0/24, 203.0.113.0/24' }, 'routes'],
  ];
  it.each(rows)('%s', (id, overrides, field) => {
    expect(record(id).accepted).toBe(false);
    const b = build({ server: 'libreswan', auth: 'psk', ...overrides });
    expect(b.errors.map((e) => e.field)).toEqual([field]);
    expect(b.files).toEqual([]);
    // the same inputs are fine for strongSwan
    expect(build({ auth: 'psk', ...overrides }).errors).toEqual([]);
  });
  it('EAP-MSCHAPv2 (libreswan 4.10 ipsec.conf(5): leftautheap= is none or tls; no user name and password in IKEv2)', () => {
    const b = build({ server: 'libreswan', auth: 'eap-mschapv2' });
    expect(b.errors.map((e) => e.field)).toEqual(['server']);
    expect(b.files).toEqual([]);
  });
  it('legacy L2TP/IPsec (the builder writes libreswan\u2019s IKEv2 server only)', () => {
    const b = build({ server: 'libreswan', auth: 'psk', l2tp: '1', clients: 'apple-profile,windows-l2tp' });
    expect(b.errors.map((e) => e.field)).toEqual(['server']);
  });
});

describe('strongSwan stays the default', () => {
  it('the default state and a link without server= write swanctl.conf', () => {
    expect(DEFAULT_CONFIG_STATE.server).toBe('strongswan');
    expect(build({}).files.map((f) => f.name)).toContain('swanctl.conf');
    expect(CONFIG_URL_STATE.decode(new URLSearchParams('v=1&gateway=vpn.example.org')).state.server).toBe('strongswan');
  });
  it('server=libreswan replaces swanctl.conf with ipsec.conf and ipsec.secrets; the client files stay', () => {
    const { state } = CONFIG_URL_STATE.decode(new URLSearchParams('v=1&server=libreswan&auth=psk'));
    const names = buildConfig(state).files.map((f) => f.name);
    expect(names).toEqual(['ipsec.conf', 'ipsec.secrets', 'vpn-input.nft', 'vpn-forward.nft', 'example-vpn.mobileconfig']);
  });
});

describe('strongSwan proposals in libreswan\u2019s syntax', () => {
  // [strongSwan list, type, libreswan form]; names from pluto 4.10's algorithm table
  // (tests/lab/results/logs/pluto-success/responder.log) and ipsec.conf(5) ike=/esp=
  const rows: [string, 'ike' | 'esp', string][] = [
    ['aes256gcm16-prfsha384-ecp384', 'ike', 'aes_gcm256-sha2_384;dh20'],
    ['aes256-aes256ctr-sha512-sha256-prfsha512-prfsha256-ecp521-ecp384-modp4096', 'ike', 'aes256+aes_ctr256-sha2_512+sha2_256;dh21+dh20+dh16'],
    ['aes128-sha256-modp2048', 'ike', 'aes128-sha2_256;dh14'],
    ['chacha20poly1305-prfsha256-curve25519', 'ike', 'chacha20poly1305-sha2_256;dh31'],
    ['aes256gcm16,aes256-sha512', 'esp', 'aes_gcm256,aes256-sha2_512'],
    ['aes128-sha1-modp2048', 'esp', 'aes128-sha1;dh14'],
  ];
  it.each(rows)('%s (%s)', (list, type, expected) => {
    expect(libreswanProposals(list, type)).toEqual({ text: expected });
  });
  it('a proposal whose integrity and PRF lists differ has no libreswan form (libreswan derives one from the other)', () => {
    expect(libreswanProposals('aes256-sha256-prfsha512-ecp384', 'ike')).toEqual({ unsupported: ['aes256-sha256-prfsha512-ecp384'] });
  });
  it('an algorithm libreswan does not offer is named', () => {
    expect(libreswanProposals('aes256-sha256-modp1024s160', 'ike')).toEqual({ unsupported: ['modp1024s160'] });
  });
});

describe('IPv4 pools as libreswan ranges (ipsec.conf(5), leftaddresspool: a range, not a CIDR)', () => {
  it.each([
    ['10.10.10.0/24', '10.10.10.1-10.10.10.254'],
    ['198.51.100.128/26', '198.51.100.129-198.51.100.190'],
    ['10.0.0.0/8', '10.0.0.1-10.255.255.254'],
  ])('%s', (cidr, range) => {
    expect(ipv4Range(parsePrefix(cidr) as Prefix)).toBe(range);
  });
});
