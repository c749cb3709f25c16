// Page paths of a built site, read from its sitemap (shared by the e2e tests and Lighthouse).
import { readFileSync } from 'node:fs';

/**
 * Page paths listed in the built sitemap, relative to the site root (e.g. 'guide/ikev2/').
 * @param {{ dir: string, base: string }} build
 * @returns {string[]}
 */
export function sitemapPaths({ dir, base }) {
  const index = readFileSync(`${dir}/sitemap-index.xml`, 'utf8');
  const locs = (xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const pages = locs(index).flatMap((loc) => locs(readFileSync(`${dir}/${new URL(loc).pathname.slice(base.length)}`, 'utf8')));
  return pages.map((loc) => new URL(loc).pathname.slice(base.length));
}
