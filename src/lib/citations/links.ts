// Turns the models' citations (decision and reachability) into links, at build time: the
// islands get the finished table (linkTable) as a prop and look links up with link-table.ts.
//
//   RFC      -> the RFC Editor's copy, at the section when one is given (resolveCitation)
//   chapter  -> the chapter under the site's base path, labelled with its title; a chapter that
//               is not part of the build is named but not linked, so no link can break
//   vendor   -> the document in src/lib/references.ts that the model's citation names
//               (VENDOR_REFERENCES); the label keeps the model's wording, which names the
//               exact option or section ('libreswan: ipsec.conf(5): enable-tcp')
import { resolveCitation } from '../references';
import { CHAPTER_PATHS, SOURCES, chapter, type ChapterPath, type Citation } from './citations';
import { withBase } from '../shared/paths';
import type { CitationLink, LinkTable } from './link-table';

export interface LinkContext {
  /** The site's base path, as import.meta.env.BASE_URL gives it ('/' or '/vpn-guide/'). */
  readonly base: string;
  /** Titles of the chapters this build contains, by path ('/guide/verdict/': 'The verdict'). */
  readonly chapters: Readonly<Record<string, string>>;
}

/**
 * The reference id (src/lib/references.ts) behind each vendor citation of SOURCES, by citation id.
 * null: no address for the document could be verified, so it is named without a link.
 */
export const VENDOR_REFERENCES: Readonly<Record<string, string | null>> = {
  'AOSP: Ikev2VpnProfile (API level 30) and VpnIkev2Utils.java': 'android-ikev2vpnprofile',
  'Apple: NEVPNIKEv2PostQuantumKeyExchangeMethod': 'apple-nevpn-pq',
  'Apple: VPN overview for Apple device deployment': 'apple-vpn-overview',
  'Google: Chrome Enterprise help: Manage networks': 'google-chrome-admin-networks',
  'Google: Chrome Enterprise help: Set up Android VPN apps': 'google-chrome-android-vpn-apps',
  // The Windows Server 2008 R2 page was read through an excerpt; its address is not on record.
  'Microsoft: Including a Preshared Key (Routing and Remote Access)': null,
  'Microsoft: Configure an L2TP/IPsec server behind a NAT-T device (KB 926179)': 'ms-l2tp-nat-t',
  'Microsoft: New-NetFirewallRule (NetSecurity module)': 'ms-new-netfirewallrule',
  'Microsoft: RAS Connection Establishment Issues (events 20220-20227)': 'ms-ras-connection-establishment',
  'Microsoft: Set-VpnConnectionIPsecConfiguration': 'ms-set-vpnconnectionipsecconfiguration',
  'Microsoft: [MS-SSTP]: Secure Socket Tunneling Protocol': 'ms-sstp',
  // RouterOS prints its default firewall with /system default-configuration print; no
  // MikroTik page listing it could be verified.
  'MikroTik: RouterOS default configuration (defconf) firewall filter': null,
  'WireGuard: Known Limitations': 'wireguard-known-limitations',
  'WireGuard: wg(8): preshared-key': 'wg-manpage',
  'hwdsl2/setup-ipsec-vpn: README.md': 'hwdsl2-readme',
  'hwdsl2/setup-ipsec-vpn: docs/clients.md': 'hwdsl2-clients',
  'ike-scan: ike-scan(1)': 'ike-scan',
  'libreswan: ipsec.conf(5): enable-tcp': 'libreswan-ipsec-conf',
  'libreswan: ipsec.conf(5): leftautheap': 'libreswan-ipsec-conf',
  'libreswan: ipsec.conf(5): listen-tcp': 'libreswan-ipsec-conf',
  'libreswan: ipsec.conf(5): mobike': 'libreswan-ipsec-conf',
  'netfilter: iptables-extensions(8): policy': 'iptables-extensions',
  'netfilter: nft(8): meta ipsec': 'nft-manpage',
  'nmap: Nmap Reference Guide: TCP connect scan (-sT)': 'nmap-port-scanning-techniques',
  'nmap: Nmap Reference Guide: UDP scan (-sU)': 'nmap-port-scanning-techniques',
  'strongSwan: Windows Clients': 'strongswan-windows-clients',
  'strongSwan: swanctl.conf: encap': 'strongswan-swanctl-conf',
  'strongSwan: swanctl.conf: mobike': 'strongswan-swanctl-conf',
};

/** Names for chapters that are not (yet) part of the build, so a citation still reads well. */
const CHAPTER_NAMES: Readonly<Record<ChapterPath, string>> = {
  '/guide/how-vpn-protocols-work/': 'How VPN protocols work',
  '/guide/ipsec/': 'IPsec',
  '/guide/ikev2/': 'IKEv2',
  '/guide/l2tp/': 'L2TP',
  '/guide/security/': 'Security',
  '/guide/performance/': 'Performance',
  '/guide/mobility/': 'Mobility',
  '/guide/nat-firewalls/': 'NAT and firewalls',
  '/guide/platforms/': 'Platforms',
  '/guide/setup/': 'Setup',
  '/guide/troubleshooting/': 'Troubleshooting',
  '/guide/verdict/': 'The verdict',
  '/guide/faq/': 'FAQ',
};

export function citationLink(citation: Citation, context: LinkContext): CitationLink {
  switch (citation.kind) {
    case 'rfc': {
      const resolved = resolveCitation(citation.id);
      return resolved === undefined
        ? { key: citation.id, label: citation.id, href: null }
        : { key: citation.id, label: resolved.label, href: resolved.href, title: resolved.reference.title };
    }
    case 'chapter': {
      const title = context.chapters[citation.path];
      return title === undefined
        ? { key: citation.id, label: `${CHAPTER_NAMES[citation.path]} chapter`, href: null }
        : { key: citation.id, label: title, href: withBase(context.base, citation.path) };
    }
    case 'vendor': {
      const referenceId = VENDOR_REFERENCES[citation.id];
      const resolved = referenceId == null ? undefined : resolveCitation(referenceId);
      return resolved === undefined
        ? { key: citation.id, label: citation.id, href: null }
        : { key: citation.id, label: citation.id, href: resolved.href, title: resolved.reference.title };
    }
  }
}

/**
 * Every citation the models can emit (SOURCES and every chapter), linked: what the islands
 * receive. The models build all RFC and vendor citations from SOURCES (citations.ts).
 */
export function linkTable(context: LinkContext): LinkTable {
  const citations: Citation[] = [...Object.values(SOURCES), ...CHAPTER_PATHS.map(chapter)];
  return Object.fromEntries(citations.map((c) => [c.id, citationLink(c, context)]));
}
