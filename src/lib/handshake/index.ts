/**
 * Handshake and reconnection model: which messages IKEv2 and L2TP/IPsec exchange to connect or to
 * recover from a network change, their sizes on the path, their zero-loss timeline, and the time
 * to complete under loss (closed form for the mean and the give-up probability, a seeded Monte
 * Carlo for percentiles).
 *
 *   const { ikev2, l2tp } = compareHandshakes({ event: 'network-change', rttMs: 80, loss: 0.02 });
 *   ikev2.messages  // [{ direction, layer, exchange, name, rfc, round, ipBytes, sendMs, arriveMs, ... }]
 *   l2tp.totals     // { messages, roundTrips, ipBytes, zeroLossMs, expectedMs, p95Ms, pGiveUp, ... }
 *
 * Any field not given takes its default (DEFAULT_HANDSHAKE_INPUT); a bad one throws HandshakeError
 * with the field's dotted path.
 */
export { HandshakeError } from './errors';
export { analyzeScenario, compareHandshakes } from './analyze';
export type { HandshakeComparison, MessageRecord, RoundRecord, ScenarioResult, ScenarioTotals } from './analyze';
export { DEFAULT_HANDSHAKE_INPUT, HANDSHAKE_EVENTS, PROTOCOLS, resolveHandshakeInput } from './input';
export type { HandshakeEvent, HandshakeInput, HandshakeOverrides, Protocol } from './input';
export { IKEV2_AUTHS } from './ikev2';
export type { Ikev2Auth, Ikev2Options } from './ikev2';
export { KEY_EXCHANGES, POST_QUANTUM_KEMS } from './ikev2-sizes';
export type { KeyExchange, PostQuantumKem } from './ikev2-sizes';
export { PHASE1_MODES, PPP_AUTHS } from './l2tp';
export type { L2tpOptions, Phase1Mode, PppAuth } from './l2tp';
export { ESP_SUITES } from './wire';
export type { EspSuite } from './wire';
export { IKEV2_DETECTIONS, L2TP_DETECTIONS } from './detection';
export type { Detection, Ikev2Detection, L2tpDetection } from './detection';
export {
  RFC1661_PPP_SCHEDULE,
  RFC2661_L2TP_SCHEDULE,
  STRONGSWAN_IKE_SCHEDULE,
  XL2TPD_L2TP_SCHEDULE,
  giveUpAfterMs,
  scheduleWaitsMs,
} from './schedule';
export type { RetransmissionSchedule } from './schedule';
export { lifecycleTraffic } from './lifecycle';
export type { LifecycleItem } from './lifecycle';
export type { Layer, TimerLayer } from './sequence';
export type { MonteCarloResult } from './montecarlo';
