import { NO_DETECTION, addressEventDetection, dpdDetection, lcpEchoDetection } from './detection';
import type { Detection } from './detection';
import { ikev2ConnectSequence, ikev2NetworkChangeSequence } from './ikev2';
import { resolveHandshakeInput, PROTOCOLS } from './input';
import type { HandshakeEvent, HandshakeInput, Protocol } from './input';
import { requireOneOf } from './errors';
import { l2tpConnectSequence } from './l2tp';
import { simulate } from './montecarlo';
import type { MonteCarloResult } from './montecarlo';
import { giveUpAfterMs } from './schedule';
import { roundsOf, scheduleMessages } from './sequence';
import type { Layer, MessageSpec, TimerLayer } from './sequence';
import { expectedCompletionMs, expectedRoundMs, giveUpProbability, roundCompletionProbability, roundLaw } from './timing';
import { totalIpBytes } from './wire';

/** One message as the timeline draws it. Times are for a loss-free run. */
export interface MessageRecord {
  index: number; // 1-based position in the sequence
  id: string;
  direction: 'initiator-to-responder' | 'responder-to-initiator';
  layer: Layer;
  exchange: string;
  name: string;
  payloads: string;
  rfc: string;
  round: number | null; // critical-path round trip, null when nothing waits for it
  ipBytes: number; // all IPv4 packets of the message on the path
  udpPayloadBytes: number | null; // outer UDP payload(s); null when carried as ESP (IP protocol 50)
  messageBytes: number; // the protocol message itself
  packets: number; // IP packets (fragments) on the path
  fragmentIpBytes: readonly number[];
  sizeSource: 'measured' | 'estimated';
  sizeNote: string; // the lab run, or why the size is estimated
  sendMs: number;
  arriveMs: number;
}

export interface RoundRecord {
  index: number;
  timer: TimerLayer;
  packets: number;
  zeroLossMs: number;
  pAttemptSuccess: number; // all packets of one attempt arrive
  transmissions: number; // attempts allowed by the schedule
  pComplete: number; // the round completes within its transmissions
  expectedMs: number; // given that it completes
}

export interface ScenarioTotals {
  messages: number;
  packets: number;
  roundTrips: number;
  ipBytes: number;
  computeMs: number; // part of zeroLossMs spent computing
  zeroLossMs: number; // mean detection + round trips x RTT + computation
  expectedMs: number; // closed form, given that the handshake completes
  p50Ms: number | null; // Monte Carlo, given completion; null if no sample completed
  p95Ms: number | null;
  pGiveUp: number; // closed form
  giveUpAfterMs: number; // longest any one round waits before giving up
}

export interface ScenarioResult {
  protocol: Protocol;
  event: HandshakeEvent;
  title: string;
  detection: Detection;
  messages: MessageRecord[];
  rounds: RoundRecord[];
  totals: ScenarioTotals;
  monteCarlo: MonteCarloResult;
}

export interface HandshakeComparison {
  input: HandshakeInput;
  ikev2: ScenarioResult;
  l2tp: ScenarioResult;
}

function sequenceFor(protocol: Protocol, input: HandshakeInput): MessageSpec[] {
  const path = { keyExchange: input.keyExchange, nat: input.nat, pathMtu: input.pathMtu, computeMs: input.computeMs };
  if (protocol === 'l2tp') return l2tpConnectSequence(input.l2tp, path); // a network change redoes the whole chain
  if (input.event === 'connect') return ikev2ConnectSequence(input.ikev2, path);
  if (input.detection.ikev2 === 'dpd') return ikev2ConnectSequence(input.ikev2, path, 'new-'); // dpd_action = restart: a fresh IKE SA
  return ikev2NetworkChangeSequence(input.ikev2, path);
}

function detectionFor(protocol: Protocol, input: HandshakeInput): Detection {
  if (input.event === 'connect') return NO_DETECTION;
  if (protocol === 'ikev2') {
    return input.detection.ikev2 === 'dpd' ? dpdDetection(input.detection, input.timers.ike) : addressEventDetection(input.detection);
  }
  return input.detection.l2tp === 'lcp-echo' ? lcpEchoDetection(input.detection) : addressEventDetection(input.detection);
}

function titleFor(protocol: Protocol, input: HandshakeInput): string {
  if (protocol === 'l2tp') {
    const phase1 = input.l2tp.phase1 === 'main' ? 'Main Mode' : 'Aggressive Mode';
    const base = `L2TP/IPsec (IKEv1 ${phase1} + Quick Mode, L2TP, PPP ${input.l2tp.pppAuth})`;
    return input.event === 'connect' ? base : `${base}: full reconnect`;
  }
  const base = `IKEv2 (${input.ikev2.auth})`;
  if (input.event === 'connect') return base;
  if (input.detection.ikev2 === 'dpd') return `${base}: new IKE SA after dead-peer detection`;
  return input.ikev2.mobike ? `${base}: MOBIKE address update` : `${base}: reauthentication without MOBIKE`;
}

/** Messages, round trips, bytes and times of one protocol for the given input. */
export function analyzeScenario(protocol: Protocol, overrides: unknown = {}): ScenarioResult {
  const checkedProtocol = requireOneOf('protocol', protocol, PROTOCOLS);
  const input = resolveHandshakeInput(overrides);
  return analyzeResolved(checkedProtocol, input);
}

function analyzeResolved(protocol: Protocol, input: HandshakeInput): ScenarioResult {
  const detection = detectionFor(protocol, input);
  const specs = sequenceFor(protocol, input);
  const timed = scheduleMessages(specs, input.rttMs, detection.meanMs);
  const rounds = roundsOf(timed, detection.meanMs);
  const laws = rounds.map((round) => roundLaw(round.zeroLossMs, round.packets, input.loss, input.timers[round.timer]));

  const messages: MessageRecord[] = timed.map((message, i) => ({
    index: i + 1,
    id: message.id,
    direction: message.from === 'initiator' ? 'initiator-to-responder' : 'responder-to-initiator',
    layer: message.layer,
    exchange: message.exchange,
    name: message.name,
    payloads: message.payloads,
    rfc: message.rfc,
    round: message.round,
    ipBytes: totalIpBytes(message.size),
    udpPayloadBytes: message.size.udpPayloadBytes,
    messageBytes: message.size.messageBytes,
    packets: message.size.fragmentIpBytes.length,
    fragmentIpBytes: message.size.fragmentIpBytes,
    sizeSource: message.sizeSource,
    sizeNote: message.sizeNote,
    sendMs: message.sendMs,
    arriveMs: message.arriveMs,
  }));
  const roundRecords: RoundRecord[] = rounds.map((round, i) => {
    const law = laws[i];
    if (law === undefined) throw new Error('round laws out of step');
    return {
      index: round.index,
      timer: round.timer,
      packets: round.packets,
      zeroLossMs: round.zeroLossMs,
      pAttemptSuccess: law.pAttempt,
      transmissions: law.waitsMs.length,
      pComplete: roundCompletionProbability(law),
      expectedMs: expectedRoundMs(law),
    };
  });
  const monteCarlo = simulate(laws, detection.minMs, detection.maxMs, input.monteCarlo.samples, input.monteCarlo.seed);
  const critical = timed.filter((message) => message.round !== null);
  const totals: ScenarioTotals = {
    messages: messages.length,
    packets: messages.reduce((sum, message) => sum + message.packets, 0),
    roundTrips: rounds.length,
    ipBytes: messages.reduce((sum, message) => sum + message.ipBytes, 0),
    computeMs: critical.reduce((sum, message) => sum + message.processingMs, 0),
    zeroLossMs: detection.meanMs + rounds.reduce((sum, round) => sum + round.zeroLossMs, 0),
    expectedMs: expectedCompletionMs({ rounds: laws, fixedMeanMs: detection.meanMs }),
    p50Ms: monteCarlo.p50Ms,
    p95Ms: monteCarlo.p95Ms,
    pGiveUp: giveUpProbability(laws),
    giveUpAfterMs: Math.max(0, ...rounds.map((round) => giveUpAfterMs(input.timers[round.timer]))),
  };
  return { protocol, event: input.event, title: titleFor(protocol, input), detection, messages, rounds: roundRecords, totals, monteCarlo };
}

/** IKEv2 and L2TP/IPsec side by side for the same path and event: what the timeline draws. */
export function compareHandshakes(overrides: unknown = {}): HandshakeComparison {
  const input = resolveHandshakeInput(overrides);
  return { input, ikev2: analyzeResolved('ikev2', input), l2tp: analyzeResolved('l2tp', input) };
}
