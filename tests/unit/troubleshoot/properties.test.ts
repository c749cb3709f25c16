// Whatever is pasted, the explainer returns a result; a successful connection stays a success.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { diagnoseLog, redactLog } from '../../../src/lib/troubleshoot';
import { fixture } from './fixtures';

const OUTCOMES = ['established', 'child-failed', 'failed', 'inconclusive', 'no-log'];

function wellFormed(text: string) {
  const d = diagnoseLog(text);
  expect(OUTCOMES).toContain(d.outcome);
  expect(d.verdict.length).toBeGreaterThan(0);
  for (const c of d.causes) for (const n of c.evidence) expect(n >= 1 && n <= d.lineCount).toBe(true);
  return d;
}

describe('any input gives a result without an exception', () => {
  test('any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (s) => void wellFormed(s)), { numRuns: 300 });
  });
  test('random bytes decoded as UTF-8', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => void wellFormed(new TextDecoder().decode(bytes))), { numRuns: 300 });
  });
  test('lines of a real log shuffled, cut and repeated', () => {
    const lines = fixture('frag-drop/initiator').text.split('\n');
    fc.assert(fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 200 }), (picked) => void wellFormed(picked.join('\n'))), { numRuns: 200 });
  });
  test('a 10 MB line', () => {
    const d = wellFormed('A'.repeat(10_000_000));
    expect(d.outcome).toBe('no-log');
    expect(d.causes).toEqual([]);
  });
  test('redaction of any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (s) => void expect(typeof redactLog(s).text).toBe('string')), { numRuns: 300 });
  });
});

describe('a successful connection is diagnosed as such, with no cause', () => {
  const success = fixture('success/initiator').text.split('\n');
  test('with unrelated lines mixed in anywhere', () => {
    // noise that is not an IKE daemon's line: letters, digits, spaces and punctuation, no newline
    const noise = fc.string({ maxLength: 120 }).map((s) => s.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(success.length), noise), { maxLength: 40 }), (inserts) => {
        const lines = [...success];
        for (const [at, text] of inserts) lines.splice(at, 0, text);
        const d = wellFormed(lines.join('\n'));
        expect(d.outcome).toBe('established');
        expect(d.causes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
