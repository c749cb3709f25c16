// The server configuration the setup chapter publishes serves every client the chapter claims.
// Everything is read from the chapter itself, so an edit to its configuration is checked here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_BY_ID,
  appleProfileOffers,
  matchClient,
  parseProposals,
  windowsPsOffers,
  type AppleProfileParameters,
  type ClientId,
  type ServerProposals,
  type WindowsPsParameters,
} from '../../../src/lib/proposals';

const chapter = readFileSync(new URL('../../../src/content/docs/guide/setup.mdx', import.meta.url), 'utf8');
const line = (pattern: RegExp): string => {
  const m = pattern.exec(chapter);
  if (!m?.[1]) throw new Error(`setup.mdx no longer has ${pattern}`);
  return m[1].trim();
};

const server: ServerProposals = {
  ike: parseProposals(line(/^\s*proposals = (.+)$/m), 'ike').proposals,
  esp: parseProposals(line(/^\s*esp_proposals = (.+)$/m), 'esp').proposals,
  ike1: parseProposals(`ike=${line(/^\s*ike=(.+)$/m)}`, 'ike').proposals,
  esp1: parseProposals(`phase2alg=${line(/^\s*phase2alg=(.+)$/m)}`, 'esp').proposals,
};

const ps = (name: string) => line(new RegExp(`-${name} (\\w+)`));
const windowsPs = windowsPsOffers({
  encryptionMethod: ps('EncryptionMethod'),
  integrityCheckMethod: ps('IntegrityCheckMethod'),
  dhGroup: ps('DHGroup'),
  cipherTransformConstants: ps('CipherTransformConstants'),
  authenticationTransformConstants: ps('AuthenticationTransformConstants'),
  pfsGroup: ps('PfsGroup'),
} as WindowsPsParameters);

const dict = (name: string) => line(new RegExp(`<key>${name}</key>\\s*<dict>([\\s\\S]*?)</dict>`));
const key = (xml: string, name: string) => new RegExp(`<key>${name}</key>\\s*<(?:string|integer)>([^<]+)<`).exec(xml)![1]!;
const ikeSa = dict('IKESecurityAssociationParameters');
const childSa = dict('ChildSecurityAssociationParameters');
const profile = appleProfileOffers({
  ikeEncryption: key(ikeSa, 'EncryptionAlgorithm'),
  ikeIntegrity: key(ikeSa, 'IntegrityAlgorithm'),
  ikeGroup: key(ikeSa, 'DiffieHellmanGroup'),
  childEncryption: key(childSa, 'EncryptionAlgorithm'),
  childIntegrity: key(childSa, 'IntegrityAlgorithm'),
  childGroup: key(childSa, 'DiffieHellmanGroup'),
  pfs: key(chapter, 'EnablePFS'),
} as AppleProfileParameters);

describe('setup chapter configuration', () => {
  it('reads the chapter’s PowerShell and profile values', () => {
    expect(windowsPs).toMatchObject({ ike: 'aes256-sha256-ecp384', esp: 'aes256gcm16', espRekey: 'aes256gcm16' });
    expect(profile).toMatchObject({ ike: 'aes256-sha256-prfsha256-ecp384', esp: 'aes256-sha256', espRekey: 'aes256-sha256-ecp384' });
  });

  it.each([
    // Clients the chapter sets up (its "Step 4" sections and the L2TP/IPsec section).
    ['windows-ps', true],
    ['macos-13', true],
    ['ios-16', true],
    ['apple-profile', true],
    ['android-native', true],
    ['sswan-android', true],
    ['linux-nm', true],
    ['windows-l2tp', true],
    ['apple-l2tp', true],
  ] as const)('%s connects', (id, connect) => {
    const offers = id === 'windows-ps' && !('error' in windowsPs) ? windowsPs : id === 'apple-profile' ? profile : undefined;
    const v = matchClient(server, CLIENT_BY_ID.get(id as ClientId)!, offers);
    expect(v.connect).toBe(connect);
    // The client-initiated CHILD_SA rekey works for every one of them (the chapter's PFS note).
    expect(v.stages.find((s) => s.stage === 'child-rekey')!.attempts[0]!.ok).toBe(true);
  });

  it.each(['macos-13', 'ios-16', 'apple-profile', 'android-native', 'sswan-android', 'linux-nm', 'windows-l2tp', 'apple-l2tp'] as const)(
    '%s also survives server-initiated rekeys',
    (id) => {
      const v = matchClient(server, CLIENT_BY_ID.get(id)!, id === 'apple-profile' ? profile : undefined);
      expect(v.rekey).toBe(true);
    },
  );

  it('Windows refuses the server’s own CHILD_SA rekey: the PFS proposals carry key exchanges (windowsClients.adoc, error 13816)', () => {
    if ('error' in windowsPs) throw new Error(windowsPs.message);
    const v = matchClient(server, CLIENT_BY_ID.get('windows-ps')!, windowsPs);
    const byServer = v.stages.find((s) => s.stage === 'child-rekey')!.attempts[1]!;
    expect(byServer.ok).toBe(false);
    expect(byServer.reason).toMatch(/13816/);
  });
});
