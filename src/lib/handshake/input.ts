import {
  IKEV2_DETECTIONS,
  L2TP_DETECTIONS,
  DPD_DELAY_MS,
  LCP_ECHO_FAILURES,
  LCP_ECHO_INTERVAL_MS,
  STRONGSWAN_ROAM_DELAY_MS,
} from './detection';
import type { Ikev2Detection, L2tpDetection } from './detection';
import { HandshakeError, requireBoolean, requireFiniteNumber, requireInteger, requireOneOf } from './errors';
import { KEY_EXCHANGES, POST_QUANTUM_KEMS } from './ikev2-sizes';
import type { KeyExchange } from './ikev2-sizes';
import { DEFAULT_COMPUTE_MS, IKEV2_AUTHS, LAB_RSA2048_CERTIFICATE_BYTES } from './ikev2';
import type { Ikev2Options } from './ikev2';
import { PHASE1_MODES, PPP_AUTHS } from './l2tp';
import type { L2tpOptions } from './l2tp';
import { RFC1661_PPP_SCHEDULE, RFC2661_L2TP_SCHEDULE, STRONGSWAN_IKE_SCHEDULE, validateSchedule } from './schedule';
import type { RetransmissionSchedule } from './schedule';
import { ESP_SUITES } from './wire';

export type HandshakeEvent = 'connect' | 'network-change';
export const HANDSHAKE_EVENTS: readonly HandshakeEvent[] = ['connect', 'network-change'];
export type Protocol = 'ikev2' | 'l2tp';
export const PROTOCOLS: readonly Protocol[] = ['ikev2', 'l2tp'];

export interface HandshakeInput {
  event: HandshakeEvent;
  rttMs: number; // network round-trip time between client and gateway
  loss: number; // probability that one packet is lost, each direction, independently
  nat: boolean; // a NAT between client and gateway (UDP encapsulation, NAT-T keepalives)
  keyExchange: KeyExchange; // Diffie-Hellman group of both IKE versions
  pathMtu: number; // IP MTU of the path, for IP fragmentation of oversized datagrams
  computeMs: number; // key-exchange and signature computation of one IKE handshake
  ikev2: Ikev2Options;
  l2tp: L2tpOptions;
  detection: {
    ikev2: Ikev2Detection;
    l2tp: L2tpDetection;
    roamDelayMs: number;
    dpdDelayMs: number;
    lcpEchoIntervalMs: number;
    lcpEchoFailures: number;
  };
  timers: { ike: RetransmissionSchedule; l2tp: RetransmissionSchedule; ppp: RetransmissionSchedule };
  monteCarlo: { samples: number; seed: number };
}

export type HandshakeOverrides = {
  [K in keyof HandshakeInput]?: HandshakeInput[K] extends object ? { [J in keyof HandshakeInput[K]]?: HandshakeInput[K][J] } : HandshakeInput[K];
};

/** Defaults: strongSwan behaviour where strongSwan has one, hwdsl2's xl2tpd/pppd setup for PPP. */
export const DEFAULT_HANDSHAKE_INPUT: HandshakeInput = {
  event: 'connect',
  rttMs: 50,
  loss: 0,
  nat: true,
  keyExchange: 'modp2048',
  pathMtu: 1500,
  computeMs: DEFAULT_COMPUTE_MS,
  ikev2: {
    auth: 'psk',
    postQuantum: 'none',
    cookie: false,
    invalidKe: false,
    eapIdentity: true,
    fragmentation: true, // strongSwan fragmentation = yes
    fragmentSize: 1280, // strongSwan charon.fragment_size
    mobike: true, // strongSwan mobike = yes
    mobikePathProbe: true, // strongSwan ike_mobike.c: roam() probes the path before the update
    returnRoutabilityCheck: false, // strongSwan as responder only echoes COOKIE2
    reauthDeletesFirst: false, // strongSwan NEWS 6.0.0: charon.make_before_break is now enabled by default (5.9 deleted first)
    initiatorCertificateBytes: LAB_RSA2048_CERTIFICATE_BYTES,
    responderCertificateBytes: LAB_RSA2048_CERTIFICATE_BYTES,
    eapTlsFragmentBytes: 1024, // strongSwan charon.plugins.eap-tls.fragment_size
  },
  l2tp: { phase1: 'main', pppAuth: 'mschapv2', espSuite: 'aes-cbc-sha1' },
  detection: {
    ikev2: 'address-event',
    l2tp: 'address-event',
    roamDelayMs: STRONGSWAN_ROAM_DELAY_MS,
    dpdDelayMs: DPD_DELAY_MS,
    lcpEchoIntervalMs: LCP_ECHO_INTERVAL_MS,
    lcpEchoFailures: LCP_ECHO_FAILURES,
  },
  timers: { ike: STRONGSWAN_IKE_SCHEDULE, l2tp: RFC2661_L2TP_SCHEDULE, ppp: RFC1661_PPP_SCHEDULE },
  monteCarlo: { samples: 4000, seed: 1 },
};

const MAX_RTT_MS = 10_000; // ten seconds: beyond any terrestrial or geostationary path
const MAX_CERTIFICATE_BYTES = 16_384;

function objectOf(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HandshakeError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function rejectUnknownKeys(field: string, value: Record<string, unknown>, known: object): void {
  for (const key of Object.keys(value)) {
    if (!(key in known)) {
      throw new HandshakeError(field ? `${field}.${key}` : key, `is not an input of the handshake model`);
    }
  }
}

function merged<T extends object>(field: string, defaults: T, overrides: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  if (overrides === undefined) return result;
  const given = objectOf(field, overrides);
  rejectUnknownKeys(field, given, defaults);
  for (const [key, value] of Object.entries(given)) if (value !== undefined) result[key] = value;
  return result;
}

/** Fills defaults and checks every field; throws HandshakeError naming the first bad one. */
export function resolveHandshakeInput(overrides: unknown = {}): HandshakeInput {
  const given = objectOf('input', overrides);
  rejectUnknownKeys('', given, DEFAULT_HANDSHAKE_INPUT);
  const top = merged('', DEFAULT_HANDSHAKE_INPUT, given);
  const ikev2 = merged('ikev2', DEFAULT_HANDSHAKE_INPUT.ikev2, given.ikev2);
  const l2tp = merged('l2tp', DEFAULT_HANDSHAKE_INPUT.l2tp, given.l2tp);
  const detection = merged('detection', DEFAULT_HANDSHAKE_INPUT.detection, given.detection);
  const timers = merged('timers', DEFAULT_HANDSHAKE_INPUT.timers, given.timers);
  const givenTimers = given.timers === undefined ? {} : objectOf('timers', given.timers);
  for (const layer of ['ike', 'l2tp', 'ppp'] as const) {
    timers[layer] = merged(`timers.${layer}`, DEFAULT_HANDSHAKE_INPUT.timers[layer], givenTimers[layer]);
  }
  const monteCarlo = merged('monteCarlo', DEFAULT_HANDSHAKE_INPUT.monteCarlo, given.monteCarlo);

  const loss = requireFiniteNumber('loss', top.loss, 0, 1);
  if (loss >= 1) throw new HandshakeError('loss', 'must be below 1 (a path that loses every packet never connects)');
  const fragmentSize = requireInteger('ikev2.fragmentSize', ikev2.fragmentSize, 576, 65_535);

  return {
    event: requireOneOf('event', top.event, HANDSHAKE_EVENTS),
    rttMs: requireFiniteNumber('rttMs', top.rttMs, 0, MAX_RTT_MS),
    loss,
    nat: requireBoolean('nat', top.nat),
    keyExchange: requireOneOf('keyExchange', top.keyExchange, KEY_EXCHANGES),
    pathMtu: requireInteger('pathMtu', top.pathMtu, 576, 65_535), // RFC 791: every host accepts 576
    computeMs: requireFiniteNumber('computeMs', top.computeMs, 0, 60_000),
    ikev2: {
      auth: requireOneOf('ikev2.auth', ikev2.auth, IKEV2_AUTHS),
      postQuantum: requireOneOf('ikev2.postQuantum', ikev2.postQuantum, POST_QUANTUM_KEMS),
      cookie: requireBoolean('ikev2.cookie', ikev2.cookie),
      invalidKe: requireBoolean('ikev2.invalidKe', ikev2.invalidKe),
      eapIdentity: requireBoolean('ikev2.eapIdentity', ikev2.eapIdentity),
      fragmentation: requireBoolean('ikev2.fragmentation', ikev2.fragmentation),
      fragmentSize,
      mobike: requireBoolean('ikev2.mobike', ikev2.mobike),
      mobikePathProbe: requireBoolean('ikev2.mobikePathProbe', ikev2.mobikePathProbe),
      returnRoutabilityCheck: requireBoolean('ikev2.returnRoutabilityCheck', ikev2.returnRoutabilityCheck),
      reauthDeletesFirst: requireBoolean('ikev2.reauthDeletesFirst', ikev2.reauthDeletesFirst),
      initiatorCertificateBytes: requireInteger('ikev2.initiatorCertificateBytes', ikev2.initiatorCertificateBytes, 0, MAX_CERTIFICATE_BYTES),
      responderCertificateBytes: requireInteger('ikev2.responderCertificateBytes', ikev2.responderCertificateBytes, 0, MAX_CERTIFICATE_BYTES),
      eapTlsFragmentBytes: requireInteger('ikev2.eapTlsFragmentBytes', ikev2.eapTlsFragmentBytes, 64, 65_535),
    },
    l2tp: {
      phase1: requireOneOf('l2tp.phase1', l2tp.phase1, PHASE1_MODES),
      pppAuth: requireOneOf('l2tp.pppAuth', l2tp.pppAuth, PPP_AUTHS),
      espSuite: requireOneOf('l2tp.espSuite', l2tp.espSuite, ESP_SUITES),
    },
    detection: {
      ikev2: requireOneOf('detection.ikev2', detection.ikev2, IKEV2_DETECTIONS),
      l2tp: requireOneOf('detection.l2tp', detection.l2tp, L2TP_DETECTIONS),
      roamDelayMs: requireFiniteNumber('detection.roamDelayMs', detection.roamDelayMs, 0, 60_000),
      dpdDelayMs: requireFiniteNumber('detection.dpdDelayMs', detection.dpdDelayMs, 0, 3_600_000),
      lcpEchoIntervalMs: requireFiniteNumber('detection.lcpEchoIntervalMs', detection.lcpEchoIntervalMs, 1, 3_600_000),
      lcpEchoFailures: requireInteger('detection.lcpEchoFailures', detection.lcpEchoFailures, 1, 100),
    },
    timers: {
      ike: validateSchedule('timers.ike', timers.ike),
      l2tp: validateSchedule('timers.l2tp', timers.l2tp),
      ppp: validateSchedule('timers.ppp', timers.ppp),
    },
    monteCarlo: {
      samples: requireInteger('monteCarlo.samples', monteCarlo.samples, 1, 200_000),
      seed: requireInteger('monteCarlo.seed', monteCarlo.seed, 0, 4_294_967_295),
    },
  };
}
