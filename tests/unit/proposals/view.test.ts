/**
 * The matcher page's view helpers (src/lib/proposals/view.ts): the state edits its form makes
 * and the labels it shows. Expected values are literals: preset strings from
 * src/lib/proposals/presets.ts (each row cites its source there), parameter names from
 * Microsoft's Set-VpnConnectionIPsecConfiguration reference and Apple's VPN payload keys.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL_SYMBOL,
  DEFAULT_PROPOSALS_STATE,
  PROFILE_KEYS,
  PROFILE_LABELS,
  PS_KEYS,
  PS_LABELS,
  initialProposalsState,
  presetOf,
  profileOptionLabel,
  psOptions,
  suggestionText,
  withClient,
  withListValue,
  withPreset,
  type ServerSuggestion,
} from '../../../src/lib/proposals';

const HARDENED = { ike: 'aes256gcm16-prfsha512-ecp384!', esp: 'aes256gcm16-ecp384!', ike1: '', esp1: '' };

describe('starting state and presets', () => {
  it('the defaults: strongSwan defaults, six clients', () => {
    expect(initialProposalsState('', '')).toEqual({
      ike: 'default',
      esp: 'default',
      ike1: '',
      esp1: '',
      clients: 'windows-gui,macos-13,ios-16,android-native,sswan-android,chromeos',
      ps: 'AES256,SHA256,Group14,GCMAES256,GCMAES256,None',
      profile: 'AES-256,SHA2-256,14,AES-256,SHA2-256,14,0',
    });
    expect(presetOf(DEFAULT_PROPOSALS_STATE)).toBe('strongswan-default');
  });

  it('an embed’s preset and clients (trailofbits/algo f6931db, roles/strongswan/defaults/main.yml)', () => {
    const state = initialProposalsState('hardened', 'ios-16,windows-gui');
    expect(state).toMatchObject({ ...HARDENED, clients: 'ios-16,windows-gui' });
    expect(presetOf(state)).toBe('hardened');
  });

  it('an unknown preset leaves the proposals alone; the reader’s own proposals are no preset', () => {
    expect(withPreset(DEFAULT_PROPOSALS_STATE, 'nope')).toBe(DEFAULT_PROPOSALS_STATE);
    expect(presetOf({ ...DEFAULT_PROPOSALS_STATE, ike: 'aes128-sha256-modp2048' })).toBe('');
  });

  it('a preset replaces all four proposal fields and nothing else', () => {
    const own = { ...DEFAULT_PROPOSALS_STATE, ike1: 'aes128-sha1-modp1024', clients: 'chromeos' };
    expect(withPreset(own, 'hardened')).toEqual({ ...own, ...HARDENED });
  });
});

describe('form edits', () => {
  it('clients are kept in the dataset’s order, unknown ids dropped', () => {
    const state = { ...DEFAULT_PROPOSALS_STATE, clients: 'ios-16,bogus' };
    expect(withClient(state, 'windows-gui', true).clients).toBe('windows-gui,ios-16');
    expect(withClient(state, 'ios-16', false).clients).toBe('');
    expect(withClient(withClient(state, 'chromeos-l2tp', true), 'macos-14', true).clients).toBe('macos-14,ios-16,chromeos-l2tp');
  });

  it('one value of the ps and profile lists', () => {
    expect(withListValue(DEFAULT_PROPOSALS_STATE, 'ps', 2, 'ECP384').ps).toBe('AES256,SHA256,ECP384,GCMAES256,GCMAES256,None');
    expect(withListValue(DEFAULT_PROPOSALS_STATE, 'profile', 6, '1').profile).toBe('AES-256,SHA2-256,14,AES-256,SHA2-256,14,1');
  });
});

describe('labels', () => {
  it('the cmdlet’s parameter names, in the order of the ps list', () => {
    expect(PS_KEYS.map((k) => PS_LABELS[k])).toEqual([
      '-EncryptionMethod',
      '-IntegrityCheckMethod',
      '-DHGroup',
      '-CipherTransformConstants',
      '-AuthenticationTransformConstants',
      '-PfsGroup',
    ]);
    expect(psOptions('dhGroup')).toEqual(['Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24']);
  });

  it('the profile keys, in the order of the profile list; EnablePFS reads Yes/No', () => {
    expect(PROFILE_KEYS.map((k) => PROFILE_LABELS[k])).toEqual([
      'IKE EncryptionAlgorithm',
      'IKE IntegrityAlgorithm',
      'IKE DiffieHellmanGroup',
      'Child EncryptionAlgorithm',
      'Child IntegrityAlgorithm',
      'Child DiffieHellmanGroup',
      'EnablePFS',
    ]);
    expect([profileOptionLabel('pfs', '1'), profileOptionLabel('pfs', '0'), profileOptionLabel('ikeGroup', '14')]).toEqual(['Yes', 'No', '14']);
  });

  it('one symbol per matrix state', () => {
    expect(CELL_SYMBOL).toEqual({ yes: '✓', retry: '✓+', no: '✗', unreached: '–' });
  });
});

describe('the suggestion as swanctl.conf lines', () => {
  const v2: ServerSuggestion = { ike: 'aes256-sha256-modp2048', esp: 'aes256-sha256', ike1: null, esp1: null, legacy: [], unserved: [], notes: [] };
  const both: ServerSuggestion = { ...v2, ike1: 'aes256-sha1-modp2048', esp1: 'aes256-sha1' };

  it('IKEv2 only', () => {
    expect(suggestionText(v2, true)).toBe('proposals = aes256-sha256-modp2048\nesp_proposals = aes256-sha256');
  });

  it('with the IKEv1 side on the page, without it in the copy', () => {
    expect(suggestionText(both, true)).toBe(
      'proposals = aes256-sha256-modp2048\nesp_proposals = aes256-sha256\n# L2TP/IPsec (IKEv1)\nproposals = aes256-sha1-modp2048\nesp_proposals = aes256-sha1',
    );
    expect(suggestionText(both, false)).toBe('proposals = aes256-sha256-modp2048\nesp_proposals = aes256-sha256');
  });
});
