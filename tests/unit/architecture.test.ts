/**
 * The house rules of design.md, checked on the source (in the manner of Starlight's
 * __tests__/basics/no-internal-barrel-imports.test.ts), so they hold by test, not by discipline:
 *   - src/lib is pure TypeScript: no Svelte, no Astro, no component, no DOM global;
 *   - a domain folder of src/lib imports another only along the edges listed below; everything
 *     else it shares goes through the shared modules (errors, url-state, references, citations, shared).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = resolve(import.meta.dirname, '../../src/lib');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Source without comments and string contents, so a URL or a sentence cannot trip the DOM check. */
const code = (source: string) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");

const importsOf = (source: string) => [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

/** The top-level unit a file belongs to: its domain folder, or the file's own name for a top-level module. */
const unitOf = (file: string) => relative(LIB, file).split(/[\\/]/)[0]!.replace(/\.ts$/, '');

/** Modules any domain may use. */
const SHARED = new Set(['errors', 'url-state', 'references', 'citations', 'shared']);
/** A domain built on another's model (design.md: one ESP byte model and one table of algorithms, in
 *  overhead; the configuration builder composes the proposal matcher, reachability and overhead models). */
const ALLOWED_EDGES = new Set([
  'mtu-calculator -> overhead',
  'content -> overhead',
  'timeline -> handshake',
  'handshake -> overhead',
  'proposals -> overhead',
  'troubleshoot -> overhead',
  'config -> overhead',
  'config -> proposals',
  'config -> reachability',
]);

const files = filesUnder(LIB);

describe('src/lib is pure TypeScript', () => {
  it('finds the library', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((file) => [relative(LIB, file), file]))('%s imports no Svelte, Astro or component and uses no DOM global', (_, file) => {
    const source = readFileSync(file, 'utf8');
    for (const specifier of importsOf(source)) {
      expect(specifier, 'a framework import').not.toMatch(/^(svelte|astro)(\/|:|$)|^@astrojs\//);
      expect(specifier, 'a relative import').toMatch(/^\.\.?\//);
      expect(resolve(dirname(file), specifier), 'an import from outside src/lib').toMatch(new RegExp(`^${LIB.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(code(source), 'a DOM global').not.toMatch(/\b(window|document|navigator|localStorage|sessionStorage|history)\s*[.[]/);
    expect(code(source), 'import.meta').not.toMatch(/\bimport\.meta\b/);
  });
});

describe('domains meet only through shared modules', () => {
  const edges = new Set<string>();
  for (const file of files) {
    const from = unitOf(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const to = unitOf(resolve(dirname(file), specifier));
      if (to !== from && !SHARED.has(to)) edges.add(`${from} -> ${to}`);
    }
  }

  it('has no import between domains except the listed ones', () => {
    expect([...edges].filter((edge) => !ALLOWED_EDGES.has(edge)).sort()).toEqual([]);
  });

  it('the checker sees a forbidden edge (it can fail)', () => {
    const probe = `import { chapter } from '../decision/citations';\nexport const x = window.location;`;
    expect(importsOf(probe)).toEqual(['../decision/citations']);
    expect(code(probe)).toMatch(/\bwindow\s*\./);
    expect(code(`const u = 'https://example.org/windowsClients.html'; // document.title`)).not.toMatch(/\b(window|document)\s*\./);
  });

  it('shared modules import no domain', () => {
    const sharedEdges = [...edges].filter((edge) => SHARED.has(edge.split(' -> ')[0]!));
    expect(sharedEdges).toEqual([]);
  });
});
