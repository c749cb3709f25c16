import { describe, expect, it } from 'vitest';
import { analyzeScenario, lifecycleTraffic, resolveHandshakeInput } from '../../../src/lib/handshake';
import type { ScenarioResult } from '../../../src/lib/handshake';
import { encryptedIkeBytes, maxFragmentChunkBytes } from '../../../src/lib/handshake/ikev2-sizes';
import { ipPacketsForUdp, l2tpOverEsp } from '../../../src/lib/handshake/wire';

const LAB = 'tests/lab/results/ike-sizes.json';

function message(result: ScenarioResult, name: string) {
  const found = result.messages.find((m) => m.name === name);
  if (!found) throw new Error(`no message ${name}`);
  return found;
}

function sizesOf(result: ScenarioResult) {
  return result.messages.map((m) => ({ name: m.name, ip: m.fragmentIpBytes, sizeSource: m.sizeSource }));
}

// IPv4 packet sizes a strongSwan 5.9.8 pair sent (IKE SA aes256-sha256, ESP aes128gcm16, PSK,
// identities of 18 octets), record by record. tests/unit/handshake/lab-sizes.test.ts reads the file.
describe('IKEv2 sizes measured in the lab', () => {
  it.each([
    { run: 'psk-modp2048', input: {}, ip: [[492], [500], [352], [288]], source: `${LAB}: psk-modp2048 01-04` },
    { run: 'psk-modp3072', input: { keyExchange: 'modp3072' }, ip: [[620], [628], [352], [288]], source: `${LAB}: psk-modp3072 01-04` },
    { run: 'psk-ecp256', input: { keyExchange: 'ecp256' }, ip: [[300], [308], [352], [288]], source: `${LAB}: psk-ecp256 01-04` },
    { run: 'psk-x25519', input: { keyExchange: 'x25519' }, ip: [[268], [276], [352], [288]], source: `${LAB}: psk-x25519 01-04` },
    { run: 'rsa2048', input: { ikev2: { auth: 'certificate' } }, ip: [[492], [525], [1268, 228], [1268, 132]], source: `${LAB}: rsa2048 01-04 (RFC 7383 fragments)` },
  ])('$run: every message is the lab\'s size, labelled measured ($source)', ({ input, ip }) => {
    const result = analyzeScenario('ikev2', input);
    expect(sizesOf(result).map((m) => m.ip)).toEqual(ip);
    expect(sizesOf(result).every((m) => m.sizeSource === 'measured')).toBe(true);
  });

  it(`EAP-MSCHAPv2: 12 messages of the lab's sizes (${LAB}: eap-mschapv2 01-12)`, () => {
    const result = analyzeScenario('ikev2', { ikev2: { auth: 'eap-mschapv2' } });
    expect(result.messages.map((m) => m.ipBytes)).toEqual([492, 525, 336, 1200, 112, 144, 176, 176, 112, 112, 144, 256]);
  });

  it(`the PSK connection totals 844 bytes client to gateway and 788 back (${LAB}: psk-modp2048 01-04)`, () => {
    const result = analyzeScenario('ikev2', {});
    const sum = (direction: string) => result.messages.filter((m) => m.direction === direction).reduce((a, m) => a + m.ipBytes, 0);
    expect([sum('initiator-to-responder'), sum('responder-to-initiator')]).toEqual([844, 788]);
  });

  it(`IKE_AUTH carries the payloads the lab logged: no CP, MOBIKE and address notifies (${LAB}: psk-modp2048 03-04)`, () => {
    const result = analyzeScenario('ikev2', {});
    const request = message(result, 'IKE_AUTH request').payloads;
    expect(request).not.toContain('CP(');
    expect(request).toContain('N(INIT_CONTACT)');
    expect(request).toContain('N(MOBIKE_SUP), N(ADD_6_ADDR), N(MULT_AUTH), N(EAP_ONLY), N(MSG_ID_SYN_SUP)');
    expect(message(result, 'IKE_AUTH response').payloads).toBe('HDR, SK {IDr, AUTH, SAr2, TSi, TSr, N(MOBIKE_SUP), N(ADD_6_ADDR)}'); // lab log [ IDr AUTH SA TSi TSr N(MOBIKE_SUP) N(ADD_6_ADDR) ]
  });

  it(`MOBIKE after an address change: probe 112/112, update 208, response 192 IP bytes (${LAB}: mobike 09-12)`, () => {
    const result = analyzeScenario('ikev2', { event: 'network-change' });
    expect(sizesOf(result)).toEqual([
      { name: 'INFORMATIONAL request: path probe', ip: [112], sizeSource: 'measured' },
      { name: 'INFORMATIONAL response', ip: [112], sizeSource: 'measured' },
      { name: 'INFORMATIONAL request: UPDATE_SA_ADDRESSES', ip: [208], sizeSource: 'measured' },
      { name: 'INFORMATIONAL response', ip: [192], sizeSource: 'measured' },
    ]);
  });

  it(`without MOBIKE and deleting first (strongSwan 5.9): Delete on UDP 500, then a new IKE SA; only IKE_SA_INIT was measured (${LAB}: psk-modp2048 01-02; RFC 7296 §3 arithmetic for the rest)`, () => {
    const result = analyzeScenario('ikev2', { event: 'network-change', ikev2: { mobike: false, reauthDeletesFirst: true } });
    expect(sizesOf(result).map((m) => [m.ip, m.sizeSource])).toEqual([
      [[108], 'estimated'],
      [[108], 'estimated'],
      [[492], 'measured'],
      [[500], 'measured'],
      [[320], 'estimated'],
      [[256], 'estimated'],
    ]);
  });

  it('time to establish with PSK is 2 RTT plus the 2-20 ms of computation (lab §4.4: 2 x RTT + 2-20 ms)', () => {
    for (const computeMs of [2, 11, 20]) {
      const result = analyzeScenario('ikev2', { rttMs: 80, computeMs });
      expect(result.totals.zeroLossMs).toBeCloseTo(2 * 80 + computeMs, 9);
    }
  });

  it('after an address change strongSwan reacts after 100 ms, then sends UPDATE_SA_ADDRESSES (strongSwan 5.9.8 kernel-netlink ROAM_DELAY 100)', () => {
    const result = analyzeScenario('ikev2', { event: 'network-change', rttMs: 40, ikev2: { mobikePathProbe: false } });
    expect(result.detection.meanMs).toBe(100);
    expect(message(result, 'INFORMATIONAL request: UPDATE_SA_ADDRESSES').sendMs).toBe(100);
    expect(result.totals.zeroLossMs).toBe(140);
  });
});

describe('what is not measured says so, with the reason', () => {
  it.each([
    { input: { keyExchange: 'ecp384' }, name: 'IKE_SA_INIT request', why: /key-exchange data/, source: 'RFC 5903 §7: only the KE length differs from a measured group' },
    { input: { ikev2: { auth: 'eap-tls' } }, name: 'IKE_AUTH request (no AUTH: EAP)', why: /EAP-MSCHAPv2 only/, source: `${LAB}: the lab ran EAP-MSCHAPv2 only` },
    { input: { ikev2: { auth: 'certificate', initiatorCertificateBytes: 1400 } }, name: 'IKE_AUTH request', why: /no lab run/, source: `${LAB}: the lab used one certificate size (rsa2048)` },
    { input: { ikev2: { postQuantum: 'mlkem768' } }, name: 'IKE_INTERMEDIATE request', why: /no ML-KEM/, source: 'RFC 9370 §2.2: an additional key exchange; strongSwan 5.9.8 has no ML-KEM (strongswan-news)' },
  ])('$name with $input is estimated ($source)', ({ input, name, why }) => {
    const m = message(analyzeScenario('ikev2', input), name);
    expect(m.sizeSource).toBe('estimated');
    expect(m.sizeNote).toMatch(why);
  });

  it('measured sizes name the lab run they come from', () => {
    expect(message(analyzeScenario('ikev2', {}), 'IKE_AUTH request').sizeNote).toBe('strongSwan 5.9.8 lab, psk-modp2048');
  });
});

// ISAKMP lengths + 28 on port 500, + 32 on port 4500 (NAT-T).
describe('IKEv1 sizes measured in the lab', () => {
  it(`Main Mode and Quick Mode 3 behind a NAT are the lab's; Quick Mode 1/2 add NAT-OA to the lab's tunnel-mode ones (${LAB}: ikev1-psk-l2tp 01-09)`, () => {
    const result = analyzeScenario('l2tp', {});
    const ikev1 = sizesOf(result).filter((m) => /Mode/.test(m.name));
    expect(ikev1).toEqual([
      { name: 'Main Mode 1', ip: [208], sizeSource: 'measured' },
      { name: 'Main Mode 2', ip: [188], sizeSource: 'measured' },
      { name: 'Main Mode 3', ip: [400], sizeSource: 'measured' },
      { name: 'Main Mode 4', ip: [400], sizeSource: 'measured' },
      { name: 'Main Mode 5', ip: [140], sizeSource: 'measured' },
      { name: 'Main Mode 6', ip: [124], sizeSource: 'measured' },
      { name: 'Quick Mode 1', ip: [236], sizeSource: 'estimated' }, // 28 + pad16(140 + 24 NAT-OA) 176 + 32
      { name: 'Quick Mode 2', ip: [236], sizeSource: 'estimated' },
      { name: 'Quick Mode 3', ip: [92], sizeSource: 'measured' },
    ]);
  });

  it('Aggressive Mode is the measured Main Mode payloads in three messages (RFC 2409 §5.4), estimated', () => {
    const result = analyzeScenario('l2tp', { l2tp: { phase1: 'aggressive' } });
    const aggressive = sizesOf(result).filter((m) => m.name.startsWith('Aggressive Mode'));
    expect(aggressive).toEqual([
      { name: 'Aggressive Mode 1', ip: [530], sizeSource: 'estimated' }, // 28 + SA and vendor IDs 152 + KE 260 + Ni 36 + ID 26, + 28
      { name: 'Aggressive Mode 2', ip: [582], sizeSource: 'estimated' }, // 28 + 132 + 260 + 36 + 26 + HASH 24 + NAT-D 48, + 28
      { name: 'Aggressive Mode 3', ip: [140], sizeSource: 'estimated' }, // 28 + pad16(HASH 24 + NAT-D 48) 80, + 32
    ]);
  });

  it(`Main Mode 1 carries the vendor IDs that negotiate NAT-T (RFC 3947 §3.1; ${LAB}: ikev1-psk-l2tp 01 [ SA V V V V V ])`, () => {
    expect(message(analyzeScenario('l2tp', {}), 'Main Mode 1').payloads).toMatch(/^HDR, SA, V, V, V, V, V/);
  });

  it('without a NAT the lab\'s messages stay on port 500 and are labelled estimated (the lab always used NAT-T)', () => {
    const result = analyzeScenario('l2tp', { nat: false });
    expect(message(result, 'Main Mode 5')).toMatchObject({ ipBytes: 136, sizeSource: 'estimated' });
    expect(message(result, 'Main Mode 1')).toMatchObject({ ipBytes: 208, sizeSource: 'measured' });
  });

  it('L2TP and PPP messages are estimated: transport mode and PPP could not run in the lab', () => {
    const result = analyzeScenario('l2tp', {});
    for (const m of result.messages.filter((m) => m.layer === 'L2TP' || m.layer === 'PPP')) {
      expect(m.sizeSource).toBe('estimated');
      expect(m.sizeNote).toMatch(m.layer === 'PPP' ? /no \/dev\/ppp/ : /transport-mode ESP/);
    }
  });
});

describe('encrypted IKEv2 message arithmetic (RFC 7296 §3.14, AES-CBC with HMAC-SHA2-256-128)', () => {
  it.each([
    { inner: 0, ike: 80, source: `${LAB}: the empty INFORMATIONAL (path probe, Delete response) is 80 IKE bytes` },
    { inner: 15, ike: 80, source: 'RFC 7296 §3.14: 15 octets + Pad Length fill one 16-octet block' },
    { inner: 16, ike: 96, source: 'RFC 7296 §3.14: 16 octets + Pad Length need a second block' },
    { inner: 8, ike: 80, source: `${LAB}: Delete of the IKE SA (8-octet payload) is 80 IKE bytes` },
  ])('$inner octets of payloads make $ike IKE bytes ($source)', ({ inner, ike }) => {
    expect(encryptedIkeBytes(inner)).toBe(ike);
  });

  it.each([
    { fragmentSize: 1280, onPort4500: true, chunk: 1167, source: `${LAB}: v2_rsa2048 first fragment 1248 UDP bytes = 1236 IKE = 28 + 8 + 16 + 1168 + 16` },
    { fragmentSize: 1280, onPort4500: false, chunk: 1183, source: 'RFC 3948 §2.2: on port 500 there is no 4-byte non-ESP marker, which leaves room for one more 16-byte block' },
    { fragmentSize: 576, onPort4500: true, chunk: 463, source: 'RFC 791 §3.1: minimum datagram 576: 544 IKE bytes less 68 of header, IV and ICV leave 476, 464 in whole blocks' },
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
    const result = analyzeScenario('ikev2', { ikev2: { auth: 'certificate', fragmentation: false, initiatorCertificateBytes: 1400 } });
    const request = message(result, 'IKE_AUTH request');
    expect(request.packets).toBe(2);
    expect(request.fragmentIpBytes[0]).toBe(1500);
    // one UDP datagram: the IP header is repeated, the UDP header is not
    expect(request.ipBytes).toBe((request.udpPayloadBytes ?? 0) + 28 + 20);
  });

  it('ML-KEM-768 key share is fragmented, its ciphertext is not (FIPS 203: 1184 / 1088 bytes)', () => {
    const result = analyzeScenario('ikev2', { ikev2: { postQuantum: 'mlkem768' } });
    expect(message(result, 'IKE_INTERMEDIATE request').packets).toBe(2);
    expect(message(result, 'IKE_INTERMEDIATE response').packets).toBe(1);
  });
});

describe('IP and ESP framing', () => {
  it.each([
    { udp: 1000, mtu: 1500, packets: [1028], source: 'RFC 791 §3.1: fits: IPv4 20 + UDP 8 + payload' },
    { udp: 1600, mtu: 1500, packets: [1500, 148], source: 'RFC 791 §3.2: 1480 data bytes in the first fragment, the rest in the second' },
    { udp: 1472, mtu: 1500, packets: [1500], source: 'RFC 791 §3.1: exactly the MTU, not fragmented' },
  ])('a $udp-byte UDP payload over MTU $mtu is $packets ($source)', ({ udp, mtu, packets }) => {
    expect(ipPacketsForUdp(udp, mtu)).toEqual(packets);
  });

  it.each([
    { l2tp: 20, suite: 'aes-cbc-sha1', nat: true, ip: 96, source: 'RFC 4303 §2.4: 20 + 8 + 8 + 16 + pad16(8+20+2)=32 + 12 (RFC 3602, RFC 2404, RFC 3948)' },
    { l2tp: 20, suite: 'aes-cbc-sha1', nat: false, ip: 88, source: 'RFC 4303 §2: ESP as IP protocol 50, no UDP' },
    { l2tp: 20, suite: 'aes-gcm-16', nat: true, ip: 92, source: 'RFC 4106 §3.2: IV 8, ICV 16, pad to 4: 20 + 8 + 8 + 8 + 32 + 16' },
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
    { nat: true, interval: 20, perHour: 180, source: 'RFC 3948 §2.3: one-octet 0xFF payload; strongswan-conf keep_alive 20 s' },
    { nat: false, interval: null, perHour: 0, source: 'RFC 3948 §2.3: keepalives only behind a NAT' },
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

describe('lifecycle messages the lab measured (IKE aes256-sha256-modp2048, real NAT, IP bytes)', () => {
  const ikev2 = lifecycleTraffic(resolveHandshakeInput({})).ikev2;
  it.each([
    { name: 'Liveness check (DPD)', ip: 320, source: 'strongswan/strongswan src/libcharon/sa/ikev2/tasks/ike_mobike.c@3b902ea5: behind a NAT dpd() adds N(NATD_S_IP) N(NATD_D_IP): 28 + 4 + 16 + pad16(56) 64 + 16 = 128, + 32' },
    { name: 'IKE SA rekey (CREATE_CHILD_SA + Delete)', ip: 464 + 464 + 112 + 112, source: `${LAB}: psk-modp2048 09-12` },
  ])('$name: $ip bytes per event ($source)', ({ name, ip }) => {
    expect(ikev2.find((item) => item.name === name)?.ipBytesPerEvent).toBe(ip);
  });

  it(`without a NAT a liveness check is an empty INFORMATIONAL each way, 112 IP bytes on port 4500 (${LAB}: dpd 05-06)`, () => {
    const dpd = lifecycleTraffic(resolveHandshakeInput({ nat: false })).ikev2.find((item) => item.name === 'Liveness check (DPD)');
    expect(dpd?.ipBytesPerEvent).toBe(112 + 112);
  });
});
