/**
 * The timers behind the timeline, as rows for the tool page: the retransmission schedules the
 * model uses and how long each protocol takes to notice a network change. Read from the model's
 * defaults, so the page cannot drift from what the island computes.
 */
import { DEFAULT_HANDSHAKE_INPUT, compareHandshakes, scheduleWaitsMs } from '../handshake';
import type { Detection, RetransmissionSchedule } from '../handshake';
import { formatDuration } from './format';

export interface ScheduleRow {
  key: 'ike' | 'l2tp' | 'ppp';
  timer: string;
  covers: string;
  firstWait: string;
  growth: string;
  retransmissions: string;
  sendsAt: string; // when each transmission leaves, from the first
  givesUpAfter: string;
  source: string; // a citation for <Cite>
}

const SCHEDULES: readonly Omit<ScheduleRow, 'firstWait' | 'growth' | 'retransmissions' | 'sendsAt' | 'givesUpAfter'>[] = [
  { key: 'ike', timer: 'IKE (strongSwan defaults)', covers: 'IKEv2, and IKEv1 Main, Aggressive and Quick Mode', source: 'strongswan-retransmission' },
  { key: 'l2tp', timer: 'L2TP control channel', covers: 'SCCRQ to ICRP', source: 'RFC 2661 §5.8' },
  { key: 'ppp', timer: 'PPP restart timer', covers: 'LCP, authentication and IPCP', source: 'RFC 1661 §4.6' },
];

function growthText(schedule: RetransmissionSchedule): string {
  const growth = schedule.base === 1 ? 'none' : `× ${schedule.base} per retry`;
  return schedule.capMs === null ? growth : `${growth}, at most ${formatDuration(schedule.capMs)}`;
}

function sendTimes(schedule: RetransmissionSchedule): string {
  const waits = scheduleWaitsMs(schedule);
  let elapsed = 0;
  const times = waits.slice(0, -1).map((wait) => (elapsed += wait));
  return [0, ...times].map(formatDuration).join(', ');
}

export function scheduleRows(): ScheduleRow[] {
  return SCHEDULES.map((row) => {
    const schedule = DEFAULT_HANDSHAKE_INPUT.timers[row.key];
    const waits = scheduleWaitsMs(schedule);
    return {
      ...row,
      firstWait: formatDuration(schedule.timeoutMs),
      growth: growthText(schedule),
      retransmissions: String(schedule.retries),
      sendsAt: sendTimes(schedule),
      givesUpAfter: formatDuration(waits.reduce((sum, wait) => sum + wait, 0)),
    };
  });
}

export interface DetectionRow {
  key: 'address-event' | 'dpd' | 'lcp-echo';
  protocol: string;
  how: string;
  delay: string;
  source: string;
}

function delayText(detection: Detection): string {
  if (detection.minMs === detection.maxMs) return formatDuration(detection.meanMs);
  return `${formatDuration(detection.minMs)} to ${formatDuration(detection.maxMs)} (mean ${formatDuration(detection.meanMs)})`;
}

/** How long a client takes to start recovering, by the model's own detection for each choice. */
export function detectionRows(): DetectionRow[] {
  const byEvent = compareHandshakes({ event: 'network-change' });
  const byTimeout = compareHandshakes({ event: 'network-change', detection: { ikev2: 'dpd', l2tp: 'lcp-echo' } });
  const { detection } = DEFAULT_HANDSHAKE_INPUT;
  return [
    {
      key: 'address-event',
      protocol: 'Both',
      how: 'The operating system reports the new address; the client reacts after a short settling delay.',
      delay: delayText(byEvent.ikev2.detection),
      source: 'strongswan-kernel-netlink-net',
    },
    {
      key: 'dpd',
      protocol: 'IKEv2',
      how:
        `No address event: a liveness check (an empty INFORMATIONAL request) after ${formatDuration(detection.dpdDelayMs)} ` +
        'without traffic, retransmitted on the IKE schedule until the client gives up and starts a new IKE SA.',
      delay: delayText(byTimeout.ikev2.detection),
      source: 'RFC 7296 §2.4',
    },
    {
      key: 'lcp-echo',
      protocol: 'L2TP/IPsec',
      how:
        `No address event: pppd sends an LCP Echo-Request every ${formatDuration(detection.lcpEchoIntervalMs)} and ` +
        `declares the link dead after ${detection.lcpEchoFailures} go unanswered.`,
      delay: delayText(byTimeout.l2tp.detection),
      source: 'hwdsl2-vpnsetup',
    },
  ];
}
