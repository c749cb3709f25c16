// The sequence diagram as geometry: one arrow per set of messages that travel together, at the
// model's times on the shared axis; labels that name every message and never overlap; nothing
// outside the picture, no NaN anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../../src/lib/handshake';
import {
  DEFAULT_TIMELINE_STATE,
  DIAGRAM_WIDTH,
  LINE_HEIGHT,
  formatDuration,
  runTimeline,
  shortName,
  timelineDiagram,
  yAt,
  type TimelineDiagram,
  type TimelineState,
} from '../../../src/lib/timeline';
import { validState } from './arbitraries';

function build(changes: Partial<TimelineState>) {
  const run = runTimeline({ ...DEFAULT_TIMELINE_STATE, ...changes });
  if (!run.ok) throw new Error(JSON.stringify(run.errors));
  return { diagram: timelineDiagram(run.comparison), comparison: run.comparison };
}

/** Distinct (send, arrive, direction) triples: the arrows a reader can tell apart. */
function distinctArrows(messages: readonly MessageRecord[]): number {
  return new Set(messages.map((m) => `${m.sendMs}|${m.arriveMs}|${m.direction}`)).size;
}

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}

function checkGeometry(diagram: TimelineDiagram) {
  expect(numbersIn(diagram).every(Number.isFinite)).toBe(true);
  expect(JSON.stringify(diagram)).not.toMatch(/NaN|undefined/);
  for (const panel of diagram.panels) {
    let floor = -Infinity;
    for (const label of panel.labels) {
      expect(label.top).toBeGreaterThanOrEqual(floor);
      floor = label.top + label.lines.length * LINE_HEIGHT;
      expect(label.top).toBeGreaterThanOrEqual(0);
      expect(floor).toBeLessThanOrEqual(panel.height);
      for (const line of label.lines) expect(line.length).toBeLessThanOrEqual(30);
    }
    // The axis of a panel reaches its last arrow and ends on a tick.
    const lastTick = panel.ticks[panel.ticks.length - 1];
    expect(lastTick).toBeDefined();
    for (const arrow of panel.arrows) expect(Math.max(arrow.y1, arrow.y2)).toBeLessThanOrEqual(lastTick!.y + 0.01);
    expect(panel.doneY).toBeLessThanOrEqual(lastTick!.y + 0.01);
    for (const line of panel.lines) expect(line.y1).toBeLessThanOrEqual(lastTick!.y + 0.01);
    for (const arrow of panel.arrows) {
      for (const x of [arrow.x1, arrow.x2]) expect(x).toBeGreaterThan(diagram.axisX);
      for (const y of [arrow.y1, arrow.y2]) expect(y).toBeLessThanOrEqual(panel.height);
    }
  }
}

describe('arrows', () => {
  it.each([
    { name: 'connect with PSK', changes: {}, ikev2: 4, l2tp: 22, source: 'RFC 7296 §1.2: 4 messages; 29 L2TP/IPsec messages, 7 of them sent with another' },
    { name: 'network change with MOBIKE', changes: { event: 'change' }, ikev2: 4, l2tp: 22, source: 'RFC 4555 §3.5 update after strongSwan’s path probe' },
    { name: 'EAP-TLS, aggressive mode, PAP', changes: { auth: 'eap-tls', mode: 'aggressive', l2auth: 'pap' }, ikev2: 18, l2tp: null, source: 'RFC 7296 §2.16 EAP round trips' },
  ] as const)('$name: one arrow per message or set sent together ($source)', ({ changes, ikev2, l2tp }) => {
    const { diagram, comparison } = build(changes);
    const [ikePanel, l2tpPanel] = diagram.panels;
    expect(ikePanel.arrows).toHaveLength(ikev2);
    expect(ikePanel.arrows).toHaveLength(distinctArrows(comparison.ikev2.messages));
    expect(l2tpPanel.arrows).toHaveLength(l2tp ?? distinctArrows(comparison.l2tp.messages));
    expect(l2tpPanel.arrows).toHaveLength(distinctArrows(comparison.l2tp.messages));
  });

  it('run from the sender lifeline at its send time to the other at its arrival time', () => {
    const { diagram, comparison } = build({ rtt: '80', auth: 'cert' });
    const panel = diagram.panels[0];
    comparison.ikev2.messages.forEach((m) => {
      const arrow = panel.arrows.find((a) => a.key.split('+').includes(m.id));
      expect(arrow).toBeDefined();
      const toGateway = m.direction === 'initiator-to-responder';
      expect(arrow!.x1).toBe(toGateway ? diagram.lanes.client : diagram.lanes.gateway);
      expect(arrow!.x2).toBe(toGateway ? diagram.lanes.gateway : diagram.lanes.client);
      expect(arrow!.y1).toBeCloseTo(yAt(diagram.axis.pieces, m.sendMs), 1);
      expect(arrow!.y2).toBeCloseTo(yAt(diagram.axis.pieces, m.arriveMs), 1);
      expect(arrow!.title).toContain(m.name);
    });
  });

  it('counts a set of messages as waited for when any of them is (the ZLB rides with LCP, RFC 2661 §5.8)', () => {
    const { diagram } = build({});
    const zlb = diagram.panels[1].arrows.find((a) => a.key.includes('zlb'));
    expect(zlb?.key).toContain('lcp-req-s'); // sent with the gateway's LCP Configure-Request: still waited for
    expect(zlb?.critical).toBe(true);
    const { diagram: rebuild } = build({ event: 'change', mobike: '0' });
    // strongSwan 6 make_before_break = yes: the old SA's Delete follows the new SA, off the critical path
    expect(rebuild.panels[0].arrows.filter((a) => !a.critical).map((a) => a.key)).toEqual([expect.stringContaining('delete-req'), expect.stringContaining('delete-resp')]);
  });
});

describe('labels', () => {
  it.each([{}, { event: 'change' }, { auth: 'eap-mschapv2', mode: 'aggressive' }, { auth: 'eap-tls', pq: 'mlkem768' }] as const)(
    'name every message exactly once, unshortened (%j)',
    (changes) => {
      const { diagram, comparison } = build(changes);
      diagram.panels.forEach((panel, i) => {
        const scenario = i === 0 ? comparison.ikev2 : comparison.l2tp;
        const text = panel.labels.filter((l) => l.kind === 'message').map((l) => l.lines.join(' ')).join(' | ');
        expect(text).not.toContain('…');
        for (const m of scenario.messages) expect(text.replace(/\s+/g, ' ')).toContain(shortName(m.name).replace(/\s+/g, ' '));
      });
    },
  );

  it('end each panel with the zero-loss time, and start a network change with its detection', () => {
    const { diagram, comparison } = build({ event: 'change', l2detect: 'lcp' });
    const [ike, l2tp] = diagram.panels;
    expect(ike.labels.find((l) => l.kind === 'done')?.lines.join(' ')).toBe(`Traffic flows again: ${formatDuration(comparison.ikev2.totals.zeroLossMs)}`);
    expect(l2tp.labels.find((l) => l.kind === 'detection')?.lines.join(' ')).toBe('PPP LCP echo timeout: 2 min 0 s to 2 min 30 s (drawn at the mean, 2 min 15 s)');
    expect(l2tp.detection?.y1).toBeCloseTo(yAt(diagram.axis.pieces, comparison.l2tp.detection.meanMs), 1);
    // The cut is labelled where the panel reaches past it: L2TP does, IKEv2 (done at 200 ms) does not.
    expect(l2tp.labels.filter((l) => l.kind === 'break').map((l) => l.lines.join(' '))).toEqual(['2 min 15 s cut from the axis']);
    expect(ike.labels.some((l) => l.kind === 'break')).toBe(false);
    expect(ike.breaks).toEqual([]);
    expect(build({}).diagram.panels[0].detection).toBeNull();
  });

  it('describe each panel for screen readers with its counts and time', () => {
    const { diagram } = build({});
    expect(diagram.panels[0].ariaLabel).toBe(
      'Sequence diagram of IKEv2 (psk), without loss. 4 messages between client and gateway in 2 round trips. Tunnel up: 111 ms. The table of messages lists each one.',
    );
    expect(diagram.panels[1].ariaLabel).toMatch(/29 messages .* in 11 round trips\. Tunnel up: 561 ms\./);
  });
});

describe('geometry for any valid state', () => {
  it('has finite numbers, labels in order without overlap, and everything inside the picture', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const run = runTimeline(state);
        if (!run.ok) return;
        const diagram = timelineDiagram(run.comparison);
        expect(diagram.width).toBe(DIAGRAM_WIDTH);
        checkGeometry(diagram);
      }),
      { numRuns: 150 },
    );
  });

  it('draws the shorter handshake as the shorter panel, at the same scale', () => {
    const { diagram } = build({});
    const [ike, l2tp] = diagram.panels;
    expect(ike.height).toBeLessThan(l2tp.height);
    expect(ike.ticks.map((t) => t.y)).toEqual(l2tp.ticks.slice(0, ike.ticks.length).map((t) => t.y));
    expect(ike.ticks[ike.ticks.length - 1]?.label).toBe('150'); // IKEv2 is up at 111 ms; ticks every 50 ms
  });

  it('keeps the default connect diagram within the plot limits (no leader lines needed)', () => {
    const { diagram } = build({});
    expect(Math.max(...diagram.panels.map((p) => p.height))).toBeLessThan(800);
    expect(diagram.panels.flatMap((p) => p.labels.filter((l) => l.kind === 'message' && l.leader !== null))).toEqual([]);
  });
});
