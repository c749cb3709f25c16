// Every `source` in a unit-test table names something a maintainer can open (design.md, "tests are
// tables with a source per row"). A source starts with its primary citation, optionally followed
// by a note that may name further documents ('RFC 4303 §2.4: 31 + 2 = 33 → 48; RFC 4106 §3.2').
// The citation is one of:
//   RFC 4303 §2.4                         an RFC the guide cites (src/lib/references.ts), with a section
//   hwdsl2-vpnsetup                       any other document in src/lib/references.ts, by id
//   strongswan/strongswan src/libcharon/sa/ikev2/tasks/ike_mobike.c@e1f4a8d
//                                         an implementation file at a commit (owner/repo path@commit)
//   tests/lab/results/ike-sizes.json      a committed lab result that exists
// Every other RFC the note names must be one the guide cites, and every lab path must exist.
// A row that only names its case (a refused input, say) calls the field `case`, not `source`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../../src/lib/citations/links';

const ROOT = join(import.meta.dirname, '../..');
const UNIT = join(ROOT, 'tests/unit');

const RFC = /^RFC \d+ §(?:\d+(?:\.\d+)*|Appendix [A-Z](?:\.\d+)*)(?=$|[\s:,;)])/;
const DOCUMENT = /^([a-z0-9][a-z0-9-]*)(?: §\S+)?(?=$|[\s:,;)])/;
const IMPLEMENTATION = /^[\w.-]+\/[\w.-]+ [\w./+-]+@[0-9a-f]{7,40}(?=$|[\s:,;)])/;
const LAB = /^tests\/lab\/results\/[\w./-]+?(?=$|[\s:,;)])/;
/** The research notes and reviews live outside the repository; a source never points there. */
const OUTSIDE = /\b(?:overhead|facts|lab|peers-and-clients|anchors)\.md\b|shared\/reference|\breview\b/i;

/** Why a citation does not resolve, or undefined when it does. */
function unresolved(citation: string): string | undefined {
  const rfc = RFC.exec(citation);
  if (rfc) return resolveCitation(rfc[0]) ? undefined : `${rfc[0]} is not in src/lib/references.ts`;
  if (/^RFC \d+/.test(citation)) return 'an RFC citation needs a section: RFC 4303 §2.4';
  const lab = LAB.exec(citation);
  if (lab) return existsSync(join(ROOT, lab[0])) ? undefined : `${lab[0]} does not exist`;
  if (IMPLEMENTATION.test(citation)) return undefined;
  const document = DOCUMENT.exec(citation);
  if (document && !/^RFC/i.test(document[0]) && resolveCitation(document[0])) return undefined;
  return 'starts with no RFC section, document id, owner/repo path@commit or tests/lab/results/ path';
}

/** Problems with one source string (empty when it resolves). */
function problems(source: string): string[] {
  if (OUTSIDE.test(source)) return ['points at a note outside the repository'];
  const first = unresolved(source);
  const rfcs = [...source.matchAll(/\bRFC (\d+)/g)]
    .filter(([rfc = '']) => !resolveCitation(rfc))
    .map(([rfc]) => `${rfc} is not in src/lib/references.ts`);
  const labs = [...source.matchAll(/tests\/lab\/results\/[\w./-]*\w/g)]
    .filter(([path = '']) => !existsSync(join(ROOT, path)))
    .map(([path]) => `${path} does not exist`);
  return [...(first ? [first] : []), ...rfcs, ...labs];
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.ts') && path !== import.meta.filename ? [path] : [];
  });
}

const lineOf = (text: string, index: number) =>
  text.slice(text.lastIndexOf('\n', index) + 1, text.indexOf('\n', index));

const LITERAL = /\bsource:\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\])*)`)/g;

/** Every `source:` string literal in the unit tests, with `${NAME}` filled from `const NAME = '…'`. */
function sources(): { where: string; source: string }[] {
  return testFiles(UNIT).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const constants = new Map(
      [...text.matchAll(/^const (\w+) = '([^']*)';$/gm)].map(([, name = '', value = '']) => [name, value]),
    );
    // A `source:` inside expect(…) is a model's output under test, not a table row's citation.
    const rows = [...text.matchAll(LITERAL)].filter((match) => !lineOf(text, match.index).includes('expect('));
    return rows.map((match) => {
      const line = text.slice(0, match.index).split('\n').length;
      const raw = match[1] ?? match[2] ?? match[3] ?? '';
      const source = raw
        .replace(/\$\{(\w+)\}/g, (whole, name: string) => constants.get(name) ?? whole)
        .replace(/\\(.)/g, '$1');
      return { where: `${relative(ROOT, file)}:${line}`, source };
    });
  });
}

describe('test sources', () => {
  it('every source in tests/unit resolves to a document, an RFC section, an implementation file or a lab result', () => {
    const found = sources();
    expect(found.length).toBeGreaterThan(200);
    const bad = found.flatMap(({ where, source }) => problems(source).map((p) => `${where}: ${p}`));
    expect(bad).toEqual([]);
  });

  it.each([
    { source: 'RFC 4303 §2.4: 31 + 2 = 33 → 48', ok: true },
    { source: 'RFC 7296 §2.23; RFC 3948 §2.2', ok: true },
    { source: 'hwdsl2-vpnsetup: mtu 1280', ok: true },
    { source: 'strongswan/strongswan src/charon-nm/nm/nm_service.c@3b902ea5:911', ok: true },
    { source: 'tests/lab/results/ike-sizes.json: psk-modp2048 01-04', ok: true },
    { source: 'RFC 4303', ok: false },
    { source: 'RFC 9999 §1', ok: false },
    { source: 'made-up-document-id', ok: false },
    { source: 'tests/lab/results/made-up.json', ok: false },
    { source: 'strongSwan docs', ok: false },
    { source: 'overhead.md §6.3 row A', ok: false },
    { source: 'RFC 4303 §2.4; facts.md §5.1', ok: false },
    { source: 'RFC 4303 §2.4; RFC 9999 §1', ok: false },
    { source: 'RFC 4303 §2.4; tests/lab/results/made-up.json', ok: false },
  ])('$source resolves: $ok', ({ source, ok }) => {
    expect(problems(source).length === 0).toBe(ok);
  });
});
