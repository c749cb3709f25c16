/**
 * Text labels beside the sequence diagram: wrapped to the label column by an estimate of the
 * text width (the model cannot measure fonts), then stacked so none overlaps the one above; a
 * label pushed away from its arrow gets a leader line back to it.
 */

/** Breaks a text into lines of at most `maxChars`, preferring spaces, then '/' and '_'; at most
 *  `maxLines` lines, the last one shortened with an ellipsis if the text does not fit. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines) {
    if (rest.length <= maxChars) {
      lines.push(rest);
      rest = '';
      break;
    }
    const head = rest.slice(0, maxChars + 1);
    let cut = head.lastIndexOf(' ');
    if (cut <= 0) {
      const soft = Math.max(head.lastIndexOf('/', maxChars - 1), head.lastIndexOf('_', maxChars - 1));
      cut = soft > 0 ? soft + 1 : maxChars; // keep the '/' or '_' on the first line
    }
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) {
    const last = lines.pop() ?? '';
    lines.push(`${last.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`);
  }
  return lines;
}

export interface LabelRequest {
  anchorY: number; // the y the label belongs to
  height: number;
}

export interface PlacedLabel {
  top: number;
  /** True when the label sits more than a hair away from its anchor (draw a leader line). */
  displaced: boolean;
}

/**
 * Places labels top-down: each is centred on its anchor unless that would overlap the label
 * above it, in which case it moves down just enough. Order is kept: a later anchor never gets
 * a label above an earlier one's.
 */
export function stackLabels(requests: readonly LabelRequest[], gap: number, minTop: number): PlacedLabel[] {
  let floor = minTop;
  return requests.map((request) => {
    const wanted = request.anchorY - request.height / 2;
    const top = Math.max(wanted, floor);
    floor = top + request.height + gap;
    return { top, displaced: top - wanted > 1 };
  });
}
