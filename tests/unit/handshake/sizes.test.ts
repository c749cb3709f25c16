import { describe, expect, it } from 'vitest';
import { analyzeScenario, lifecycleTraffic, resolveHandshakeInput } from '../../../src/lib/handshake';
import type { ScenarioResult } from '../../../src/lib/handshake';
import {
  PSK_AUTH_REQUEST_IKE_BYTES,
  PSK_AUTH_REQUEST_INNER_BYTES,
  PSK_AUTH_RESPONSE_IKE_BYTES,
  PSK_AUTH_RESPONSE_INNER_BYTES,
  encryptedIkeBytes,
  maxFragmentChunkBytes,
} from '../../../src/lib/handshake/ikev2-sizes';
import { ipPacketsForUdp, l2tpOverEsp } from '../../../src/lib/handshake/wire';

const UDP_AND_IP = 28;

function message(result: ScenarioResult, name: string) {
  const found = result.messages.find((m) => m.name === name);
  if (!found) throw new Error(`no message ${name}`);
  return found;
}

// Measured on a strongSwan 5.9.8 pair (IPv4, PSK, MODP-2048 unless stated): the model's sizes
// for these messages must be exactly the measured UDP payload lengths.
describe('sizes measured on strongSwan 5.9.8', () => {
  it.each([
    { group: 'modp2048', request: 472, response: 480, source: 'measured, MODP-2048' },
    { group: 'x25519', request: 248, response: 256, source: 'measured, X25519' },
    { group: 'ecp256', request: 280, response: 288, source: 'measured, ECP-256' },
  ] as const)('IKE_SA_INIT with $group: $request/$response UDP bytes ($source)', ({ group, request, response }) => {
    const result = analyzeScenario('ikev2', { keyExchange: group });
    const req = message(result, 'IKE_SA_INIT request');
    const resp = message(result, 'IKE_SA_INIT response');
    expect([req.udpPayloadBytes, resp.udpPayloadBytes]).toEqual([request, response]);
    expect([req.sizeSource, resp.sizeSource]).toEqual(['measured', 'measured']);
    expect(req.ipBytes).toBe(request + UDP_AND_IP);
  });

  it('IKE_AUTH with PSK: 332/268 UDP bytes including the non-ESP marker on port 4500', () => {
    const result = analyzeScenario('ikev2', {});
    expect(message(result, 'IKE_AUTH request').udpPayloadBytes).toBe(332);
    expect(message(result, 'IKE_AUTH response').udpPayloadBytes).toBe(268);
  });

  it('IKE_AUTH with RSA-2048 certificates and fragmentation: 2 fragments of 1248 + 336 UDP bytes each way', () => {
    const result = analyzeScenario('ikev2', { ikev2: { auth: 'certificate' } });
    for (const name of ['IKE_AUTH request', 'IKE_AUTH response']) {
      const m = message(result, name);
      expect(m.fragmentIpBytes.map((ip) => ip - UDP_AND_IP)).toEqual([1248, 336]);
    }
  });

  it('MOBIKE UPDATE_SA_ADDRESSES: 176 IKE bytes, response 160', () => {
    const result = analyzeScenario('ikev2', { event: 'network-change' });
    expect(message(result, 'INFORMATIONAL request: UPDATE_SA_ADDRESSES').messageBytes).toBe(176);
    expect(message(result, 'INFORMATIONAL response').messageBytes).toBe(72); // the probe's empty response comes first
    const update = result.messages.filter((m) => m.round === 2);
    expect(update.map((m) => m.messageBytes)).toEqual([176, 160]);
  });

  it('time to establish with PSK is 2 RTT plus the 2-20 ms of computation', () => {
    for (const computeMs of [2, 11, 20]) {
      const result = analyzeScenario('ikev2', { rttMs: 80, computeMs });
      expect(result.totals.zeroLossMs).toBeCloseTo(2 * 80 + computeMs, 9);
    }
  });

  it('after an address change strongSwan reacts after 100 ms, then sends UPDATE_SA_ADDRESSES', () => {
    const result = analyzeScenario('ikev2', { event: 'network-change', rttMs: 40, ikev2: { mobikePathProbe: false } });
    expect(result.detection.meanMs).toBe(100);
    expect(message(result, 'INFORMATIONAL request: UPDATE_SA_ADDRESSES').sendMs).toBe(100);
    expect(result.totals.zeroLossMs).toBe(140);
  });
});

describe('encrypted IKEv2 message arithmetic', () => {
  it('rebuilds the measured PSK IKE_AUTH sizes from the inner payload lengths', () => {
    expect(encryptedIkeBytes(PSK_AUTH_REQUEST_INNER_BYTES)).toBe(PSK_AUTH_REQUEST_IKE_BYTES);
    expect(encryptedIkeBytes(PSK_AUTH_RESPONSE_INNER_BYTES)).toBe(PSK_AUTH_RESPONSE_IKE_BYTES);
  });

  it.each([
    { fragmentSize: 1280, onPort4500: true, chunk: 1183, source: 'strongSwan fragment_size 1280: first fragment 1248 UDP bytes' },
    { fragmentSize: 1280, onPort4500: false, chunk: 1183, source: 'without the marker 4 more bytes of room do not reach the next 16-byte block' },
    { fragmentSize: 576, onPort4500: true, chunk: 479, source: 'RFC 791 minimum datagram' },
  ])('largest fragment chunk at $fragmentSize bytes is $chunk ($source)', ({ fragmentSize, onPort4500, chunk }) => {
    expect(maxFragmentChunkBytes({ onPort4500, fragmentation: true, fragmentSize, pathMtu: 1500 })).toBe(chunk);
  });

  it('larger certificate chains need more fragments, each within the fragment size', () => {
    const result = analyzeScenario('ikev2', { ikev2: { auth: 'certificate', initiatorCertificateBytes: 4000 } });
    const request = message(result, 'IKE_AUTH request');
    expect(request.packets).toBe(4);
    expect(Math.max(...request.fragmentIpBytes)).toBeLessThanOrEqual(1280);
  });

  it('without RFC 7383 an oversized IKE_AUTH is split by IP fragmentation at the path MTU', () => {
    const result = analyzeScenario('ikev2', { ikev2: { auth: 'certificate', fragmentation: false } });
    const request = message(result, 'IKE_AUTH request');
    expect(request.packets).toBe(2);
    expect(request.fragmentIpBytes[0]).toBe(1500);
    // one UDP datagram: the IP header is repeated, the UDP header is not
    expect(request.ipBytes).toBe((request.udpPayloadBytes ?? 0) + UDP_AND_IP + 20);
  });

  it('ML-KEM-768 key share is fragmented, its ciphertext is not (FIPS 203: 1184 / 1088 bytes)', () => {
    const result = analyzeScenario('ikev2', { ikev2: { postQuantum: 'mlkem768' } });
    expect(message(result, 'IKE_INTERMEDIATE request').packets).toBe(2);
    expect(message(result, 'IKE_INTERMEDIATE response').packets).toBe(1);
  });
});

describe('IP and ESP framing', () => {
  it.each([
    { udp: 1000, mtu: 1500, packets: [1028], source: 'fits: IPv4 20 + UDP 8 + payload' },
    { udp: 1600, mtu: 1500, packets: [1500, 148], source: 'RFC 791: 1480 data bytes in the first fragment, the rest in the second' },
    { udp: 1472, mtu: 1500, packets: [1500], source: 'exactly the MTU' },
  ])('a $udp-byte UDP payload over MTU $mtu is $packets ($source)', ({ udp, mtu, packets }) => {
    expect(ipPacketsForUdp(udp, mtu)).toEqual(packets);
  });

  it.each([
    { l2tp: 20, suite: 'aes-cbc-sha1', nat: true, ip: 96, source: 'RFC 3602/2404/3948: 20 + 8 + 8 + 16 + pad16(8+20+2)=32 + 12' },
    { l2tp: 20, suite: 'aes-cbc-sha1', nat: false, ip: 88, source: 'ESP as IP protocol 50, no UDP' },
    { l2tp: 20, suite: 'aes-gcm-16', nat: true, ip: 92, source: 'RFC 4106: IV 8, ICV 16, pad to 4: 20 + 8 + 8 + 8 + 32 + 16' },
  ] as const)('$l2tp-byte L2TP message, $suite, NAT $nat: $ip IP bytes ($source)', ({ l2tp, suite, nat, ip }) => {
    const size = l2tpOverEsp(l2tp, suite, nat, 1500);
    expect(size.fragmentIpBytes).toEqual([ip]);
  });

  it('IKEv1 moves to port 4500 once a NAT is detected (RFC 3947 §4)', () => {
    const natted = analyzeScenario('l2tp', { nat: true });
    const direct = analyzeScenario('l2tp', { nat: false });
    expect(message(natted, 'Main Mode 5').udpPayloadBytes).toBe((message(direct, 'Main Mode 5').udpPayloadBytes ?? 0) + 4);
    expect(message(natted, 'Main Mode 3').udpPayloadBytes).toBe(message(direct, 'Main Mode 3').udpPayloadBytes);
    expect(message(direct, 'SCCRQ').udpPayloadBytes).toBeNull();
  });
});

describe('lifecycle traffic', () => {
  it.each([
    { nat: true, interval: 20, perHour: 180, source: 'strongSwan keep_alive 20 s; RFC 3948 §2.3 one-octet 0xFF payload' },
    { nat: false, interval: null, perHour: 0, source: 'no NAT, no keepalive' },
  ])('NAT-T keepalive with NAT $nat: every $interval s, $perHour per hour, 29 IP bytes ($source)', ({ nat, interval, perHour }) => {
    const traffic = lifecycleTraffic(resolveHandshakeInput({ nat }));
    const keepalive = traffic.ikev2.find((item) => item.name === 'NAT-T keepalive');
    expect(keepalive?.intervalS).toBe(interval);
    expect(keepalive?.ipBytesPerEvent).toBe(29);
    expect(keepalive?.messagesPerHour).toBe(perHour);
  });

  it('CHILD_SA rekeying is 4 messages an hour, IKE SA rekeying 1 an hour (swanctl 1 h / 4 h)', () => {
    const traffic = lifecycleTraffic(resolveHandshakeInput({}));
    expect(traffic.ikev2.find((i) => i.name.startsWith('CHILD_SA'))?.messagesPerHour).toBe(4);
    expect(traffic.ikev2.find((i) => i.name.startsWith('IKE SA'))?.messagesPerHour).toBe(1);
  });
});
