// Which options meet the cryptographic requirements, per platform: literal tables with sources,
// independent of the model's own sets.
import { describe, expect, it } from 'vitest';
import { meetsCnsa2, meetsFipsAlgorithms, meetsPostQuantum, type OptionId } from '../../../src/lib/decision/options';
import type { PlatformId } from '../../../src/lib/decision/questions';

describe('FIPS 140-3 approved algorithms', () => {
  it.each([
    ['ikev2', true, 'AES, SHA-2, ECP or MODP-2048+ (NIST SP 800-56A Rev. 3 App. D; RFC 3526)'],
    ['ikev2-tcp', true, 'same IKEv2 algorithms over RFC 9329'],
    ['l2tp', true, 'IKEv1 with AES, SHA-2 and MODP-2048 (RFC 2409; RFC 3526)'],
    ['sstp', true, 'TLS with approved suites (MS-SSTP runs over TLS)'],
    ['openvpn-tcp', true, 'TLS and AES-GCM data channel'],
    ['wireguard', false, 'fixed Curve25519, ChaCha20-Poly1305, BLAKE2s (WireGuard paper §5)'],
    ['pptp', false, 'MPPE is RC4 (RFC 3078)'],
  ] satisfies [OptionId, boolean, string][])('%s -> %s (%s)', (option, expected, _source) => {
    expect(meetsFipsAlgorithms(option)).toBe(expected);
  });
});

describe('CNSA 2.0 (ML-KEM-1024 as well as AES-256, SHA-384, ECP-384/MODP-3072+)', () => {
  it.each([
    ['ikev2', 'linux', true, 'strongSwan NEWS 6.0.0: ML-KEM (mlkem1024)'],
    ['ikev2', 'macos', true, 'Apple NEVPNIKEv2PostQuantumKeyExchangeMethod.method37 = ML-KEM-1024'],
    ['ikev2', 'ios', true, 'same Apple enum, iOS 26'],
    ['ikev2', 'windows', false, 'Set-VpnConnectionIPsecConfiguration: DHGroup has no ML-KEM'],
    ['ikev2', 'android12', false, 'AOSP VpnIkev2Utils.java: no ML-KEM'],
    ['ikev2-tcp', 'linux', false, 'libreswan CHANGES v5.4: ML-KEM-768 only'],
    ['l2tp', 'linux', false, 'IKEv1 has no additional key exchanges (RFC 9370 extends IKEv2 only)'],
    ['wireguard', 'linux', false, 'fixed suite, no ML-KEM (WireGuard paper)'],
    ['openvpn-tcp', 'linux', false, 'OpenSSL 3.5 default hybrid is X25519MLKEM768, not ML-KEM-1024'],
  ] satisfies [OptionId, PlatformId, boolean, string][])('%s on %s -> %s (%s)', (option, platform, expected, _source) => {
    expect(meetsCnsa2(option, platform)).toBe(expected);
  });
});

describe('post-quantum key exchange; a PSK counts only when strong, secret and per peer (RFC 8784 §1)', () => {
  it.each([
    ['ikev2', 'ios', true, 'Apple 26 ML-KEM via RFC 9370'],
    ['ikev2', 'windows', false, 'no ML-KEM DHGroup in Set-VpnConnectionIPsecConfiguration'],
    ['wireguard', 'windows', true, 'wg(8) preshared-key is set per peer'],
    ['l2tp', 'windows', false, 'group PSK: IKEv1 main mode selects the PSK by IP address (RFC 2409 §5.4)'],
    ['l2tp', 'legacy', false, 'same group PSK'],
  ] satisfies [OptionId, PlatformId, boolean, string][])('%s on %s -> %s (%s)', (option, platform, expected, _source) => {
    expect(meetsPostQuantum(option, platform)).toBe(expected);
  });
});
