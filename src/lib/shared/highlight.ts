// Light highlighting for snippets without shipping a syntax highlighter: a line whose first
// non-blank characters are '#' or '//' is a comment (nftables, iptables-restore, PowerShell and
// RouterOS scripts all comment with '#'); everything else stays plain. And inline `code` in notes.

export interface CodeLine {
  readonly text: string;
  readonly comment: boolean;
}

const COMMENT = /^\s*(#|\/\/)/;

/** Splits a snippet into lines, marking comment lines. A final newline adds no empty line. */
export function commentLines(code: string): CodeLine[] {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((text) => ({ text, comment: COMMENT.test(text) }));
}

export interface TextPart {
  readonly text: string;
  readonly code: boolean;
}

/** Splits prose at `backticks` into plain and code parts; an unpaired backtick stays plain text. */
export function inlineCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}
