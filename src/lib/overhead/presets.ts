/**
 * Named tunnels that the calculator and the chapters use. Each cites where its defaults
 * come from (RFC sections, src/lib/references.ts ids, committed lab results); "[unverified]"
 * marks a default that no primary source confirmed.
 */
import { ModelError, describeValue } from './errors';
import type { TunnelSpec } from './types';

export const PRESET_IDS = [
  'ikev2-gcm',
  'ikev2-cbc',
  'ikev2-windows',
  'ikev2-apple',
  'l2tp-linux',
  'l2tp-windows',
  'wireguard',
  'openvpn',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

export interface TunnelPreset {
  readonly id: PresetId;
  readonly label: string;
  readonly description: string;
  readonly source: string;
  readonly spec: Readonly<TunnelSpec>;
}

function preset(id: PresetId, label: string, description: string, source: string, spec: TunnelSpec): TunnelPreset {
  if (spec.l2tp) Object.freeze(spec.l2tp);
  if (spec.ppp) Object.freeze(spec.ppp);
  return Object.freeze({ id, label, description, source, spec: Object.freeze(spec) });
}

export const PRESETS: readonly TunnelPreset[] = Object.freeze([
  preset(
    'ikev2-gcm',
    'IKEv2 road warrior, AES-GCM',
    'IPv4 in IPv4, ESP tunnel mode behind NAT (UDP 4500), AES-256-GCM with a 16-byte ICV.',
    'RFC 8221 §5 makes ENCR_AES_GCM_16 a MUST for ESP; strongSwan 6.0 puts its AES-GCM-16 proposal first among ' +
      'the ESP defaults (strongswan/strongswan src/libcharon/plugins/vici/vici_config.c@3b902ea5; 5.9 puts it second).',
    { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256gcm16', encapsulation: 'udp' },
  ),
  preset(
    'ikev2-cbc',
    'IKEv2 road warrior, AES-CBC + SHA-256',
    'IPv4 in IPv4, ESP tunnel mode behind NAT (UDP 4500), AES-256-CBC with HMAC-SHA2-256-128.',
    'RFC 8221 §5 makes ENCR_AES_CBC a MUST and §6 makes AUTH_HMAC_SHA2_256_128 a MUST: the pair every ESP ' +
      'implementation offers when AEAD is not used.',
    { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha256', encapsulation: 'udp' },
  ),
  preset(
    'ikev2-windows',
    'IKEv2, Windows built-in client',
    'Windows 7-11 built-in IKEv2 client with its default ESP proposal list, first choice AES-256-CBC with HMAC-SHA1-96, behind NAT.',
    'strongswan-windows-clients: default ESP proposals aes256-aes128-3des-des-null-sha1. ' +
      'Assumes the server accepts the first proposal; a server that prefers another pairing changes the overhead.',
    { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha1', encapsulation: 'udp' },
  ),
  preset(
    'ikev2-apple',
    'IKEv2, iOS / macOS built-in client',
    'Apple built-in IKEv2 client with its first default ESP proposal, AES-256-CBC with HMAC-SHA2-256-128, behind NAT.',
    'strongswan-apple-clients: iOS 16.5 default ESP proposal AES-CBC-256/SHA2-256 first. ' +
      '[unverified] for macOS: its default proposal list was not retrieved.',
    { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256-sha256', encapsulation: 'udp' },
  ),
  preset(
    'l2tp-linux',
    'L2TP/IPsec, Linux server (xl2tpd + kernel)',
    'ESP transport mode behind NAT around UDP 1701, a 6-byte L2TPv2 data header and a 4-byte PPP header (FF 03 + protocol), ' +
      'as the Linux kernel data plane sends them, with AES-256-CBC and HMAC-SHA1-96.',
    'linux-l2tp-core: l2tp_build_l2tpv2_header() writes 6 bytes without sequencing (RFC 2661 §3.1 makes the L and S ' +
      'bits optional); Linux net/l2tp/l2tp_ppp.c pppol2tp_xmit() always prepends FF 03 (RFC 1661 §6.6: sent unless ' +
      'ACFC is negotiated). [unverified] ESP pairing: L2TP/IPsec clients commonly propose AES-CBC + HMAC-SHA1-96, ' +
      'not confirmed per operating system.',
    {
      protocol: 'l2tp',
      outer: 4,
      inner: 4,
      esp: 'aes256-sha1',
      encapsulation: 'udp',
      l2tp: { length: false, sequence: false },
      ppp: { acfc: false, pfc: false },
    },
  ),
  preset(
    'l2tp-windows',
    'L2TP/IPsec, Windows built-in client (assumed headers)',
    'Packets from the Windows L2TP/IPsec client behind NAT, assuming PPP with address/control compression (2 bytes) ' +
      'and a 6-byte L2TPv2 data header (neither confirmed by Microsoft; with the length bit set, as npppd sends, ' +
      'the header is 8 bytes), AES-256-CBC with HMAC-SHA1-96.',
    'ACFC: openbsd-npppd-l2tp ppp_recv_packet() notes that Windows peers send frames without address and control ' +
      '(RFC 1661 §6.6). [unverified] L2TP header: whether Windows sets the L or S bit on data packets is unknown; ' +
      'modelled as 6 bytes (RFC 2661 §3.1). [unverified] PFC: off. [unverified] ESP pairing.',
    {
      protocol: 'l2tp',
      outer: 4,
      inner: 4,
      esp: 'aes256-sha1',
      encapsulation: 'udp',
      l2tp: { length: false, sequence: false },
      ppp: { acfc: true, pfc: false },
    },
  ),
  preset(
    'wireguard',
    'WireGuard (tunnel MTU: the path maximum, not the 1420 default)',
    'WireGuard over IPv4. The tunnel MTU and MSS shown are the largest that fit the path; the default interface ' +
      'MTU is 1420, sized for an IPv6 outer path, and gives a smaller MSS.',
    'WireGuard whitepaper §5.4.6 (16-byte header, 16-byte tag, padding to 16); Linux drivers/net/wireguard ' +
      '(linux-wireguard-device: default MTU 1500 - 80; linux-wireguard-send: calculate_skb_padding caps padding at the MTU).',
    { protocol: 'wireguard', outer: 4, inner: 4, wireguardMtu: 1420 },
  ),
  preset(
    'openvpn',
    'OpenVPN 2.6 over UDP, AES-256-GCM',
    'OpenVPN 2.6 data channel (P_DATA_V2) with AES-256-GCM over UDP and IPv4. The tunnel MTU and MSS shown are the ' +
      'largest that fit the path; by default OpenVPN keeps a 1500-byte tun MTU and clamps TCP with mssfix 1492 mtu.',
    'openvpn-mtu: mtu.c frame_calculate_protocol_header_size() and crypto.c calculate_crypto_overhead(): ' +
      '4 opcode/peer-id + 4 packet ID + 16 tag in OpenVPN 2.6.',
    { protocol: 'openvpn', outer: 4, inner: 4, encapsulation: 'udp' },
  ),
]);

/** The preset with this id; ModelError (field 'preset') for an unknown id. */
export function presetById(id: string): TunnelPreset {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) {
    throw new ModelError('preset', `Unknown preset ${describeValue(id)}; presets: ${PRESET_IDS.join(', ')}.`, PRESET_IDS);
  }
  return found;
}
