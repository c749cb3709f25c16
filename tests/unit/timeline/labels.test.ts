// Label wrapping by character count and top-down stacking without overlap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackLabels, wrapText } from '../../../src/lib/timeline';

describe('wrapText', () => {
  it.each([
    { text: 'Main Mode 1', max: 30, lines: ['Main Mode 1'] },
    { text: 'ICCN + LCP Configure-Request', max: 30, lines: ['ICCN + LCP Configure-Request'] },
    { text: 'IKE_AUTH: EAP-Response/TLS client flight 1/2', max: 30, lines: ['IKE_AUTH: EAP-Response/TLS', 'client flight 1/2'] },
    { text: 'INFORMATIONAL: UPDATE_SA_ADDRESSES', max: 16, lines: ['INFORMATIONAL:', 'UPDATE_SA_', 'ADDRESSES'] },
    { text: 'one two three four five six', max: 9, maxLines: 2, lines: ['one two', 'three…'] },
  ])('$text at $max characters', ({ text, max, maxLines = 3, lines }) => {
    expect(wrapText(text, max, maxLines)).toEqual(lines);
  });

  it('keeps every line within the width and the line count, and loses nothing it does not mark', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 5 }), (text, max, maxLines) => {
        const lines = wrapText(text, max, maxLines);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(max);
        const last = lines[lines.length - 1] ?? '';
        if (!last.endsWith('…')) expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('stackLabels', () => {
  it('centres a label on its anchor when there is room, else moves it down', () => {
    expect(stackLabels([{ anchorY: 100, height: 13 }, { anchorY: 105, height: 26 }], 3, 0)).toEqual([
      { top: 93.5, displaced: false },
      { top: 109.5, displaced: true },
    ]);
  });

  it('never overlaps and keeps the order of the anchors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ anchorY: fc.double({ min: 0, max: 2000, noNaN: true }), height: fc.integer({ min: 1, max: 60 }) }), { maxLength: 40 }),
        (requests) => {
          const sorted = [...requests].sort((a, b) => a.anchorY - b.anchorY);
          const placed = stackLabels(sorted, 3, 10);
          placed.forEach((label, i) => {
            const request = sorted[i]!;
            expect(label.top).toBeGreaterThanOrEqual(Math.min(10, request.anchorY) - 1e-9 - request.height);
            expect(label.top).toBeGreaterThanOrEqual(request.anchorY - request.height / 2 - 1e-9);
            const next = placed[i + 1];
            if (next) expect(next.top).toBeGreaterThanOrEqual(label.top + request.height + 3 - 1e-9);
          });
        },
      ),
    );
  });
});
