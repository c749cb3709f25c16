import { HandshakeError, requireFiniteNumber, requireInteger } from './errors';

/**
 * When a sender gives up waiting and sends again. After transmission k (k = 1 is the original)
 * the sender waits min(timeoutMs * base^(k-1), capMs); after the wait that follows the last
 * retransmission it gives up.
 */
export interface RetransmissionSchedule {
  timeoutMs: number; // wait after the first transmission
  base: number; // growth factor of each following wait (1 = fixed interval)
  retries: number; // retransmissions after the original before giving up
  capMs: number | null; // upper bound for a single wait, null = no bound
}

/** strongSwan charon.retransmit_timeout 4.0 s, retransmit_base 1.8, retransmit_tries 5,
 *  retransmit_limit 0 (no cap): strongSwan docs "Retransmission", conf/options/charon.opt.
 *  Gives up 165 s after the first transmission. */
export const STRONGSWAN_IKE_SCHEDULE: RetransmissionSchedule = {
  timeoutMs: 4000,
  base: 1.8,
  retries: 5,
  capMs: null,
};

/** RFC 2661 §5.8: first retransmission after a recommended 1 s, exponential backoff, a cap that
 *  MUST be no less than 8 s (8 s used), and a recommended maximum of 5 retransmissions. */
export const RFC2661_L2TP_SCHEDULE: RetransmissionSchedule = {
  timeoutMs: 1000,
  base: 2,
  retries: 5,
  capMs: 8000,
};

/** xl2tpd network.c control_xmit(): a fixed 1 s interval and DEFAULT_MAX_RETRIES 5 counted
 *  including the original send, i.e. 4 retransmissions; gives up 5 s after the first send. */
export const XL2TPD_L2TP_SCHEDULE: RetransmissionSchedule = {
  timeoutMs: 1000,
  base: 1,
  retries: 4,
  capMs: null,
};

/** RFC 1661 §4.6: Restart timer SHOULD default to 3 s (constant), Max-Configure SHOULD default
 *  to 10 transmissions, i.e. 9 retransmissions; pppd uses the same defaults for LCP, IPCP and
 *  CHAP (lcp-restart/lcp-max-configure, chap-restart/chap-max-challenge). */
export const RFC1661_PPP_SCHEDULE: RetransmissionSchedule = {
  timeoutMs: 3000,
  base: 1,
  retries: 9,
  capMs: null,
};

/** The waits after each transmission: element k-1 is the wait after transmission k. */
export function scheduleWaitsMs(schedule: RetransmissionSchedule): number[] {
  const waits: number[] = [];
  for (let k = 0; k <= schedule.retries; k += 1) {
    const grown = schedule.timeoutMs * schedule.base ** k;
    waits.push(schedule.capMs === null ? grown : Math.min(grown, schedule.capMs));
  }
  return waits;
}

/** Time from the first transmission until the sender gives up. */
export function giveUpAfterMs(schedule: RetransmissionSchedule): number {
  return scheduleWaitsMs(schedule).reduce((sum, wait) => sum + wait, 0);
}

const MAX_WAIT_MS = 600_000; // ten minutes per wait: far above any shipped default
const MAX_RETRIES = 30;

export function validateSchedule(field: string, value: unknown): RetransmissionSchedule {
  if (typeof value !== 'object' || value === null) {
    throw new HandshakeError(field, 'must be an object { timeoutMs, base, retries, capMs }');
  }
  const candidate = value as Record<string, unknown>;
  const timeoutMs = requireFiniteNumber(`${field}.timeoutMs`, candidate.timeoutMs, 1, MAX_WAIT_MS);
  const base = requireFiniteNumber(`${field}.base`, candidate.base, 1, 10);
  const retries = requireInteger(`${field}.retries`, candidate.retries, 1, MAX_RETRIES);
  let capMs: number | null = null;
  if (candidate.capMs !== null && candidate.capMs !== undefined) {
    capMs = requireFiniteNumber(`${field}.capMs`, candidate.capMs, timeoutMs, MAX_WAIT_MS);
  }
  return { timeoutMs, base, retries, capMs };
}
