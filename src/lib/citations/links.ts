// Turns citations into links, at build time: the text citations of chapters and tests
// ('RFC 7296 §2.23', a reference id; resolveCitation) and the models' Citation objects
// (citationLink, linkTable). Islands get a finished table as a prop and look links up with
// link-table.ts, so the browser never loads the reference list.
//
//   RFC      -> the RFC Editor's copy, at the section when one is given (resolveCitation)
//   chapter  -> the chapter under the site's base path, labelled with its title; a chapter that
//               is not part of the build is named but not linked, so no link can break
//   vendor   -> the document in src/lib/references.ts that the model's citation names
//               (VENDOR_REFERENCES); the label keeps the model's wording, which names the
//               exact option or section ('libreswan: ipsec.conf(5): enable-tcp')
import { references, type Reference } from '../references';
import { CHAPTER_PATHS, SOURCES, chapter, type ChapterPath, type Citation } from './citations';
import { withBase } from '../shared/paths';
import type { CitationLink, LinkTable } from './link-table';

const byId = new Map(references.map((ref) => [ref.id.toLowerCase(), ref]));

const CITATION = /^\s*(RFC\s*\d+|[a-z0-9][a-z0-9-]*)\s*(?:§\s*(.+?))?\s*$/i;

/** Resolves 'RFC 7296 §2.23' or 'strongswan-windows-clients'; undefined when unknown. */
export function resolveCitation(text: string): (CitationLink & { href: string; reference: Reference }) | undefined {
  const match = CITATION.exec(text);
  if (!match) return undefined;
  const [, rawId = '', section] = match;
  const reference = byId.get(rawId.replace(/^rfc\s*/i, 'RFC ').toLowerCase());
  if (!reference) return undefined;
  // RFCs read as 'RFC 7296 §2.23'; other documents by their title.
  const name = reference.kind === 'rfc' ? reference.id : reference.title;
  const label = section ? `${name} §${section}` : name;
  // rfc-editor.org HTML renderings carry an anchor per numbered section.
  const anchor =
    reference.kind === 'rfc' && section && /^\d+(\.\d+)*$/.test(section)
      ? `#section-${section}`
      : reference.kind === 'rfc' && section && /^Appendix [A-Z](\.\d+)*$/.test(section)
        ? `#appendix-${section.slice('Appendix '.length)}`
        : '';
  return { key: text.trim(), label, href: reference.url + anchor, title: reference.title, reference };
}

/** Links for reference ids, by id, for an island's prop (no Reference objects cross to the browser). */
export function documentLinks(ids: Iterable<string>): LinkTable {
  return Object.fromEntries(
    [...new Set(ids)].flatMap((id) => {
      const resolved = resolveCitation(id);
      return resolved ? [[id, { key: id, label: resolved.label, href: resolved.href, title: resolved.title }]] : [];
    }),
  );
}

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
        : { key: citation.id, label: resolved.label, href: resolved.href, title: resolved.title };
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
        : { key: citation.id, label: citation.id, href: resolved.href, title: resolved.title };
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
