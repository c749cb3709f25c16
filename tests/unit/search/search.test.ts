// The search dialog's ordering and fallback rules (src/lib/search.ts). Sections are ranked as
// Pagefind's own UI ranks them (node_modules/@pagefind/default-ui/svelte/result_with_subs.svelte,
// pagefind 1.6.0: sort by `locations.length`), with headings that name the query first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeResults, queryWords, rankSections, relaxedQueries, significantWords, titleMatchesQuery } from '../../../src/lib/search';

const section = (title: string, url: string, matches: number) => ({ title, url, locations: Array.from({ length: matches }, (_, i) => i) });

// Sub-results as Pagefind returned them for “error 809” on the troubleshooting chapter (page order).
const TROUBLESHOOTING = [
  section('Troubleshooting', '/guide/troubleshooting/#_top', 1),
  section('Which symptom do you have?', '/guide/troubleshooting/#which-symptom-do-you-have', 6),
  section('Where to look: logs and packet captures', '/guide/troubleshooting/#where-to-look', 2),
  section('The log says NO_PROPOSAL_CHOSEN', '/guide/troubleshooting/#the-log-says-no_proposal_chosen', 5),
  section('Windows error 809: the remote server is not responding', '/guide/troubleshooting/#windows-error-809', 6),
  section('Windows error 789: the security layer encountered a processing error', '/guide/troubleshooting/#windows-error-789', 6),
];

describe('rankSections', () => {
  it.each([
    // [query, expected urls in order]
    ['error 809', ['#windows-error-809', '#windows-error-789', '#which-symptom-do-you-have']],
    ['no proposal chosen', ['#the-log-says-no_proposal_chosen', '#which-symptom-do-you-have', '#windows-error-809']],
    ['packet', ['#where-to-look', '#which-symptom-do-you-have', '#windows-error-809']],
  ])('“%s” puts the section that names it first', (query, expected) => {
    const ranked = rankSections('/guide/troubleshooting/', TROUBLESHOOTING, query, 3);
    expect(ranked.map((s) => s.url.replace('/guide/troubleshooting/', ''))).toEqual(expected);
  });

  it('never offers the page itself or its #_top anchor as a section', () => {
    const sections = [section('FAQ', '/guide/faq/', 9), section('FAQ', '/guide/faq/#_top', 9), section('Q', '/guide/faq/#q', 1)];
    expect(rankSections('/guide/faq/', sections, 'faq', 3).map((s) => s.url)).toEqual(['/guide/faq/#q']);
  });

  it('keeps page order among equally relevant sections and never returns more than asked', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 12 }), fc.nat(6), (counts, limit) => {
        const sections = counts.map((n, i) => section(`Part ${i}`, `/p/#s${i}`, n));
        const ranked = rankSections('/p/', sections, 'zzz', limit);
        expect(ranked.length).toBe(Math.min(limit, sections.length));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.locations.length > b.locations.length || (a.locations.length === b.locations.length && sections.indexOf(a) < sections.indexOf(b))).toBe(true);
        }
      }),
    );
  });
});

describe('query words', () => {
  it.each([
    ['ikev2 vs l2tp speed', ['ikev2', 'vs', 'l2tp', 'speed'], ['ikev2', 'l2tp', 'speed']],
    ['Why do websites stall?', ['why', 'do', 'websites', 'stall'], ['websites', 'stall']],
    ['L2TP/IPsec aes-gcm', ['l2tp/ipsec', 'aes-gcm'], ['l2tp/ipsec', 'aes-gcm']],
    // Only stop words: keep them rather than search for nothing.
    ['how to', ['how', 'to'], ['how', 'to']],
  ])('“%s”', (query, words, significant) => {
    expect(queryWords(query)).toEqual(words);
    expect(significantWords(query)).toEqual(significant);
  });

  it.each([
    ['ikev2 vs l2tp speed', [['ikev2 l2tp speed'], ['ikev2', 'l2tp', 'speed']]],
    ['websites stall', [['websites', 'stall']]],
    ['the mtu', [['mtu']]],
    ['pppoe', []],
  ])('relaxing “%s”', (query, expected) => {
    expect(relaxedQueries(query)).toEqual(expected);
  });

  it.each([
    ['MTU and overhead calculator', 'mtu pppoe', true],
    ['Troubleshooting', 'error 809', false],
    ['FAQ', 'what does faq mean', true],
  ])('title “%s” answers “%s”: %s', (title, query, expected) => {
    expect(titleMatchesQuery(title, query)).toBe(expected);
  });
});

describe('mergeResults', () => {
  it('ranks pages matching more of the words first, then by total score', () => {
    const ikev2 = [{ id: 'faq', score: 2 }, { id: 'glossary', score: 5 }, { id: 'perf', score: 1 }];
    const speed = [{ id: 'perf', score: 3 }, { id: 'faq', score: 0.5 }];
    expect(mergeResults([ikev2, speed]).map((r) => r.id)).toEqual(['perf', 'faq', 'glossary']);
  });
});
