// The islands' side of citation links: a table built at build time (links.ts linkTable) is
// passed to the island as a prop, so the browser never loads the reference list.
import type { Reference } from '../references';

/** A citation resolved to something a reader can open: the one resolved-citation type. */
export interface CitationLink {
  /** Stable key: the citation as written ('RFC 7296 §2.23', 'strongswan-windows-clients', '/guide/ikev2/'). */
  readonly key: string;
  /** How it reads in running text: 'RFC 7296 §2.23', or a document's title. */
  readonly label: string;
  /** null when there is nothing to link to. */
  readonly href: string | null;
  /** The full title of the document, for a tooltip. */
  readonly title?: string;
  /** The document in src/lib/references.ts, where one is meant; build time only, never sent to an island. */
  readonly reference?: Reference;
}

/** Links by citation id ('RFC 7296 §2.23', '/guide/verdict/', 'libreswan: ipsec.conf(5): mobike'). */
export type LinkTable = Readonly<Record<string, CitationLink>>;

/** Links for citations, each document once, in the order given; an id missing from the table is named without a link. */
export function linksFor(citations: readonly { readonly id: string }[], table: LinkTable): CitationLink[] {
  const seen = new Set<string>();
  const links: CitationLink[] = [];
  for (const { id } of citations) {
    if (seen.has(id)) continue;
    seen.add(id);
    links.push(table[id] ?? { key: id, label: id, href: null });
  }
  return links;
}
