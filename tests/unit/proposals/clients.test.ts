import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLIENTS,
  CLIENT_IDS,
  DEFAULT_APPLE_PROFILE,
  DEFAULT_CLIENTS,
  DEFAULT_WINDOWS_PS,
  WINDOWS_PS_VALUES,
  appleProfileOffers,
  parseProposals,
  suggestServerProposals,
  matchClients,
  windowsPsOffers,
  type ClientId,
} from '../../../src/lib/proposals';

describe('client dataset', () => {
  it('has exactly the fixed ids of the URL contract (design.md)', () => {
    expect(CLIENT_IDS).toEqual([
      'windows-gui', 'windows-reg1', 'windows-reg2', 'windows-ps', 'macos-13', 'macos-14', 'ios-16', 'apple-profile',
      'android-native', 'sswan-android', 'chromeos', 'linux-nm', 'windows-l2tp', 'apple-l2tp', 'android-l2tp', 'chromeos-l2tp',
    ]);
  });

  it.each(CLIENTS.map((c) => [c.id, c] as const))('%s names a source, a confidence label and offers that parse', (_, client) => {
    expect(client.source.href).toMatch(/^https:\/\//);
    expect(['source code', 'documentation', 'observed in logs']).toContain(client.confidence);
    if (client.confidence === 'source code') expect(client.source.path).toBeTruthy();
    if (client.confidence === 'observed in logs') expect(client.source.date).toBeTruthy();
    for (const [text, protocol] of [[client.offers.ike, 'ike'], [client.offers.esp, 'esp'], [client.offers.espRekey, 'esp']] as const) {
      expect(() => parseProposals(text, protocol)).not.toThrow();
    }
  });
});

describe('Set-VpnConnectionIPsecConfiguration (Microsoft VpnClient reference)', () => {
  it.each([
    // [values, ike, esp, esp at rekey]
    [['AES256', 'SHA256', 'ECP384', 'GCMAES256', 'GCMAES256', 'None'], 'aes256-sha256-ecp384', 'aes256gcm16', 'aes256gcm16'],
    [['GCMAES256', 'SHA384', 'ECP384', 'GCMAES256', 'GCMAES256', 'ECP384'], 'aes256gcm16-prfsha384-ecp384', 'aes256gcm16', 'aes256gcm16-ecp384'],
    [['AES128', 'SHA1', 'Group2', 'AES128', 'SHA196', 'PFSMM'], 'aes128-sha1-modp1024', 'aes128-sha1', 'aes128-sha1-modp1024'],
  ] as const)('%j', ([encryptionMethod, integrityCheckMethod, dhGroup, cipherTransformConstants, authenticationTransformConstants, pfsGroup], ike, esp, espRekey) => {
    const offers = windowsPsOffers({ encryptionMethod, integrityCheckMethod, dhGroup, cipherTransformConstants, authenticationTransformConstants, pfsGroup });
    expect(offers).toMatchObject({ ike, esp, espRekey });
  });

  it('the dataset row holds what the default values give', () => {
    expect(CLIENTS.find((c) => c.id === 'windows-ps')!.offers).toEqual(windowsPsOffers(DEFAULT_WINDOWS_PS));
    expect(CLIENTS.find((c) => c.id === 'apple-profile')!.offers).toEqual(appleProfileOffers(DEFAULT_APPLE_PROFILE));
  });

  it('refuses a GCM cipher with a non-GCM authentication transform', () => {
    expect(windowsPsOffers({ encryptionMethod: 'AES256', integrityCheckMethod: 'SHA256', dhGroup: 'Group14', cipherTransformConstants: 'GCMAES256', authenticationTransformConstants: 'SHA256128', pfsGroup: 'None' })).toHaveProperty('error');
  });

  it('never offers SHA-512, Curve25519 or MODP-3072 (no such values)', () => {
    expect(WINDOWS_PS_VALUES.integrityCheckMethod).not.toContain('SHA512');
    expect(WINDOWS_PS_VALUES.dhGroup.join()).not.toMatch(/25519|Group15/);
  });
});

describe('Apple profile SA parameters (NEVPNIKEv2SecurityAssociationParameters)', () => {
  it('defaults: AES-256, SHA2-256 (PRF from it), group 14, no PFS', () => {
    expect(appleProfileOffers({ ikeEncryption: 'AES-256', ikeIntegrity: 'SHA2-256', ikeGroup: '14', childEncryption: 'AES-256', childIntegrity: 'SHA2-256', childGroup: '14', pfs: '0' }))
      .toEqual({ ike: 'aes256-sha256-prfsha256-modp2048', esp: 'aes256-sha256', espRekey: 'aes256-sha256', keGuess: 'modp2048' });
  });
  it('GCM with PFS on group 20', () => {
    expect(appleProfileOffers({ ikeEncryption: 'AES-256-GCM', ikeIntegrity: 'SHA2-384', ikeGroup: '20', childEncryption: 'AES-256-GCM', childIntegrity: 'SHA2-384', childGroup: '20', pfs: '1' }))
      .toEqual({ ike: 'aes256gcm16-prfsha384-ecp384', esp: 'aes256gcm16', espRekey: 'aes256gcm16-ecp384', keGuess: 'ecp384' });
  });
});

describe('suggestServerProposals', () => {
  it('serves the common clients, with MODP-1024 and SHA-1 forced by Windows only', () => {
    const s = suggestServerProposals(DEFAULT_CLIENTS);
    expect(s.unserved).toEqual([]);
    expect(s.legacy).toEqual([
      { algorithm: 'modp1024', clients: ['windows-gui'] },
      { algorithm: 'sha1', clients: ['windows-gui'] },
    ]);
  });

  it('has no legacy algorithm when no client needs one', () => {
    const s = suggestServerProposals(['android-native', 'chromeos', 'sswan-android', 'macos-13', 'ios-16', 'linux-nm']);
    expect(s.legacy).toEqual([]);
    expect(s.unserved).toEqual([]);
    expect(s.ike).not.toMatch(/modp1024|sha1|3des/);
  });

  const modernIkev2: ClientId[] = ['windows-ps', 'macos-13', 'macos-14', 'ios-16', 'apple-profile', 'android-native', 'sswan-android', 'chromeos', 'linux-nm'];
  it('serves any set of clients that do not refuse server key exchanges, through rekeys (property)', () => {
    fc.assert(
      fc.property(fc.subarray(modernIkev2, { minLength: 1 }), (ids) => {
        const s = suggestServerProposals(ids);
        expect(s.unserved).toEqual([]);
        const srv = { ike: parseProposals(s.ike, 'ike').proposals, esp: parseProposals(s.esp, 'esp').proposals, ike1: null, esp1: null };
        expect(matchClients(srv, ids).every((v) => v.connect && v.rekey)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
