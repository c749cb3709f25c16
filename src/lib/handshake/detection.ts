import type { RetransmissionSchedule } from './schedule';
import { giveUpAfterMs } from './schedule';

/**
 * How long after the address change the client starts to recover. The delay is uniform between
 * minMs and maxMs (equal for an event-driven reaction).
 */
export type Ikev2Detection = 'address-event' | 'dpd';
export type L2tpDetection = 'address-event' | 'lcp-echo';
export const IKEV2_DETECTIONS: readonly Ikev2Detection[] = ['address-event', 'dpd'];
export const L2TP_DETECTIONS: readonly L2tpDetection[] = ['address-event', 'lcp-echo'];

export interface DetectionSettings {
  roamDelayMs: number; // reaction to the OS address/route event
  dpdDelayMs: number; // IKEv2 liveness-check interval
  lcpEchoIntervalMs: number; // pppd lcp-echo-interval
  lcpEchoFailures: number; // pppd lcp-echo-failure
}

/** strongSwan kernel-netlink (and pf_route, Android) ROAM_DELAY 100 ms before firing roam events
 *  (500 ms in the Windows kernel-iph backend). */
export const STRONGSWAN_ROAM_DELAY_MS = 100;
/** 30 s as in the hwdsl2 setup-ipsec-vpn configuration (dpddelay=30); strongSwan's own default
 *  is dpd_delay = 0s, i.e. no liveness checks (swanctl.opt). */
export const DPD_DELAY_MS = 30_000;
/** hwdsl2 setup-ipsec-vpn options.xl2tpd: lcp-echo-interval 30, lcp-echo-failure 4 (pppd's own
 *  default is no echoes). */
export const LCP_ECHO_INTERVAL_MS = 30_000;
export const LCP_ECHO_FAILURES = 4;

export interface Detection {
  kind: 'none' | Ikev2Detection | L2tpDetection;
  minMs: number;
  maxMs: number;
  meanMs: number;
  description: string;
  source: string;
}

export const NO_DETECTION: Detection = {
  kind: 'none',
  minMs: 0,
  maxMs: 0,
  meanMs: 0,
  description: 'The connection is started by the user: no detection delay.',
  source: '',
};

function uniform(kind: Detection['kind'], minMs: number, maxMs: number, description: string, source: string): Detection {
  return { kind, minMs, maxMs, meanMs: (minMs + maxMs) / 2, description, source };
}

export function addressEventDetection(settings: DetectionSettings): Detection {
  return uniform(
    'address-event',
    settings.roamDelayMs,
    settings.roamDelayMs,
    'The client sees its address change and reacts after a short settling delay.',
    'strongSwan kernel-netlink ROAM_DELAY (100 ms)',
  );
}

/** IKEv2 liveness check (RFC 7296 §2.4): sent when nothing was received for dpdDelay, then
 *  retransmitted on the IKE schedule until the peer is declared dead. */
export function dpdDetection(settings: DetectionSettings, ike: RetransmissionSchedule): Detection {
  const giveUp = giveUpAfterMs(ike);
  return uniform(
    'dpd',
    giveUp,
    settings.dpdDelayMs + giveUp,
    'No address event: a liveness check goes unanswered through the whole retransmission schedule.',
    'RFC 7296 §2.4; strongSwan dpd_delay with the IKE retransmission schedule',
  );
}

/** pppd sends an LCP Echo-Request every interval and declares the link dead when `failures`
 *  are outstanding at the next send (pppd lcp.c LcpSendEchoRequest): failures..failures+1
 *  intervals after the break. */
export function lcpEchoDetection(settings: DetectionSettings): Detection {
  return uniform(
    'lcp-echo',
    settings.lcpEchoFailures * settings.lcpEchoIntervalMs,
    (settings.lcpEchoFailures + 1) * settings.lcpEchoIntervalMs,
    'No address event: PPP LCP echoes go unanswered until pppd declares the link down.',
    'RFC 1661 §5.8; pppd lcp-echo-interval/lcp-echo-failure (hwdsl2: 30 s, 4)',
  );
}
