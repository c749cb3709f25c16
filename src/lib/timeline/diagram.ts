/**
 * The sequence diagram as data: one panel per protocol, each an SVG of the same width on the
 * same time axis (time runs down from the same origin at the same scale; the client's lifeline
 * on the left, the gateway's on the right, each message an arrow from its send time to its
 * arrival time at zero loss). A panel ends at the first tick after its protocol is done, so the
 * shorter handshake also draws as the shorter panel. Components only draw what this returns.
 *
 * Units are SVG user units of a `0 0 DIAGRAM_WIDTH panel.height` viewBox; the label column is
 * sized for roughly 11 px text when a panel is about 340 px wide (a 360 px phone).
 */
import type { HandshakeComparison, Layer, MessageRecord, ScenarioResult } from '../handshake';
import { buildTimeAxis, yAt } from './axis';
import type { Interval, TimeAxis } from './axis';
import { formatBytes, formatDuration } from './format';
import { stackLabels, wrapText } from './labels';

export const DIAGRAM_WIDTH = 340;
const AXIS_X = 46; // the axis line; tick labels end just left of it
const CLIENT_X = 66;
const GATEWAY_X = 132;
const LABEL_X = 140;
const LABEL_CHARS = 30; // (DIAGRAM_WIDTH - LABEL_X) / ~6.6 units per character at font size 11
const LABEL_MAX_LINES = { message: 3, detection: 4, break: 2, done: 2 } as const;
export const LINE_HEIGHT = 13;
const LABEL_GAP = 3;
const TOP = 34; // room for the lane titles
const BOTTOM_MARGIN = 14;
const HEAD_LENGTH = 7;
const HEAD_HALF_WIDTH = 3.5;

const AXIS_OPTIONS = {
  top: TOP,
  breakHeight: 52,
  labelGap: LABEL_GAP,
  minPlotHeight: 200,
  maxPlotHeight: 1000,
  tickSpacing: 56,
};

export type LayerKey = 'ikev2' | 'ikev1' | 'l2tp' | 'ppp';
const LAYER_KEYS: Record<Layer, LayerKey> = { IKEv2: 'ikev2', IKEv1: 'ikev1', L2TP: 'l2tp', PPP: 'ppp' };

export interface DiagramArrow {
  key: string;
  layer: LayerKey;
  critical: boolean; // something waits for it (off the critical path: drawn lighter)
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  head: string; // polygon points of the arrowhead
  title: string; // every message the arrow stands for, with time and size
}

export interface DiagramLabel {
  key: string;
  kind: 'message' | 'detection' | 'break' | 'done';
  lines: string[];
  x: number;
  top: number; // top of the first line
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  critical: boolean;
}

export interface DiagramBand {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

export interface DiagramPanel {
  protocol: 'ikev2' | 'l2tp';
  heading: string;
  ariaLabel: string;
  arrows: DiagramArrow[];
  labels: DiagramLabel[];
  detection: DiagramBand | null;
  doneY: number;
  height: number; // of this panel's viewBox
  lines: { y0: number; y1: number }[]; // stretches of axis and lifelines (linear pieces, cut to the panel)
  ticks: TimeAxis['ticks'];
  breaks: BreakMark[];
}

export interface BreakMark {
  y0: number;
  y1: number;
  text: string; // shown as a label of kind 'break' in the panels that reach past the cut
  edges: [string, string]; // SVG paths of the zigzag lines that close the cut above and below
  gap: { y: number; height: number; width: number }; // what lies between the zigzags, painted over
}

export interface TimelineDiagram {
  width: number;
  axis: TimeAxis;
  axisX: number;
  lanes: { client: number; gateway: number; labels: number };
  breaks: BreakMark[];
  panels: [DiagramPanel, DiagramPanel];
}

/** Messages sent at the same moment in the same direction that arrive together: one arrow. */
interface ArrowGroup {
  messages: MessageRecord[];
  sendMs: number;
  arriveMs: number;
  toGateway: boolean;
}

function groupArrows(messages: readonly MessageRecord[]): ArrowGroup[] {
  const groups: ArrowGroup[] = [];
  for (const message of messages) {
    const toGateway = message.direction === 'initiator-to-responder';
    const same = groups.find((g) => g.sendMs === message.sendMs && g.arriveMs === message.arriveMs && g.toGateway === toGateway);
    if (same) same.messages.push(message);
    else groups.push({ messages: [message], sendMs: message.sendMs, arriveMs: message.arriveMs, toGateway });
  }
  return groups;
}

/** 'IKE_AUTH request: EAP-Success' -> 'IKE_AUTH: EAP-Success': the arrow already shows the direction. */
export function shortName(name: string): string {
  return name.replace(/ (request|response): /, ': ');
}

function anchorMs(group: ArrowGroup): number {
  return (group.sendMs + group.arriveMs) / 2;
}

function arrowHead(x1: number, y1: number, x2: number, y2: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const bx = x2 - ux * HEAD_LENGTH;
  const by = y2 - uy * HEAD_LENGTH;
  const points = [
    [x2, y2],
    [bx - uy * HEAD_HALF_WIDTH, by + ux * HEAD_HALF_WIDTH],
    [bx + uy * HEAD_HALF_WIDTH, by - ux * HEAD_HALF_WIDTH],
  ];
  return points.map(([x, y]) => `${round(x ?? 0)},${round(y ?? 0)}`).join(' ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const DETECTION_NAMES: Record<string, string> = {
  'address-event': 'The client notices its new address',
  dpd: 'Dead-peer detection (liveness checks unanswered)',
  'lcp-echo': 'PPP LCP echo timeout',
};

function detectionText(scenario: ScenarioResult): string {
  const { detection } = scenario;
  const span =
    detection.minMs === detection.maxMs
      ? formatDuration(detection.meanMs)
      : `${formatDuration(detection.minMs)} to ${formatDuration(detection.maxMs)} (drawn at the mean, ${formatDuration(detection.meanMs)})`;
  return `${DETECTION_NAMES[detection.kind] ?? detection.kind}: ${span}`;
}

function doneText(scenario: ScenarioResult): string {
  const what = scenario.event === 'connect' ? 'Tunnel up' : 'Traffic flows again';
  return `${what}: ${formatDuration(scenario.totals.zeroLossMs)}`;
}

interface PendingLabel {
  key: string;
  kind: DiagramLabel['kind'];
  lines: string[];
  critical: boolean;
}

function labelText(group: ArrowGroup): string {
  const waited = group.messages.some((m) => m.round !== null);
  return group.messages.map((m) => shortName(m.name)).join(' + ') + (waited ? '' : ' (nothing waits for it)');
}

function pendingLabel(key: string, kind: DiagramLabel['kind'], text: string, critical: boolean): PendingLabel {
  return { key, kind, lines: wrapText(text, LABEL_CHARS, LABEL_MAX_LINES[kind]), critical };
}

function panelFor(scenario: ScenarioResult, groups: readonly ArrowGroup[], axis: TimeAxis, breaks: readonly BreakMark[]): DiagramPanel {
  const y = (ms: number) => round(yAt(axis.pieces, ms));
  const arrows: DiagramArrow[] = groups.map((group) => {
    const first = group.messages[0] as MessageRecord;
    const [x1, x2] = group.toGateway ? [CLIENT_X, GATEWAY_X] : [GATEWAY_X, CLIENT_X];
    const y1 = y(group.sendMs);
    const y2 = y(group.arriveMs);
    return {
      key: groupKey(group),
      layer: LAYER_KEYS[first.layer],
      critical: group.messages.some((m) => m.round !== null),
      x1,
      y1,
      x2,
      y2,
      head: arrowHead(x1, y1, x2, y2),
      title: group.messages.map((m) => `${m.name}: sent at ${formatDuration(m.sendMs)}, ${formatBytes(m.ipBytes)}`).join('; '),
    };
  });

  const pending: (PendingLabel & { anchorY: number })[] = groups.map((group) => ({
    ...pendingLabel(groupKey(group), 'message', labelText(group), group.messages.some((m) => m.round !== null)),
    anchorY: y(anchorMs(group)),
  }));
  let detection: DiagramBand | null = null;
  if (scenario.detection.kind !== 'none') {
    detection = { x0: CLIENT_X, x1: GATEWAY_X, y0: y(0), y1: y(scenario.detection.meanMs) };
    pending.push({ ...pendingLabel('detection', 'detection', detectionText(scenario), true), anchorY: (detection.y0 + detection.y1) / 2 });
  }
  const doneY = y(scenario.totals.zeroLossMs);
  pending.push({ ...pendingLabel('done', 'done', doneText(scenario), true), anchorY: doneY });
  // The axis runs on to the first tick at or after the last thing drawn; cuts above that end
  // are labelled in the label column, where they cannot cover another label.
  const drawnEnd = Math.max(doneY, ...arrows.map((a) => Math.max(a.y1, a.y2)));
  const axisEnd = axis.ticks.find((tick) => tick.y >= drawnEnd - 0.01)?.y ?? axis.bottom;
  const panelBreaks = breaks.filter((cut) => cut.y1 <= axisEnd);
  panelBreaks.forEach((cut, i) => pending.push({ ...pendingLabel(`break-${i}`, 'break', cut.text, true), anchorY: (cut.y0 + cut.y1) / 2 }));
  // By anchor; among equals the detection label first (it begins at time 0) and the done label last.
  const order = { detection: 0, break: 1, message: 2, done: 3 } as const;
  pending.sort((a, b) => a.anchorY - b.anchorY || order[a.kind] - order[b.kind]);

  const placed = stackLabels(
    pending.map((label) => ({ anchorY: label.anchorY, height: label.lines.length * LINE_HEIGHT })),
    LABEL_GAP,
    TOP - LINE_HEIGHT / 2,
  );
  const labels: DiagramLabel[] = pending.map((label, i) => {
    const place = placed[i] ?? { top: label.anchorY, displaced: false };
    return {
      key: label.key,
      kind: label.kind,
      lines: label.lines,
      x: LABEL_X,
      top: round(place.top),
      critical: label.critical,
      leader: place.displaced
        ? { x1: GATEWAY_X + 2, y1: round(label.anchorY), x2: LABEL_X - 3, y2: round(place.top + LINE_HEIGHT / 2) }
        : null,
    };
  });

  const lowestLabel = Math.max(...labels.map((l) => l.top + l.lines.length * LINE_HEIGHT));
  const lines = axis.pieces
    .filter((piece) => piece.kind === 'linear' && piece.y0 <= axisEnd)
    .map((piece) => ({ y0: piece.y0, y1: Math.min(piece.y1, axisEnd) }));

  const heading = scenario.title;
  return {
    protocol: scenario.protocol,
    heading,
    ariaLabel: ariaLabelFor(scenario, heading),
    arrows,
    labels,
    detection,
    doneY,
    height: Math.ceil(Math.max(axisEnd, lowestLabel) + BOTTOM_MARGIN),
    lines,
    ticks: axis.ticks.filter((tick) => tick.y <= axisEnd + 0.01),
    breaks: panelBreaks,
  };
}

function groupKey(group: ArrowGroup): string {
  return group.messages.map((m) => m.id).join('+');
}

function ariaLabelFor(scenario: ScenarioResult, heading: string): string {
  const { totals } = scenario;
  const start = scenario.detection.kind === 'none' ? '' : `${detectionText(scenario)}. Then `;
  return (
    `Sequence diagram of ${heading}, without loss. ${start}${totals.messages} messages between client and gateway in ` +
    `${totals.roundTrips} round trips. ${doneText(scenario)}. The table of messages lists each one.`
  );
}

function breakText(startMs: number, endMs: number): string {
  return `${formatDuration(endMs - startMs)} cut from the axis`;
}

const BREAK_INSET = 12; // the zigzags sit inside the cut, clear of the ticks at its ends
const ZIGZAG_STEP = 8;
const ZIGZAG_DEPTH = 3;

/** Cuts span the axis and the lifelines; the label column stays free for the labels. */
const BREAK_WIDTH = LABEL_X - 4;

/** A zigzag line across the axis and lifelines at height y: the usual mark of a cut axis. */
function zigzag(y: number): string {
  const points: string[] = [];
  for (let x = 0, k = 0; x <= BREAK_WIDTH; x += ZIGZAG_STEP, k += 1) {
    points.push(`${x},${round(y + (k % 2 === 0 ? -ZIGZAG_DEPTH : ZIGZAG_DEPTH))}`);
  }
  return `M${points.join(' L')}`;
}

/** Both panels on one axis: what the timeline island draws for a comparison. */
export function timelineDiagram(comparison: HandshakeComparison): TimelineDiagram {
  const scenarios = [comparison.ikev2, comparison.l2tp] as const;
  const groups = scenarios.map((s) => groupArrows(s.messages));
  const intervals: Interval[] = scenarios.flatMap((s) => s.messages.map((m) => ({ startMs: m.sendMs, endMs: m.arriveMs })));
  // The scale makes room for the message labels; the detection and done labels may be pushed
  // down (their lines and bands show where they belong).
  const spans = groups.map((list) =>
    list.map((group) => ({ ms: anchorMs(group), height: pendingLabel('', 'message', labelText(group), true).lines.length * LINE_HEIGHT })),
  );
  const axis = buildTimeAxis(intervals, spans, AXIS_OPTIONS);
  const breaks: BreakMark[] = axis.pieces
    .filter((p) => p.kind === 'break')
    .map((p) => ({
      y0: p.y0,
      y1: p.y1,
      text: breakText(p.startMs, p.endMs),
      edges: [zigzag(p.y0 + BREAK_INSET), zigzag(p.y1 - BREAK_INSET)],
      gap: { y: p.y0 + BREAK_INSET - ZIGZAG_DEPTH, height: p.y1 - p.y0 - 2 * (BREAK_INSET - ZIGZAG_DEPTH), width: BREAK_WIDTH },
    }));
  const panels: [DiagramPanel, DiagramPanel] = [
    panelFor(comparison.ikev2, groups[0] ?? [], axis, breaks),
    panelFor(comparison.l2tp, groups[1] ?? [], axis, breaks),
  ];
  return {
    width: DIAGRAM_WIDTH,
    axis,
    axisX: AXIS_X,
    lanes: { client: CLIENT_X, gateway: GATEWAY_X, labels: LABEL_X },
    breaks,
    panels,
  };
}
