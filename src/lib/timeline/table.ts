/**
 * The table equivalent of the diagram: every message of one protocol with its time, direction,
 * exchange, size (and whether that size was measured) and the RFC section that defines it.
 */
import type { ScenarioResult } from '../handshake';
import { formatBytes, formatCount, formatDuration } from './format';

export interface MessageRow {
  key: string;
  sent: string;
  direction: string;
  exchange: string;
  name: string;
  payloads: string;
  bytes: string;
  source: 'measured' | 'estimated';
  sourceNote: string; // the lab run, or why the size is estimated
  rfc: string;
  critical: boolean;
}

export function messageRows(scenario: ScenarioResult): MessageRow[] {
  return scenario.messages.map((m) => ({
    key: m.id,
    sent: formatDuration(m.sendMs),
    direction: m.direction === 'initiator-to-responder' ? 'Client → gateway' : 'Gateway → client',
    exchange: `${m.layer} ${m.exchange}`,
    name: m.round === null ? `${m.name} (nothing waits for it)` : m.name,
    payloads: m.payloads,
    bytes: m.packets > 1 ? `${formatBytes(m.ipBytes)} in ${formatCount(m.packets)} packets` : formatBytes(m.ipBytes),
    source: m.sizeSource,
    sourceNote: m.sizeNote,
    rfc: m.rfc,
    critical: m.round !== null,
  }));
}
