// The build marks chapter tables of four or more columns for the phone card layout and labels each
// body cell with its column's heading (scripts/table-labels.mjs, run by Sätteri on every chapter).
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { tableLabelsPlugin } from '../../../scripts/table-labels.mjs';

const html = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [tableLabelsPlugin()] }).html;

describe('table labels', () => {
  it('labels each body cell of a four-column table with its heading', () => {
    const out = html('| Job | Why | IKEv2/IPsec | L2TP/IPsec |\n|---|---|---|---|\n| Rekeying | keys age before they protect too much | `CREATE_CHILD_SA` | Quick Mode |\n');
    expect(out).toContain('<table data-stack="cards">');
    expect(out).toContain('<td data-label="Job">Rekeying</td>');
    expect(out).toContain('<td data-label="IKEv2/IPsec"><code>CREATE_CHILD_SA</code></td>');
    expect(out).toContain('<td data-label="L2TP/IPsec">Quick Mode</td>');
    expect(out).toContain('<th>Why</th>');
  });

  it('leaves tables of three columns or fewer, and tables of short values, as they are', () => {
    for (const markdown of [
      '| A | B | C |\n|---|---|---|\n| a sentence long enough for a card | 2 | 3 |\n',
      '| ESP cipher | NAT-T | IKEv2 | L2TP/IPsec |\n|---|---|---|---|\n| AES-CBC + SHA-256 | yes | 76 | 92 |\n',
    ]) {
      const out = html(markdown);
      expect(out).not.toContain('data-stack');
      expect(out).not.toContain('data-label');
    }
  });

  it('takes a heading’s text without its markup, and leaves a cell unlabelled under an empty heading', () => {
    const out = html('| **Group** | What | | Use it? |\n|---|---|---|---|\n| 14 | MODP-2048, the 2048-bit group | SHOULD | yes |\n');
    expect(out).toContain('<td data-label="Group">14</td>');
    expect(out).toContain('<td>SHOULD</td>');
  });
});
