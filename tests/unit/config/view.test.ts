/**
 * The builder page's view helpers (src/lib/config/view.ts): which fields and clients the form
 * offers, the edits it makes and the random key. Client ids are those of
 * src/lib/proposals/clients.ts; expected values are literals.
 */
import { describe, expect, it } from 'vitest';
import { buildConfig, DEFAULT_CONFIG_STATE, type ConfigState } from '../../../src/lib/config';
import { AUTH_LABELS, chosenClients, clientChoices, clientsOffered, matrixRows, randomKey, setL2tp, textInputs, toggleClient } from '../../../src/lib/config/view';
import { AUTH_METHODS } from '../../../src/lib/config/state';

const l2tpOn: ConfigState = { ...DEFAULT_CONFIG_STATE, l2tp: '1' };

describe('what the form offers', () => {
  it('the L2TP pool field only with legacy L2TP/IPsec on', () => {
    expect(textInputs(DEFAULT_CONFIG_STATE).map((i) => i.field)).toEqual(['gateway', 'name', 'users', 'pool4', 'pool6', 'dns', 'routes', 'mtu']);
    expect(textInputs(l2tpOn).map((i) => i.field)).toContain('l2tppool');
  });

  it('IKEv1 clients only with legacy L2TP/IPsec on', () => {
    const all = clientChoices();
    expect(all.filter((c) => c.l2tp).map((c) => c.id)).toEqual(['windows-l2tp', 'apple-l2tp', 'android-l2tp', 'chromeos-l2tp']);
    expect(clientsOffered(all, DEFAULT_CONFIG_STATE).some((c) => c.l2tp)).toBe(false);
    expect(clientsOffered(all, l2tpOn)).toHaveLength(16);
  });

  it('a label for every authentication method', () => {
    for (const m of AUTH_METHODS) expect(AUTH_LABELS[m]).toMatch(/\S/);
  });

  it('the chosen ids as written, blanks dropped', () => {
    expect([...chosenClients({ ...DEFAULT_CONFIG_STATE, clients: ' ios-16, ,bogus' })]).toEqual(['ios-16', 'bogus']);
  });
});

describe('form edits', () => {
  it('toggling a client appends it or removes it', () => {
    expect(toggleClient('windows-ps,ios-16', 'chromeos', true)).toBe('windows-ps,ios-16,chromeos');
    expect(toggleClient('windows-ps, ios-16', 'ios-16', false)).toBe('windows-ps');
    expect(toggleClient('ios-16', 'ios-16', true)).toBe('ios-16');
  });

  it('L2TP on adds the Windows L2TP client (or keeps the IKEv1 ones chosen); off removes every IKEv1 client', () => {
    const v2 = { ...DEFAULT_CONFIG_STATE, clients: 'windows-ps,ios-16' };
    expect(setL2tp(v2, true)).toMatchObject({ l2tp: '1', clients: 'windows-ps,ios-16,windows-l2tp' });
    expect(setL2tp({ ...v2, clients: 'apple-l2tp,ios-16' }, true).clients).toBe('ios-16,apple-l2tp');
    expect(setL2tp({ ...v2, l2tp: '1', clients: 'apple-l2tp,ios-16,windows-l2tp' }, false)).toMatchObject({ l2tp: '0', clients: 'ios-16' });
  });
});

describe('matrix rows and the key', () => {
  it('one row per chosen client, with the file written for it', () => {
    const rows = matrixRows(buildConfig({ ...DEFAULT_CONFIG_STATE, name: 'Office', clients: 'windows-ps,ios-16' }));
    expect(rows.map((r) => [r.id, r.file])).toEqual([
      ['windows-ps', 'office.ps1'],
      ['ios-16', null],
    ]);
  });

  it('32 bytes as base64 (RFC 4648 §4): 44 characters', () => {
    expect(randomKey((b) => b.fill(0))).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    expect(randomKey((b) => b.fill(255))).toBe('//////////////////////////////////////////8=');
  });
});
