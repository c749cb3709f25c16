/**
 * How the calculator names and shades the model's layers: a short label for sentences and
 * tables, a tag for the narrow segments of the packet bar, and what protects each byte.
 */
import { layerProtection, type LayerName, type NamedLayer, type TunnelSpec } from '../overhead';

interface LayerLabel {
  /** For tables and the arithmetic line: 'IPv4 header', 'ICV'. */
  readonly short: string;
  /** For the packet bar, where a segment may be a few pixels wide. */
  readonly tag: string;
}

export const LAYER_LABELS: Readonly<Record<LayerName, LayerLabel>> = {
  'Outer IPv4 header': { short: 'IPv4 header', tag: 'IPv4' },
  'Outer IPv6 header': { short: 'IPv6 header', tag: 'IPv6' },
  'UDP (NAT-T)': { short: 'UDP (NAT-T)', tag: 'UDP' },
  'UDP (WireGuard)': { short: 'UDP', tag: 'UDP' },
  'UDP (OpenVPN)': { short: 'UDP', tag: 'UDP' },
  'TCP header': { short: 'TCP header', tag: 'TCP' },
  'TCP options': { short: 'TCP options', tag: 'opt' },
  'ESP-in-TCP length': { short: 'length field', tag: 'len' },
  'OpenVPN TCP length': { short: 'length field', tag: 'len' },
  'ESP header (SPI + sequence)': { short: 'ESP header', tag: 'ESP' },
  'ESP IV': { short: 'IV', tag: 'IV' },
  'UDP (L2TP, port 1701)': { short: 'UDP 1701', tag: 'UDP' },
  'L2TP header': { short: 'L2TP', tag: 'L2TP' },
  'PPP header': { short: 'PPP', tag: 'PPP' },
  'WireGuard header': { short: 'WireGuard header', tag: 'WG' },
  'OpenVPN header': { short: 'opcode + peer ID', tag: 'op' },
  'OpenVPN packet ID': { short: 'packet ID', tag: 'ID' },
  'AES-GCM tag': { short: 'GCM tag', tag: 'tag' },
  'Inner packet': { short: 'inner packet', tag: 'inner packet' },
  'ESP padding': { short: 'padding', tag: 'pad' },
  'ESP pad length + next header': { short: 'pad length + next header', tag: 'PL NH' },
  'ESP ICV': { short: 'ICV', tag: 'ICV' },
  'WireGuard padding': { short: 'padding', tag: 'pad' },
  'Poly1305 tag': { short: 'Poly1305 tag', tag: 'tag' },
};

/** Layers that are the integrity tag itself: sent after (or, in OpenVPN, before) what it covers. */
const TAG_LAYERS: ReadonlySet<LayerName> = new Set(['ESP ICV', 'Poly1305 tag', 'AES-GCM tag']);

/**
 * encrypted: encrypted and authenticated; authenticated: sent in clear but covered by the tag;
 * tag: the ICV or tag; clear: neither (outer headers, which NAT may rewrite).
 */
export type Protection = 'encrypted' | 'authenticated' | 'tag' | 'clear';

export interface DiagramLayer {
  readonly name: LayerName;
  readonly short: string;
  readonly tag: string;
  readonly bytes: number;
  readonly encrypted: boolean;
  readonly authenticated: boolean;
  readonly protection: Protection;
}

/** The model's layers with labels and protection, for a spec the model has accepted. */
export function diagramLayers(spec: TunnelSpec, layers: readonly NamedLayer[]): DiagramLayer[] {
  const { encrypted, authenticated } = layerProtection(spec);
  return layers.map(({ name, bytes }) => {
    const isEncrypted = encrypted.includes(name);
    const isAuthenticated = authenticated.includes(name);
    const protection: Protection = TAG_LAYERS.has(name)
      ? 'tag'
      : isEncrypted
        ? 'encrypted'
        : isAuthenticated
          ? 'authenticated'
          : 'clear';
    return { name, ...LAYER_LABELS[name], bytes, encrypted: isEncrypted, authenticated: isAuthenticated, protection };
  });
}
