import { describe, expect, it } from 'vitest';
import {
  CLIENT_BY_ID,
  SERVER_PRESETS,
  matchClient,
  parseProposals,
  parseStrongswanProposal,
  selectProposal,
  type ClientId,
  type ServerProposals,
} from '../../../src/lib/proposals';

function server(ike: string, esp: string, ike1 = '', esp1 = ''): ServerProposals {
  return {
    ike: parseProposals(ike, 'ike').proposals,
    esp: parseProposals(esp, 'esp').proposals,
    ike1: ike1 ? parseProposals(ike1, 'ike').proposals : null,
    esp1: esp1 ? parseProposals(esp1, 'esp').proposals : null,
  };
}
const preset = (id: string) => {
  const p = SERVER_PRESETS.find((s) => s.id === id)!;
  return server(p.ike, p.esp, p.ike1, p.esp1);
};

const WINDOWS = 'strongswan-docs 402255d interop/windowsClients.adoc';
const IOS = 'strongswan-docs 402255d interop/ios.adoc';

describe('verdicts against published server configurations', () => {
  it.each([
    // [client, server, connect, rekey, source]
    ['windows-gui', preset('jawj'), false, false, 'jawj/IKEv2-setup#151: "Policy match error" until the PowerShell step'],
    ['windows-gui', preset('hardened'), false, false, 'trailofbits/algo#1063; Windows offers only MODP-1024 (' + WINDOWS + ')'],
    ['windows-gui', preset('strongswan-default'), false, false, `${WINDOWS}: only modp1024; proposal.c defaults leave MODP-1024 out`],
    ['windows-gui', preset('legacy'), true, true, `${WINDOWS}: 3des-aes128-...-sha1-...-modp1024 and esp aes256-aes128-...-sha1`],
    ['windows-reg2', preset('strongswan-default'), true, false, `${WINDOWS}: value 2 proposes modp2048; server-proposed KE refused even with none (the 6.0.2 default), error 13816`],
    ['macos-13', server('aes256-sha256-modp2048', 'aes256-sha256-modp2048'), true, false, `${IOS}: macOS sends only a proposal without DH at rekey`],
    ['macos-13', server('aes256-sha256-modp2048', 'aes256-sha256-modp2048-modpnone'), true, true, `${IOS}: the optional DH group fixes it`],
    ['ios-16', server('aes256-sha256-modp2048', 'aes256-sha256-modp2048'), true, true, `${IOS}: iOS sends a proposal with DH group at rekey`],
    ['macos-14', preset('jawj'), true, false, 'libreswan#1450 log (no KE at rekey) vs jawj setup.sh esp=aes256gcm16-ecp384!'],
    ['android-native', preset('hardened'), false, false, 'AOSP VpnIkev2Utils: no ECP groups; algo main.yml ecp384 only'],
    ['chromeos', preset('hardened'), true, false, 'shill ipsec_connection.cc: ESP without KE; algo esp aes256gcm16-ecp384!'],
    ['sswan-android', preset('legacy'), false, false, 'strongSwan proposal.c defaults leave MODP-1024 out (app 1.9.5 dropped it)'],
    ['sswan-android', preset('hardened'), true, true, 'android_service.c offers ESP with and without KE; defaults include ecp384'],
    ['android-native', preset('strongswan-default'), true, true, 'AOSP proposals intersect proposal.c defaults'],
    ['windows-l2tp', preset('recommended'), true, true, 'hwdsl2/setup-ipsec-vpn#229: aes256-sha1-modp2048 selected'],
    ['android-l2tp', preset('recommended'), false, false, 'setup chapter: no MODP-1024 shuts out Android’s old L2TP client'],
    ['windows-l2tp', preset('strongswan-default'), false, false, 'no IKEv1 proposals on the server'],
  ] as const)('%s against %#', (id, srv, connect, rekey, _source) => {
    const verdict = matchClient(srv, CLIENT_BY_ID.get(id as ClientId)!);
    expect({ connect: verdict.connect, rekey: verdict.rekey }).toEqual({ connect, rekey });
  });
});

describe('selected proposals and round trips', () => {
  it('Android’s MODP-4096 guess meets strongSwan’s Curve25519: one INVALID_KE_PAYLOAD round trip', () => {
    // AOSP getIkeSaProposals(): DH order modp4096, curve25519, ...; ike_init.c build_r requests the selected group.
    const v = matchClient(preset('strongswan-default'), CLIENT_BY_ID.get('android-native')!);
    expect(v.stages[0]!.attempts[0]!.invalidKe).toEqual({ sent: 'modp4096', requested: 'curve25519' });
  });

  it('iOS guesses the group the default server selects: no extra round trip', () => {
    const v = matchClient(preset('strongswan-default'), CLIENT_BY_ID.get('ios-16')!);
    expect(v.stages[0]!.attempts[0]).toMatchObject({ ok: true, selected: 'aes256-sha256-prfsha256-modp2048', invalidKe: null });
    expect(v.esp).toBe('aes256-sha256');
  });

  it('the server prefers its own order (hwdsl2 puts AES-GCM with ECP-256 first for macOS 14)', () => {
    const v = matchClient(preset('hwdsl2'), CLIENT_BY_ID.get('macos-14')!);
    expect(v.stages[0]!.attempts[0]!.selected).toBe('aes256gcm16-prfsha256-ecp256');
    expect(v.esp).toBe('aes256gcm16');
  });
});

describe('fixes', () => {
  it('every proposed server fix makes its stage pass when appended', () => {
    const servers = SERVER_PRESETS.map((p) => server(p.ike, p.esp, p.ike1, p.esp1));
    let checked = 0;
    for (const srv of servers) {
      for (const client of CLIENT_BY_ID.values()) {
        for (const stage of matchClient(srv, client).stages) {
          if (!stage.serverFix || !stage.reached) continue;
          const { field, proposal } = stage.serverFix;
          const protocol = field.startsWith('ike') ? 'ike' : 'esp';
          const fixed: ServerProposals = { ...srv, [field]: [...(srv[field] ?? []), parseStrongswanProposal(proposal, protocol)] };
          expect(matchClient(fixed, client).stages.find((s) => s.stage === stage.stage)!.ok, `${client.id} ${stage.stage} + ${proposal}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('offers Windows the strongest suite it has, MODP-1024 included', () => {
    const v = matchClient(preset('recommended'), CLIENT_BY_ID.get('windows-gui')!);
    expect(v.stages[0]!.serverFix).toEqual({ field: 'ike', proposal: 'aes256-sha384-prfsha384-modp1024' });
    expect(selectProposal(parseProposals('aes256-sha384-prfsha384-modp1024', 'ike').proposals, parseProposals('3des-sha1-modp1024', 'ike').proposals).ok).toBe(false);
  });
});
