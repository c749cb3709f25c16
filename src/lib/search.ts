// How the search dialog orders and relaxes Pagefind results. Pure functions over Pagefind's
// result data, so the dialog (src/components/site/Search.astro) only fetches and renders.

/** The part of a Pagefind sub-result (one heading's section) that ranking needs. */
export interface SectionHit {
  readonly title: string;
  readonly url: string;
  /** Word positions of the matches in this section (Pagefind's `locations`). */
  readonly locations: readonly number[];
}

/**
 * Words too common to narrow a search. Pagefind requires every word of a query, so one of these
 * missing from a page (“ikev2 vs l2tp speed”) would empty the result list.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from how i in into is it its me my no not of on or ' +
    'our should so than that the their then there these this to vs versus was we what when where which ' +
    'who why will with you your'
  ).split(' '),
);

/** The query's words, lower-cased, in order, without repeats. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}_/-]+/u).filter((w) => w !== ''))];
}

/** The words that narrow a search: stop words left out, unless nothing else is left. */
export function significantWords(query: string): string[] {
  const words = queryWords(query);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}

/**
 * The searches to try, in order, when a query finds nothing: the query without its stop words,
 * then each remaining word on its own. Each entry is one Pagefind query; the original query
 * itself is not included.
 */
export function relaxedQueries(query: string): string[][] {
  const all = queryWords(query);
  const kept = significantWords(query);
  const steps: string[][] = [];
  if (kept.length < all.length) steps.push([kept.join(' ')]);
  if (kept.length > 1) steps.push(kept);
  return steps;
}

/** How many of the words a heading contains (“error 809” in “Windows error 809: …” is 2). */
function titleMatches(title: string, words: readonly string[]): number {
  const lower = title.toLowerCase();
  return words.filter((w) => lower.includes(w)).length;
}

/** True when the page's own title contains one of the query's significant words. */
export function titleMatchesQuery(title: string, query: string): boolean {
  return titleMatches(title, significantWords(query)) > 0;
}

/**
 * A page's sections in order of relevance to the query, best first, at most `limit`: sections
 * whose heading contains more of the query's words first, then those with more matches (as
 * Pagefind's own UI ranks them), then page order. The page-top entry (the page itself, or
 * Starlight's `#_top` title anchor) is left out: the main hit already links there.
 */
export function rankSections<T extends SectionHit>(pageUrl: string, sections: readonly T[], query: string, limit: number): T[] {
  const words = significantWords(query);
  return sections
    .map((section, index) => ({ section, index, inTitle: titleMatches(section.title, words) }))
    .filter(({ section }) => section.url !== pageUrl && !section.url.endsWith('#_top'))
    .sort((a, b) => b.inTitle - a.inTitle || b.section.locations.length - a.section.locations.length || a.index - b.index)
    .slice(0, limit)
    .map(({ section }) => section);
}

/** One result of a relaxed search, merged over the words searched one at a time. */
interface MergedHit<R> {
  readonly result: R;
  /** How many of the searched words this page matched. */
  readonly matched: number;
  readonly score: number;
}

/**
 * Results of several one-word searches as one list: pages matching more of the words first,
 * then by the sum of their Pagefind scores.
 */
export function mergeResults<R extends { id: string; score: number }>(lists: readonly (readonly R[])[]): R[] {
  const merged = new Map<string, MergedHit<R>>();
  for (const list of lists) {
    for (const result of list) {
      const seen = merged.get(result.id);
      merged.set(result.id, {
        result: seen?.result ?? result,
        matched: (seen?.matched ?? 0) + 1,
        score: (seen?.score ?? 0) + result.score,
      });
    }
  }
  return [...merged.values()].sort((a, b) => b.matched - a.matched || b.score - a.score).map((hit) => hit.result);
}
