import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAPTER_PATHS, SOURCES, chapter, rfc, vendor, type Citation } from '../../../src/lib/citations/citations';
import { VENDOR_REFERENCES, citationLink, linkTable, resolveCitation, type LinkContext } from '../../../src/lib/citations/links';
import { linksFor } from '../../../src/lib/citations/link-table';
import { withBase } from '../../../src/lib/shared/paths';
import { evaluate } from '../../../src/lib/decision/evaluate';
import type { Answers } from '../../../src/lib/decision/questions';
import { allScenarios, reachability } from '../../../src/lib/reachability/index';
import { answersArb } from '../decision/arbitraries';

const ALL_CHAPTERS: LinkContext = {
  base: '/',
  chapters: Object.fromEntries(CHAPTER_PATHS.map((p) => [p, `Title of ${p}`])),
};
const NO_CHAPTERS: LinkContext = { base: '/vpn-guide/', chapters: {} };

describe('withBase', () => {
  it.each([
    // [base, path, expected]; Astro's BASE_URL is '/' or '/vpn-guide/' (astro.config.mjs)
    ['/', '/tools/decision/', '/tools/decision/'],
    ['/vpn-guide/', '/tools/decision/', '/vpn-guide/tools/decision/'],
    ['/vpn-guide', '/guide/verdict/', '/vpn-guide/guide/verdict/'],
    ['/vpn-guide/', 'guide/verdict/', '/vpn-guide/guide/verdict/'],
  ])('%s + %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('citationLink', () => {
  it.each([
    {
      citation: rfc(7296, '2.23'),
      context: ALL_CHAPTERS,
      link: { label: 'RFC 7296 §2.23', href: 'https://www.rfc-editor.org/rfc/rfc7296#section-2.23' },
      case: 'rfc-editor.org section anchors (references.ts)',
    },
    {
      citation: rfc(9395),
      context: ALL_CHAPTERS,
      link: { label: 'RFC 9395', href: 'https://www.rfc-editor.org/rfc/rfc9395' },
      case: 'RFC without a section links to the document',
    },
    {
      citation: chapter('/guide/verdict/'),
      context: ALL_CHAPTERS,
      link: { label: 'Title of /guide/verdict/', href: '/guide/verdict/' },
      case: 'chapter in the build, root base',
    },
    {
      citation: chapter('/guide/verdict/'),
      context: { base: '/vpn-guide/', chapters: { '/guide/verdict/': 'The verdict' } },
      link: { label: 'The verdict', href: '/vpn-guide/guide/verdict/' },
      case: 'chapter under a base path',
    },
    {
      citation: chapter('/guide/nat-firewalls/'),
      context: NO_CHAPTERS,
      link: { label: 'NAT and firewalls chapter', href: null },
      case: 'chapter not in the build: named, not linked (no broken link)',
    },
    {
      citation: SOURCES.libreswanEnableTcp,
      context: NO_CHAPTERS,
      link: { label: 'libreswan: ipsec.conf(5): enable-tcp', href: 'https://libreswan.org/man/ipsec.conf.5.html' },
      case: 'vendor citation keeps the model wording, links the document',
    },
    {
      citation: SOURCES.msPresharedKey,
      context: NO_CHAPTERS,
      link: { label: 'Microsoft: Including a Preshared Key (Routing and Remote Access)', href: null },
      case: 'vendor document without a verified address',
    },
  ])('$case', ({ citation, context, link }) => {
    expect(citationLink(citation, context)).toMatchObject({ key: citation.id, ...link });
  });

  it('maps every vendor citation of the models, and each mapped id is in the reference list', () => {
    const vendorIds = Object.values(SOURCES)
      .filter((c) => c.kind === 'vendor')
      .map((c) => c.id)
      .sort();
    expect(Object.keys(VENDOR_REFERENCES).sort()).toEqual(vendorIds);
    for (const [id, reference] of Object.entries(VENDOR_REFERENCES)) {
      if (reference === null) continue;
      expect(resolveCitation(reference), `${id} -> ${reference}`).toBeDefined();
    }
  });

  it('an unknown vendor citation is named without a link', () => {
    expect(citationLink(vendor('Apple', 'Some page nobody cites'), NO_CHAPTERS)).toEqual({
      key: 'Apple: Some page nobody cites',
      label: 'Apple: Some page nobody cites',
      href: null,
    });
  });
});

describe('the link table the islands receive', () => {
  it('holds every SOURCES citation and every chapter, each as citationLink makes it', () => {
    const table = linkTable(ALL_CHAPTERS);
    for (const citation of [...Object.values(SOURCES), ...CHAPTER_PATHS.map(chapter)]) {
      expect(table[citation.id]).toEqual(citationLink(citation, ALL_CHAPTERS));
    }
  });

  it('linksFor lists each document once, in the order given, and names unknown ids without a link', () => {
    const table = linkTable(ALL_CHAPTERS);
    const links = linksFor([SOURCES.ikev2NatTraversal, chapter('/guide/ikev2/'), SOURCES.ikev2NatTraversal, rfc(1)], table);
    expect(links.map((l) => [l.key, l.href])).toEqual([
      ['RFC 7296 §2.23', 'https://www.rfc-editor.org/rfc/rfc7296#section-2.23'],
      ['/guide/ikev2/', '/guide/ikev2/'],
      ['RFC 1', null],
    ]);
  });
});

function citationsOfDecision(answers: Answers): Citation[] {
  const result = evaluate(answers);
  return [
    ...result.plan.flatMap((e) => [...e.citations, ...e.reasons.flatMap((r) => r.citations), ...e.caveats.flatMap((c) => c.citations)]),
    ...result.ranking.flatMap((r) => r.citations),
    ...result.caveats.flatMap((c) => c.citations),
  ];
}

const UNLINKED = new Set(Object.entries(VENDOR_REFERENCES).flatMap(([id, ref]) => (ref === null ? [id] : [])));

const TABLE = linkTable(ALL_CHAPTERS);

function expectLinked(citation: Citation) {
  // The islands look links up in the table: a citation missing from it would lose its link.
  const link = TABLE[citation.id];
  expect(link, `${citation.id} is in the link table`).toEqual(citationLink(citation, ALL_CHAPTERS));
  if (link === undefined) return;
  if (citation.kind === 'vendor' && UNLINKED.has(citation.id)) expect(link.href).toBeNull();
  else expect(link.href, citation.id).toMatch(citation.kind === 'chapter' ? /^\/guide\/[a-z0-9-]+\/$/ : /^https:\/\//);
}

describe('every citation the models emit is in the link table and linked (or a named document on the unlinked list)', () => {

  it('decision results (random answers)', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        for (const citation of citationsOfDecision(answers)) expectLinked(citation);
      }),
      { numRuns: 300 },
    );
  });

  it('reachability results (every scenario)', () => {
    for (const scenario of allScenarios()) {
      const result = reachability(scenario);
      const citations = [
        ...result.flows.flatMap((f) => [...f.whyCitations, ...f.checks.flatMap((c) => c.citations), ...f.failures.flatMap((x) => x.citations)]),
        ...result.notes.flatMap((n) => n.citations),
      ];
      for (const citation of citations) expectLinked(citation);
    }
  });
});
