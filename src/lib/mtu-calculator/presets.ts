/**
 * Choices the calculator offers as shortcuts: path MTUs seen in practice, common ESP proposals,
 * and the model's named setups (PRESETS) as calculator states.
 */
import { PRESETS, parseEspProposal, presetById, type TunnelPreset } from '../overhead';
import type { CalculatorState } from './state';

export interface PathMtuPreset {
  readonly label: string;
  readonly mtu: number;
  readonly source: string;
}

export const PATH_MTU_PRESETS: readonly PathMtuPreset[] = [
  // Ethernet II carries at most 1500 bytes of IP (RFC 894).
  { label: 'Ethernet', mtu: 1500, source: 'RFC 894 (1500-byte Ethernet payload)' },
  // PPPoE takes 8 bytes of the Ethernet payload: 6 PPPoE + 2 PPP protocol (RFC 2516 §7: MRU at most 1492).
  { label: 'PPPoE', mtu: 1492, source: 'RFC 2516 §7 (MRU no larger than 1492)' },
  // Every IPv6 link carries at least 1280 bytes (RFC 8200 §5).
  { label: 'IPv6 minimum', mtu: 1280, source: 'RFC 8200 §5 (minimum link MTU 1280)' },
  // Google Cloud VPC networks default to 1460 (Google Cloud docs, "Maximum transmission unit").
  { label: 'Google Cloud', mtu: 1460, source: 'Google Cloud VPC documentation: default MTU 1460' },
  // Jumbo frames: a common switch and NIC setting, not an IEEE standard size.
  { label: 'Jumbo frames', mtu: 9000, source: 'common jumbo-frame MTU (vendor setting, not an IEEE standard)' },
];

export interface EspSuggestion {
  readonly proposal: string;
  /** What the proposal means, from the model's algorithm names. */
  readonly label: string;
}

/** Proposals worth offering first: RFC 8221 MUST/SHOULD algorithms, then what old clients send. */
const SUGGESTED_PROPOSALS = [
  'aes256gcm16',
  'aes128gcm16',
  'chacha20poly1305',
  'aes256-sha256',
  'aes128-sha256',
  'aes256-sha384',
  'aes256-sha512',
  'aes256-sha1',
  'aes128-sha1',
  'aes128ctr-sha256',
  '3des-sha1',
  'aes256gmac',
  'null-sha256',
];

export const ESP_SUGGESTIONS: readonly EspSuggestion[] = SUGGESTED_PROPOSALS.map((proposal) => {
  const transform = parseEspProposal(proposal);
  const label = transform.integrity ? `${transform.cipher.name} with ${transform.integrity.name}` : transform.cipher.name;
  return { proposal, label };
});

/** The calculator state for a named setup; path MTU and inner size are kept from `current`. */
export function presetState(id: string, current: CalculatorState): CalculatorState {
  const { spec } = presetById(id);
  const flag = (on: boolean | undefined): '0' | '1' => (on ? '1' : '0');
  const l2tpFields =
    spec.protocol === 'l2tp'
      ? { l2tplen: flag(spec.l2tp?.length), l2tpseq: flag(spec.l2tp?.sequence), acfc: flag(spec.ppp?.acfc), pfc: flag(spec.ppp?.pfc) }
      : {};
  return {
    ...current,
    proto: spec.protocol,
    outer: spec.outer === 6 ? '6' : '4',
    inner: spec.inner === 6 ? '6' : '4',
    encap: spec.encapsulation ?? 'udp',
    // WireGuard and OpenVPN keep the reader's proposal for when they switch back to IPsec.
    esp: spec.esp ?? current.esp,
    ...l2tpFields,
  };
}

/** True when `state` describes the preset's tunnel (fields the protocol ignores do not count). */
export function presetMatches(preset: TunnelPreset, state: CalculatorState): boolean {
  const expected = presetState(preset.id, state);
  const relevant: (keyof CalculatorState)[] = ['proto', 'outer', 'inner', 'encap'];
  if (expected.proto === 'ikev2' || expected.proto === 'l2tp') relevant.push('esp');
  if (expected.proto === 'l2tp') relevant.push('l2tplen', 'l2tpseq', 'acfc', 'pfc');
  return relevant.every((field) => {
    if (field !== 'esp') return expected[field] === state[field];
    // 'AES256GCM16' and ' aes256gcm16 ' are the same proposal.
    return expected.esp === state.esp.trim().toLowerCase();
  });
}

/** The first named setup that `state` describes, or null for a custom tunnel. */
export function matchingPreset(state: CalculatorState): TunnelPreset | null {
  return PRESETS.find((preset) => presetMatches(preset, state)) ?? null;
}
