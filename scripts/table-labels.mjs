// A table of four or more columns with sentences in its cells is too wide for a phone as a table:
// this Sätteri hast plugin marks it (data-stack="cards") and labels each body cell with its column's
// heading (data-label), so that src/styles/site.css can show each row as a card of labelled lines
// below 50rem. Tables of short values (sizes, names) fit a phone and stay tables. Wider screens and
// the table's semantics are unchanged.

const MIN_COLUMNS = 4;
/** Characters in a cell that make it prose rather than a value. */
const SENTENCE = 25;

/**
 * @typedef {{ type: string, tagName?: string, children?: HastNode[] }} HastNode
 * @typedef {{ setProperty(node: HastNode, key: string, value: unknown): void, textContent(node: HastNode): string }} Context
 */

/** @param {HastNode} node @param {string[]} names @returns {HastNode[]} */
const childElements = (node, ...names) =>
  (node.children ?? []).filter((child) => child.type === 'element' && names.includes(child.tagName ?? ''));

export function tableLabelsPlugin() {
  return {
    name: 'table-labels',
    element: {
      filter: ['table'],
      /** @param {HastNode} table @param {Context} ctx */
      visit(table, ctx) {
        const rowsOf = (/** @type {string} */ section) => childElements(table, section).flatMap((s) => childElements(s, 'tr'));
        const cellsOf = (/** @type {HastNode} */ row) => childElements(row, 'th', 'td');
        const text = (/** @type {HastNode} */ cell) => ctx.textContent(cell).trim();
        const headings = rowsOf('thead').slice(0, 1).flatMap(cellsOf).map(text);
        const rows = rowsOf('tbody');
        if (headings.length < MIN_COLUMNS || !rows.flatMap(cellsOf).some((cell) => text(cell).length >= SENTENCE)) return;
        ctx.setProperty(table, 'dataStack', 'cards');
        for (const row of rows) {
          cellsOf(row).forEach((cell, i) => {
            if (headings[i]) ctx.setProperty(cell, 'dataLabel', headings[i]);
          });
        }
      },
    },
  };
}
