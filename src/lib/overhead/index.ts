/**
 * The overhead model: byte-exact per-packet cost, tunnel MTU and MSS for IKEv2/IPsec,
 * L2TP/IPsec, WireGuard and OpenVPN. Pure TypeScript; no DOM, Svelte or Astro.
 */
export type { IpVersion, TunnelSpec, Layer, PacketSize, Protocol, Encapsulation, LayerName, NamedLayer } from './types';
export { LAYER_NAMES } from './types';
export { ModelError } from './errors';
export { packetSize, maxInnerPacket, mssClamp } from './packet';
export { compileTunnel, type Tunnel, type OverheadRange, type PacketSizeWithNames } from './tunnel';
export { parseEspProposal, ESP_KEYWORDS, type EspTransform } from './proposal';
export {
  CIPHERS,
  INTEGRITY_ALGORITHMS,
  KEY_EXCHANGE_KEYWORDS,
  PRF_KEYWORDS,
  ESN_KEYWORDS,
  type CipherInfo,
  type CipherKind,
  type IntegrityInfo,
} from './transforms';
export { PROTOCOLS, IP_VERSIONS, ENCAPSULATIONS_BY_PROTOCOL, type ResolvedSpec } from './validate';
export { layerProtection, type LayerProtection } from './protection';
export {
  SIMPLE_IMIX,
  mixEfficiency,
  overheadRange,
  type MixEntry,
  type PacketMix,
  type MixOptions,
  type MixPacket,
  type MixEfficiency,
} from './efficiency';
export { PRESETS, PRESET_IDS, presetById, type PresetId, type TunnelPreset } from './presets';
export { ETHERNET_L1_OVERHEAD, WIREGUARD_DEFAULT_MTU } from './constants';
