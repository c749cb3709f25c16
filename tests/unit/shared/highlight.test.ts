import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentLines, inlineCode } from '../../../src/lib/shared/highlight';
import { FIREWALLS, allScenarios, generateRules } from '../../../src/lib/reachability/index';

describe('commentLines', () => {
  it.each([
    // [snippet, lines as [text, comment]]; '#' comments: nft(8), iptables-restore(8), PowerShell, RouterOS scripts
    ['# a\nadd rule\n', [['# a', true], ['add rule', false]]],
    ['  # indented\n\t// slashes', [['  # indented', true], ['\t// slashes', true]]],
    ['iptables -A INPUT # trailing', [['iptables -A INPUT # trailing', false]]],
    ['a\r\nb\rc', [['a', false], ['b', false], ['c', false]]],
    ['', [['', false]]],
    ['\n', [['', false]]],
    ['a\n\nb\n', [['a', false], ['', false], ['b', false]]],
  ])('%j', (code, lines) => {
    expect(commentLines(code)).toEqual(lines.map(([text, comment]) => ({ text, comment })));
  });

  it('keeps the text: joining the lines gives the snippet back (without a final newline)', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const normalised = code.replace(/\r\n?/g, '\n');
        const expected = normalised.endsWith('\n') && normalised.length > 1 ? normalised.slice(0, -1) : normalised === '\n' ? '' : normalised;
        expect(commentLines(code).map((l) => l.text).join('\n')).toBe(expected);
      }),
    );
  });

  it('every generated rule file starts with comment lines describing the scenario', () => {
    for (const scenario of allScenarios().filter((s) => s.firewall === 'nftables')) {
      for (const firewall of FIREWALLS) {
        for (const file of generateRules(scenario, firewall).files) {
          const lines = commentLines(file.content);
          expect(lines[0]?.comment, `${firewall} ${file.name}`).toBe(true);
          expect(lines.some((l) => !l.comment && l.text.trim() !== ''), `${firewall} ${file.name} has rules`).toBe(true);
        }
      }
    }
  });
});

describe('inlineCode', () => {
  it.each([
    ['plain', [['plain', false]]],
    ['List with `nft list ruleset`.', [['List with ', false], ['nft list ruleset', true], ['.', false]]],
    ['`a` and `b`', [['a', true], [' and ', false], ['b', true]]],
    ['an unpaired ` stays', [['an unpaired ` stays', false]]],
    ['', []],
  ])('%j', (text, parts) => {
    expect(inlineCode(text)).toEqual(parts.map(([t, code]) => ({ text: t, code })));
  });

  it('loses no text except the paired backticks', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parts = inlineCode(text);
        const rebuilt = parts.map((p) => (p.code ? `\`${p.text}\`` : p.text)).join('');
        expect(rebuilt).toBe(text);
      }),
    );
  });
});
