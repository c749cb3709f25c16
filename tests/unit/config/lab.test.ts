// The configuration builder against the committed lab run (tests/lab/results/configs.json, `npm run lab
// -- configs`): real strongSwan 5.9.8 loaded the generated server files, and initiators set up like each
// client file connected, got a pool address and passed pings before and after a rekey. These tests hold
// today's builder to that run: the client settings must still be the ones measured, and the proposals
// the matcher predicts must be the ones the server selected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfig, clientOverrides, DEFAULT_CONFIG_STATE } from '../../../src/lib/config';

interface LabRecord {
  id: string;
  client: 'windows-ps' | 'apple-profile' | 'sswan-android';
  auth: 'eap-mschapv2' | 'eap-tls' | 'psk';
  serverEap?: string;
  appleProfileWithBundle?: string;
  clientProposals: { ike: string; esp: string };
  serverSelected: string[];
  virtualIpInPool: boolean;
  ping: string;
  pingAfterClientRekey: string;
}
const result = JSON.parse(readFileSync('tests/lab/results/configs.json', 'utf8')) as { strongswan: string; records: LabRecord[]; settings: { inputs: typeof DEFAULT_CONFIG_STATE } };

/** strongSwan's log names for transforms (proposal_keywords.txt / the IKEv2 registry) -> keywords. */
const LOG_NAMES: Record<string, string> = {
  AES_CBC_256: 'aes256', AES_GCM_16_256: 'aes256gcm16', HMAC_SHA2_256_128: 'sha256', HMAC_SHA2_512_256: 'sha512',
  PRF_HMAC_SHA2_256: 'prfsha256', PRF_HMAC_SHA2_384: 'prfsha384', PRF_HMAC_SHA2_512: 'prfsha512',
  ECP_384: 'ecp384', ECP_521: 'ecp521', NO_EXT_SEQ: '',
};
const keywords = (logged: string) => new Set(logged.split(':')[1]!.split('/').map((t) => LOG_NAMES[t] ?? `?${t}`).filter(Boolean));

describe('the committed lab run of the generated configurations', () => {
  it('covers each authentication method and client kind strongSwan can stand in for', () => {
    expect(result.strongswan).toMatch(/^strongSwan 5\.9\.8/);
    expect(result.records.map((r) => r.id)).toEqual([
      'eap-mschapv2/windows-ps', 'eap-mschapv2/apple-profile', 'eap-mschapv2/sswan-android', 'psk/apple-profile',
      'eap-tls/windows-ps', 'eap-tls/apple-profile', 'eap-tls/sswan-android',
    ]);
  });

  it('authenticated each EAP client with the method the server configuration names (server log)', () => {
    expect(result.records.map((r) => [r.id, r.serverEap])).toEqual([
      ['eap-mschapv2/windows-ps', 'EAP_MSCHAPV2'], ['eap-mschapv2/apple-profile', 'EAP_MSCHAPV2'], ['eap-mschapv2/sswan-android', 'EAP_MSCHAPV2'],
      ['psk/apple-profile', undefined],
      ['eap-tls/windows-ps', 'EAP_TLS'], ['eap-tls/apple-profile', 'EAP_TLS'], ['eap-tls/sswan-android', 'EAP_TLS'],
    ]);
  });

  it('the Apple profile make-certs.sh fills in holds the user\u2019s PKCS#12 bundle, named by the VPN payload', () => {
    expect(result.records.find((r) => r.id === 'eap-tls/apple-profile')!.appleProfileWithBundle).toBe('ok');
  });

  it.each(result.records)('$id: connected, got a pool address, pinged before and after a CHILD_SA rekey', (r) => {
    expect(r.virtualIpInPool).toBe(true);
    expect(r.ping).toBe('ok');
    expect(r.pingAfterClientRekey).toBe('ok');
  });

  it.each(result.records)('$id: the client settings measured are still the ones the files set', (r) => {
    if (r.client === 'sswan-android') {
      const build = buildConfig({ ...result.settings.inputs, auth: r.auth, clients: r.client });
      const profile = JSON.parse(build.files.find((f) => f.name.endsWith('.sswan'))!.text);
      expect({ ike: profile['ike-proposal'], esp: profile['esp-proposal'] }).toEqual(r.clientProposals);
    } else {
      const offers = clientOverrides()[r.client]!;
      expect({ ike: offers.ike, esp: offers.esp }).toEqual(r.clientProposals);
    }
  });

  it.each(result.records)('$id: the matcher predicts the proposals the server selected', (r) => {
    const build = buildConfig({ ...result.settings.inputs, auth: r.auth, clients: r.client });
    const verdict = build.verdicts[0]!;
    const predicted = (stage: string) => verdict.stages.find((s) => s.stage === stage)!.attempts.find((a) => a.ok)!.selected!;
    const [ike, esp] = r.serverSelected;
    expect(new Set(predicted('ike').split('-'))).toEqual(keywords(ike!));
    expect(new Set(predicted('child').split('-'))).toEqual(keywords(esp!));
  });
});
