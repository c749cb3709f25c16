// Shortcuts: the model's named setups as calculator states (and back), path MTU presets with
// their sources, and ESP suggestions the model accepts.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  ESP_SUGGESTIONS,
  PATH_MTU_PRESETS,
  computeResult,
  matchingPreset,
  presetMatches,
  presetState,
  specOf,
  changeProtocol,
  encapsulationsFor,
} from '../../../src/lib/mtu-calculator';
import { PRESETS, maxInnerPacket, parseEspProposal, presetById } from '../../../src/lib/overhead';

describe('setup presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s becomes a state that describes the same tunnel', (_, preset) => {
    const state = presetState(preset.id, { ...DEFAULT_STATE, mtu: '1492', size: '576' });
    const { wireguardMtu: _interfaceMtu, ...tunnel } = preset.spec;
    expect(specOf(state)).toEqual({ encapsulation: 'udp', ...tunnel });
    // Path MTU and inner size are the reader's, not the preset's.
    expect([state.mtu, state.size]).toEqual(['1492', '576']);
    expect(presetMatches(preset, state)).toBe(true);
    expect(computeResult(state).path?.maxInner).toBe(maxInnerPacket(preset.spec, 1492));
  });

  it('recognises the default state as the IKEv2 AES-GCM road warrior', () => {
    expect(matchingPreset(DEFAULT_STATE)?.id).toBe('ikev2-gcm');
  });

  it('ignores fields the protocol does not use, and the case and spaces of the proposal', () => {
    const wireguard = presetById('wireguard');
    expect(presetMatches(wireguard, { ...presetState('wireguard', DEFAULT_STATE), esp: 'anything', acfc: '1' })).toBe(true);
    expect(presetMatches(presetById('ikev2-gcm'), { ...DEFAULT_STATE, esp: ' AES256GCM16 ' })).toBe(true);
  });

  it('stops matching when a field the protocol uses changes', () => {
    const linux = presetState('l2tp-linux', DEFAULT_STATE);
    expect(matchingPreset(linux)?.id).toBe('l2tp-linux');
    expect(matchingPreset({ ...linux, acfc: '1' })?.id).toBe('l2tp-windows');
    expect(matchingPreset({ ...linux, pfc: '1' })).toBeNull();
    expect(matchingPreset({ ...DEFAULT_STATE, outer: '6' })).toBeNull();
  });

  it('keeps the reader’s proposal when switching to a protocol without ESP', () => {
    expect(presetState('openvpn', { ...DEFAULT_STATE, esp: 'aes128-sha1' }).esp).toBe('aes128-sha1');
  });

  it('refuses an unknown preset by name', () => {
    expect(() => presetState('pptp', DEFAULT_STATE)).toThrow(/Unknown preset 'pptp'/);
  });
});

describe('path MTU presets', () => {
  it.each([
    ['Ethernet', 1500, /RFC 894/],
    ['PPPoE', 1492, /RFC 2516/],
    ['IPv6 minimum', 1280, /RFC 8200 §5/],
    ['Google Cloud', 1460, /Google Cloud/],
    ['Jumbo frames', 9000, /jumbo/],
  ])('%s: %i', (label, mtu, source) => {
    const preset = PATH_MTU_PRESETS.find((p) => p.label === label);
    expect(preset?.mtu).toBe(mtu);
    expect(preset?.source).toMatch(source);
  });
});

describe('ESP suggestions', () => {
  it('are all accepted by the model, start with the RFC 8221 MUST (AES-GCM-16), and are labelled by it', () => {
    expect(ESP_SUGGESTIONS[0]?.proposal).toBe('aes256gcm16');
    for (const { proposal, label } of ESP_SUGGESTIONS) {
      expect(parseEspProposal(proposal).proposal).toBe(proposal);
      expect(label).toContain(parseEspProposal(proposal).cipher.name);
    }
    expect(ESP_SUGGESTIONS.find((s) => s.proposal === 'aes256-sha256')?.label).toBe('AES-256-CBC with HMAC-SHA2-256-128');
  });
});

describe('switching protocol in the form', () => {
  it.each([
    // [from encap, to protocol, resulting encap, why]
    ['none', 'wireguard', 'udp', 'WireGuard runs over UDP only'],
    ['tcp', 'wireguard', 'udp', 'WireGuard runs over UDP only'],
    ['none', 'openvpn', 'udp', 'OpenVPN has no plain-IP mode'],
    ['tcp', 'openvpn', 'tcp', 'OpenVPN runs over TCP too'],
    ['none', 'l2tp', 'none', 'L2TP/IPsec can run over plain ESP'],
  ] as const)('encap %s → %s gives %s (%s)', (encap, protocol, expected, _why) => {
    const state = changeProtocol({ ...DEFAULT_STATE, encap }, protocol);
    expect(state).toEqual({ ...DEFAULT_STATE, proto: protocol, encap: expected });
    expect(encapsulationsFor(protocol)).toContain(expected);
    expect(computeResult(state).errors).toEqual({});
  });
});
