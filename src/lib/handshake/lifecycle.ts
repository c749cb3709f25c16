import { KEY_EXCHANGE_BYTES, encryptedIkeBytes, keyExchangePayloadBytes, notifyBytes } from './ikev2-sizes';
import type { HandshakeInput } from './input';
import { IPV4_HEADER as IPV4_HEADER_BYTES, UDP_HEADER as UDP_HEADER_BYTES } from '../overhead/constants';
import { NON_ESP_MARKER_BYTES, l2tpOverEsp } from './wire';

/** Background traffic of an established tunnel, for context next to the handshake numbers. */
export interface LifecycleItem {
  name: string;
  intervalS: number | null; // null: not sent with the defaults shown
  messagesPerEvent: number;
  ipBytesPerEvent: number;
  messagesPerHour: number;
  ipBytesPerHour: number;
  rfc: string;
  source: string; // where the interval comes from
}

/** strongSwan charon.keep_alive = 20s; RFC 3948 §2.3 leaves the interval to the implementation. */
const NAT_KEEPALIVE_INTERVAL_S = 20;
/** swanctl.opt: children.<child>.rekey_time = 1h, connections.<conn>.rekey_time = 4h. */
const CHILD_SA_REKEY_S = 3600;
const IKE_SA_REKEY_S = 4 * 3600;
/** RFC 2661 §5.5: Hello after a period without control messages, 60 s recommended. */
const L2TP_HELLO_INTERVAL_S = 60;
/** hwdsl2 setup-ipsec-vpn ipsec.conf for L2TP/IPsec (libreswan): dpddelay=30. */
const IKEV1_DPD_INTERVAL_S = 30;

const NAT_KEEPALIVE_IP_BYTES = IPV4_HEADER_BYTES + UDP_HEADER_BYTES + 1; // a single 0xFF octet

function item(name: string, intervalS: number | null, sizes: number[], rfc: string, source: string): LifecycleItem {
  const perEvent = sizes.reduce((sum, bytes) => sum + bytes, 0);
  const perHour = intervalS === null ? 0 : 3600 / intervalS;
  return {
    name,
    intervalS,
    messagesPerEvent: sizes.length,
    ipBytesPerEvent: perEvent,
    messagesPerHour: perHour * sizes.length,
    ipBytesPerHour: perHour * perEvent,
    rfc,
    source,
  };
}

export function lifecycleTraffic(input: HandshakeInput): { ikev2: LifecycleItem[]; l2tp: LifecycleItem[] } {
  const ikeUdp = (ikeBytes: number) => IPV4_HEADER_BYTES + UDP_HEADER_BYTES + NON_ESP_MARKER_BYTES + ikeBytes;
  const isakmpUdp = (isakmpBytes: number) =>
    IPV4_HEADER_BYTES + UDP_HEADER_BYTES + (input.nat ? NON_ESP_MARKER_BYTES : 0) + isakmpBytes;
  const inEsp = (l2tpBytes: number) =>
    l2tpOverEsp(l2tpBytes, input.l2tp.espSuite, input.nat, input.pathMtu).fragmentIpBytes.reduce((a, b) => a + b, 0);
  const keData = KEY_EXCHANGE_BYTES[input.keyExchange];
  const keepalive = item(
    'NAT-T keepalive',
    input.nat ? NAT_KEEPALIVE_INTERVAL_S : null,
    [NAT_KEEPALIVE_IP_BYTES],
    'RFC 3948 §2.3',
    'strongSwan charon.keep_alive (20 s), only when behind a NAT',
  );
  const dpdIntervalS = input.detection.dpdDelayMs > 0 ? input.detection.dpdDelayMs / 1000 : null;
  // Behind a NAT strongSwan's DPD carries N(NAT_DETECTION_*) both ways (lab: 128 IKE bytes each).
  const dpdInner = input.nat ? 2 * notifyBytes(20) : 0;

  // Estimated payload lengths: N(REKEY_SA) 12, ESP SA 44, nonce 36, TSi/TSr 24 each; IKE SA
  // proposal with an 8-byte SPI 56; Delete with one 4-byte SPI 12.
  const childRekey = [encryptedIkeBytes(12 + 44 + 36 + 48), encryptedIkeBytes(44 + 36 + 48), encryptedIkeBytes(12), encryptedIkeBytes(12)].map(ikeUdp);
  const ikeRekeyInner = 56 + 36 + keyExchangePayloadBytes(keData);
  const ikeRekey = [encryptedIkeBytes(ikeRekeyInner), encryptedIkeBytes(ikeRekeyInner), encryptedIkeBytes(8), encryptedIkeBytes(0)].map(ikeUdp);

  const ikev2: LifecycleItem[] = [
    keepalive,
    item('Liveness check (DPD)', dpdIntervalS, [ikeUdp(encryptedIkeBytes(dpdInner)), ikeUdp(encryptedIkeBytes(dpdInner))], 'RFC 7296 §2.4',
      'only after this long without traffic from the peer; strongSwan default dpd_delay = 0s (off), 30 s in the hwdsl2 setup'),
    item('CHILD_SA rekey (CREATE_CHILD_SA + Delete)', CHILD_SA_REKEY_S, childRekey, 'RFC 7296 §1.3.3, §1.4.1', 'swanctl children rekey_time = 1h'),
    item('IKE SA rekey (CREATE_CHILD_SA + Delete)', IKE_SA_REKEY_S, ikeRekey, 'RFC 7296 §1.3.2, §2.18', 'swanctl rekey_time = 4h'),
  ];

  // IKEv1 Informational with HASH (36) + Notify R-U-THERE (4 + 4 + 1 + 1 + 2 + 16-octet cookies + 4-octet sequence = 32).
  const rUThere = isakmpUdp(28 + Math.ceil((36 + 32) / 16) * 16);
  // Quick Mode messages as in the connection sequence without NAT-OA, estimated.
  const quickMode = [28 + 160, 28 + 160, 28 + 48].map(isakmpUdp);
  const lcpEcho = 6 + 2 + 2 + 4 + 4; // L2TP data header, FF 03, protocol, LCP header, magic number
  const l2tp: LifecycleItem[] = [
    keepalive,
    item('IKEv1 DPD R-U-THERE / ACK', IKEV1_DPD_INTERVAL_S, [rUThere, rUThere], 'RFC 3706 §5', 'hwdsl2 setup: dpddelay=30 (libreswan)'),
    item('Quick Mode rekey', CHILD_SA_REKEY_S, quickMode, 'RFC 2409 §5.5', 'same 1 h child lifetime as the IKEv2 side (swanctl default)'),
    item('L2TP Hello + ZLB', L2TP_HELLO_INTERVAL_S, [inEsp(12 + 8), inEsp(12)], 'RFC 2661 §5.5, §5.8', 'RFC 2661 recommends 60 s'),
    item('PPP LCP Echo-Request / Reply', input.detection.lcpEchoIntervalMs / 1000, [inEsp(lcpEcho), inEsp(lcpEcho)], 'RFC 1661 §5.8', 'pppd lcp-echo-interval (hwdsl2: 30 s)'),
  ];
  return { ikev2, l2tp };
}
