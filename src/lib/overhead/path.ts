/**
 * The layers every tunnel packet starts with: the outer IP header and the transport that
 * carries the tunnel (UDP, TCP with its framing, or nothing for ESP as IP protocol 50).
 */
import {
  ESP_IN_TCP_LENGTH,
  NATT_UDP,
  OPENVPN_TCP_LENGTH,
  TCP_HEADER,
  UDP_HEADER,
  ipHeaderBytes,
} from './constants';
import { nonEmpty } from './framing';
import type { ResolvedSpec } from './validate';
import type { LayerName, NamedLayer } from './types';

function outerIpLayer(spec: ResolvedSpec): NamedLayer {
  // In L2TP/IPsec (transport mode) this is the original IP header, which ESP keeps (RFC 4303 §3.1.1).
  const name: LayerName = spec.outer === 4 ? 'Outer IPv4 header' : 'Outer IPv6 header';
  return { name, bytes: ipHeaderBytes(spec.outer) };
}

function tcpLayers(spec: ResolvedSpec, lengthName: LayerName, lengthBytes: number): NamedLayer[] {
  return [
    { name: 'TCP header', bytes: TCP_HEADER },
    { name: 'TCP options', bytes: spec.tcpOptionBytes },
    { name: lengthName, bytes: lengthBytes },
  ];
}

/** Outer IP and transport layers for ESP (IKEv2 and L2TP/IPsec). */
export function espPathLayers(spec: ResolvedSpec): NamedLayer[] {
  const transport: Record<ResolvedSpec['encapsulation'], NamedLayer[]> = {
    none: [],
    udp: [{ name: 'UDP (NAT-T)', bytes: NATT_UDP }],
    tcp: tcpLayers(spec, 'ESP-in-TCP length', ESP_IN_TCP_LENGTH),
  };
  return nonEmpty([outerIpLayer(spec), ...transport[spec.encapsulation]]);
}

/** Outer IP and UDP for WireGuard, which runs over UDP only. */
export function wireguardPathLayers(spec: ResolvedSpec): NamedLayer[] {
  return [outerIpLayer(spec), { name: 'UDP (WireGuard)', bytes: UDP_HEADER }];
}

/** Outer IP and UDP, or TCP with OpenVPN's 16-bit packet length. */
export function openvpnPathLayers(spec: ResolvedSpec): NamedLayer[] {
  const transport =
    spec.encapsulation === 'tcp'
      ? tcpLayers(spec, 'OpenVPN TCP length', OPENVPN_TCP_LENGTH)
      : [{ name: 'UDP (OpenVPN)' as const, bytes: UDP_HEADER }];
  return nonEmpty([outerIpLayer(spec), ...transport]);
}
