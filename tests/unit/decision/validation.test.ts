import { describe, expect, it } from 'vitest';
import { CHAPTER_PATHS, DecisionError, evaluate, isResolvableCitation, type Answers } from '../../../src/lib/decision/index';
import { SOURCES, chapter, rfc, vendor } from '../../../src/lib/citations/citations';

describe('decision model: bad input is refused with the field named', () => {
  it.each([
    { input: null, field: 'answers' },
    { input: [], field: 'answers' },
    { input: { color: 'blue' }, field: 'color' },
    { input: { roaming: 'maybe' }, field: 'roaming' },
    { input: { udpBlocked: 1 }, field: 'udpBlocked' },
    { input: { platforms: 'windows' }, field: 'platforms' },
    { input: { platforms: ['windows', 'amiga'] }, field: 'platforms' },
    { input: { platforms: ['ios', 'ios'] }, field: 'platforms' },
    { input: { security: 'quantum' }, field: 'security' },
  ])('$input -> DecisionError on $field', ({ input, field }) => {
    let error: unknown;
    try {
      evaluate(input as unknown as Answers);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecisionError);
    expect((error as DecisionError).field).toBe(field);
  });

  it('an empty platform list counts as unanswered', () => {
    expect(evaluate({ platforms: [] }).platformsAssumed).toBe(true);
  });
});

describe('citations', () => {
  it('every source constant is well formed and resolvable', () => {
    for (const citation of Object.values(SOURCES)) expect(isResolvableCitation(citation), citation.id).toBe(true);
  });

  it.each([
    { citation: rfc(7296, '2.23'), ok: true },
    { citation: rfc(9329), ok: true },
    { citation: { kind: 'rfc', id: 'RFC 7296 2.23', rfc: 7296 }, ok: false },
    { citation: { kind: 'rfc', id: 'RFC 7296 §2.23', rfc: 7296, section: '2.2' }, ok: false },
    { citation: chapter('/guide/ikev2/'), ok: true },
    { citation: { kind: 'chapter', id: '/guide/nope/', path: '/guide/nope/' }, ok: false },
    { citation: vendor('Apple', 'VPN overview for Apple device deployment'), ok: true },
    { citation: { kind: 'vendor', id: 'Acme: x', publisher: 'Acme', title: 'x' }, ok: false },
  ])('$citation.id resolves: $ok', ({ citation, ok }) => {
    expect(isResolvableCitation(citation as Parameters<typeof isResolvableCitation>[0])).toBe(ok);
  });

  it('chapter paths are root-relative without a base path', () => {
    for (const path of CHAPTER_PATHS) expect(path).toMatch(/^\/guide\/[a-z0-9-]+\/$/);
  });
});
