import type { WireSize } from './wire';

export type Side = 'initiator' | 'responder';
export type Layer = 'IKEv2' | 'IKEv1' | 'L2TP' | 'PPP';
/** Whose retransmission timer recovers a lost message: the layer that drives that round trip. */
export type TimerLayer = 'ike' | 'l2tp' | 'ppp';

/**
 * One message of a handshake, as data. `after` names earlier messages that must be in hand before
 * this one is sent: a message of the other side must have arrived, one of the same side must have
 * been sent (that is how pipelined messages, such as SCCCN riding with ICRQ, are written down).
 */
export interface MessageSpec {
  id: string;
  from: Side;
  layer: Layer;
  exchange: string; // exchange or phase, e.g. 'IKE_AUTH', 'Main Mode', 'LCP'
  name: string; // e.g. 'IKE_AUTH request', 'SCCRQ'
  payloads: string; // the RFC's notation for what the message carries
  rfc: string; // section that defines the message
  timer: TimerLayer; // timer that repairs its loss in the model (a message riding with the next request uses that request's)
  round: number | null; // critical-path round trip it belongs to; null = off the critical path
  after: readonly string[];
  processingMs: number; // sender-side computation before sending
  size: WireSize;
  sizeSource: 'measured' | 'estimated';
  sizeNote: string; // the lab run a measured size comes from, or why a size is estimated
}

/** A size the lab measured (strongSwan 5.9.8 pair, tests/lab/results/ike-sizes.json), by run name. */
export function measuredIn(run: string): { sizeSource: 'measured'; sizeNote: string } {
  return { sizeSource: 'measured', sizeNote: `strongSwan 5.9.8 lab, ${run}` };
}

/** A size built from the message formats, with the reason it is not a measurement. */
export function estimatedBecause(reason: string): { sizeSource: 'estimated'; sizeNote: string } {
  return { sizeSource: 'estimated', sizeNote: reason };
}

export interface TimedMessage extends MessageSpec {
  sendMs: number;
  arriveMs: number;
}

/** Zero-loss times: each message leaves when all it waits for is in hand, and takes RTT/2. */
export function scheduleMessages(specs: readonly MessageSpec[], rttMs: number, startMs: number): TimedMessage[] {
  const timed = new Map<string, TimedMessage>();
  const oneWayMs = rttMs / 2;
  return specs.map((spec) => {
    let readyMs = startMs;
    for (const id of spec.after) {
      const earlier = timed.get(id);
      if (earlier === undefined) throw new Error(`message ${spec.id} waits for unknown or later message ${id}`);
      readyMs = Math.max(readyMs, earlier.from === spec.from ? earlier.sendMs : earlier.arriveMs);
    }
    const sendMs = readyMs + spec.processingMs;
    const message: TimedMessage = { ...spec, sendMs, arriveMs: sendMs + oneWayMs };
    timed.set(spec.id, message);
    return message;
  });
}

/** A critical-path round trip: the unit that is repeated when any of its packets is lost. */
export interface Round {
  index: number; // 1-based
  timer: TimerLayer; // schedule of the message that opens the round
  packets: number; // IP packets that must all arrive (fragments counted one by one)
  zeroLossMs: number; // time the round adds to the critical path when nothing is lost
}

export function roundsOf(messages: readonly TimedMessage[], startMs: number): Round[] {
  const byRound = new Map<number, TimedMessage[]>();
  for (const message of messages) {
    if (message.round === null) continue;
    const list = byRound.get(message.round) ?? [];
    list.push(message);
    byRound.set(message.round, list);
  }
  const indices = [...byRound.keys()].sort((a, b) => a - b);
  let previousEndMs = startMs;
  return indices.map((index, position) => {
    if (index !== position + 1) throw new Error(`round numbers must run 1, 2, 3...; found ${index}`);
    const members = byRound.get(index) ?? [];
    const first = members[0];
    if (first === undefined) throw new Error(`round ${index} has no messages`);
    const endMs = Math.max(...members.map((message) => message.arriveMs));
    const round: Round = {
      index,
      timer: first.timer,
      packets: members.reduce((sum, message) => sum + message.size.fragmentIpBytes.length, 0),
      zeroLossMs: endMs - previousEndMs,
    };
    previousEndMs = endMs;
    return round;
  });
}
