/**
 * Which layers the cipher encrypts and which the integrity check covers, so that a diagram
 * can shade them. Kept apart from Layer, whose shape is fixed by the contract.
 */
import { compileTunnel } from './tunnel';
import type { LayerName, TunnelSpec } from './types';

export interface LayerProtection {
  /** Layers whose bytes are encrypted (empty for ESP NULL and GMAC, which only authenticate). */
  readonly encrypted: readonly LayerName[];
  /** Layers covered by the ICV or tag (the tag itself excluded). */
  readonly authenticated: readonly LayerName[];
}

/** ESP payload and trailer: everything the cipher sees (RFC 4303 §2, §3.3.2). */
const ESP_TUNNEL_ENCRYPTED: readonly LayerName[] = ['Inner packet', 'ESP padding', 'ESP pad length + next header'];
/** In L2TP/IPsec the UDP, L2TP and PPP headers are ESP payload too (RFC 3193). */
const ESP_L2TP_ENCRYPTED: readonly LayerName[] = ['UDP (L2TP, port 1701)', 'L2TP header', 'PPP header', ...ESP_TUNNEL_ENCRYPTED];
/** The ICV covers the ESP header, IV and everything through Next Header (RFC 4303 §2, §3.3.2). */
const ESP_HEADER_AND_IV: readonly LayerName[] = ['ESP header (SPI + sequence)', 'ESP IV'];
/** WireGuard encrypts the padded packet; the header is not associated data (whitepaper §5.4.6). */
const WIREGUARD_PROTECTED: readonly LayerName[] = ['Inner packet', 'WireGuard padding'];
/** OpenVPN P_DATA_V2 AEAD: opcode/peer-id and packet ID are associated data (OpenVPN crypto.h). */
const OPENVPN_AUTHENTICATED: readonly LayerName[] = ['OpenVPN header', 'OpenVPN packet ID', 'Inner packet'];

/** Names of the layers that are encrypted and authenticated for this spec (a name may be absent from a packet when its layer has 0 bytes). */
export function layerProtection(spec: TunnelSpec): LayerProtection {
  const { spec: resolved } = compileTunnel(spec);
  if (resolved.esp !== null) {
    const payload = resolved.protocol === 'l2tp' ? ESP_L2TP_ENCRYPTED : ESP_TUNNEL_ENCRYPTED;
    return { encrypted: resolved.esp.encrypts ? payload : [], authenticated: [...ESP_HEADER_AND_IV, ...payload] };
  }
  if (resolved.protocol === 'wireguard') return { encrypted: WIREGUARD_PROTECTED, authenticated: WIREGUARD_PROTECTED };
  return { encrypted: ['Inner packet'], authenticated: OPENVPN_AUTHENTICATED };
}
