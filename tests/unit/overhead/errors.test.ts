// Every refused input throws a ModelError that names the field (design.md, "Bad input").
import { describe, expect, it } from 'vitest';
import {
  ModelError,
  maxInnerPacket,
  mixEfficiency,
  mssClamp,
  packetSize,
  presetById,
  SIMPLE_IMIX,
  type TunnelSpec,
} from '../../../src/lib/overhead';

const gcm: TunnelSpec = { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256gcm16' };
const l2tp: TunnelSpec = { protocol: 'l2tp', outer: 4, inner: 4, esp: 'aes256-sha1' };
const wg: TunnelSpec = { protocol: 'wireguard', outer: 4, inner: 4 };
const ovpn: TunnelSpec = { protocol: 'openvpn', outer: 4, inner: 4 };
const tcp: TunnelSpec = { ...gcm, encapsulation: 'tcp' };
const bad = (value: unknown) => value as never;

function caught(run: () => unknown): ModelError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toBeInstanceOf(Error);
    return error as ModelError;
  }
  throw new Error('expected a ModelError, got a result');
}

describe('refused TunnelSpec fields', () => {
  it.each([
    { case: 'spec must be an object', spec: bad(null), field: 'spec' },
    { case: 'spec must be an object', spec: bad(undefined), field: 'spec' },
    { case: 'spec must be an object, not an array', spec: bad([gcm]), field: 'spec' },
    { case: 'spec must be an object', spec: bad('ikev2'), field: 'spec' },
    { case: 'unknown protocol', spec: { ...gcm, protocol: bad('gre') }, field: 'protocol' },
    { case: 'protocols are lower-case ids', spec: { ...gcm, protocol: bad('IKEv2') }, field: 'protocol' },
    { case: 'missing protocol', spec: { ...gcm, protocol: bad(undefined) }, field: 'protocol' },
    { case: 'unknown outer family', spec: { ...gcm, outer: bad(5) }, field: 'outer' },
    { case: 'family as a string is not a family', spec: { ...gcm, outer: bad('4') }, field: 'outer' },
    { case: 'NaN family', spec: { ...gcm, outer: bad(Number.NaN) }, field: 'outer' },
    { case: 'unknown inner family', spec: { ...gcm, inner: bad(0) }, field: 'inner' },
    { case: 'IKEv2 needs an ESP proposal', spec: { ...gcm, esp: undefined }, field: 'esp' },
    { case: 'L2TP/IPsec needs an ESP proposal', spec: { ...l2tp, esp: undefined }, field: 'esp' },
    { case: 'unknown ESP token', spec: { ...gcm, esp: 'aes129' }, field: 'esp' },
    { case: 'AEAD with integrity', spec: { ...gcm, esp: 'aes256gcm16-sha1' }, field: 'esp' },
    { case: 'unknown encapsulation', spec: { ...gcm, encapsulation: bad('nat-t') }, field: 'encapsulation' },
    { case: "'none' is ESP-only: invalid for WireGuard", spec: { ...wg, encapsulation: 'none' as const }, field: 'encapsulation' },
    { case: 'WireGuard runs over UDP only', spec: { ...wg, encapsulation: 'tcp' as const }, field: 'encapsulation' },
    { case: "'none' is invalid for OpenVPN", spec: { ...ovpn, encapsulation: 'none' as const }, field: 'encapsulation' },
    { case: 'TCP options: negative', spec: { ...tcp, tcpOptionBytes: -4 }, field: 'tcpOptionBytes' },
    { case: 'TCP options: above 40 (RFC 9293 data offset)', spec: { ...tcp, tcpOptionBytes: 44 }, field: 'tcpOptionBytes' },
    { case: 'TCP options: not a multiple of 4', spec: { ...tcp, tcpOptionBytes: 10 }, field: 'tcpOptionBytes' },
    { case: 'TCP options: fraction', spec: { ...tcp, tcpOptionBytes: 4.5 }, field: 'tcpOptionBytes' },
    { case: 'TCP options: NaN', spec: { ...tcp, tcpOptionBytes: Number.NaN }, field: 'tcpOptionBytes' },
    { case: 'TCP options: string', spec: { ...tcp, tcpOptionBytes: bad('12') }, field: 'tcpOptionBytes' },
    { case: 'OpenVPN over TCP checks options too', spec: { ...ovpn, encapsulation: 'tcp' as const, tcpOptionBytes: 41 }, field: 'tcpOptionBytes' },
    { case: 'l2tp must be an object', spec: { ...l2tp, l2tp: bad('yes') }, field: 'l2tp' },
    { case: 'l2tp must not be null', spec: { ...l2tp, l2tp: bad(null) }, field: 'l2tp' },
    { case: 'l2tp.length must be boolean', spec: { ...l2tp, l2tp: bad({ length: 1 }) }, field: 'l2tp.length' },
    { case: 'l2tp.sequence must be boolean', spec: { ...l2tp, l2tp: bad({ sequence: 'true' }) }, field: 'l2tp.sequence' },
    { case: 'ppp must be an object', spec: { ...l2tp, ppp: bad(4) }, field: 'ppp' },
    { case: 'ppp.acfc must be boolean', spec: { ...l2tp, ppp: bad({ acfc: 'no' }) }, field: 'ppp.acfc' },
    { case: 'ppp.pfc must be boolean', spec: { ...l2tp, ppp: bad({ pfc: 0 }) }, field: 'ppp.pfc' },
    { case: 'wireguardMtu: fraction', spec: { ...wg, wireguardMtu: 1420.5 }, field: 'wireguardMtu' },
    { case: 'wireguardMtu: below the inner IPv4 header', spec: { ...wg, wireguardMtu: 19 }, field: 'wireguardMtu' },
    { case: 'wireguardMtu: below the inner IPv6 header', spec: { ...wg, inner: 6 as const, wireguardMtu: 39 }, field: 'wireguardMtu' },
    { case: 'wireguardMtu: above 65535', spec: { ...wg, wireguardMtu: 65536 }, field: 'wireguardMtu' },
    { case: 'wireguardMtu: Infinity', spec: { ...wg, wireguardMtu: Number.POSITIVE_INFINITY }, field: 'wireguardMtu' },
    { case: 'wireguardMtu: string', spec: { ...wg, wireguardMtu: bad('1420') }, field: 'wireguardMtu' },
  ])('$case ($field)', ({ spec, field }) => {
    const error = caught(() => packetSize(spec, 100));
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(20);
    // The same spec is refused the same way by every entry point.
    expect(caught(() => maxInnerPacket(spec, 1500)).field).toBe(field);
    expect(caught(() => mssClamp(spec, 1500)).field).toBe(field);
  });

  it('lists the allowed values for closed choices', () => {
    expect(caught(() => packetSize({ ...gcm, protocol: bad('gre') }, 100)).allowed).toEqual(['ikev2', 'l2tp', 'wireguard', 'openvpn']);
    expect(caught(() => packetSize({ ...gcm, outer: bad(5) }, 100)).allowed).toEqual(['4', '6']);
    expect(caught(() => packetSize({ ...wg, encapsulation: 'tcp' }, 100)).allowed).toEqual(['udp']);
  });
});

describe('fields that do not change the result are ignored (documented on TunnelSpec)', () => {
  it.each([
    { case: 'esp is not used by WireGuard', spec: { ...wg, esp: 'not a proposal' } },
    { case: 'esp is not used by OpenVPN', spec: { ...ovpn, esp: bad(42) } },
    { case: 'l2tp/ppp are not used by IKEv2', spec: { ...gcm, l2tp: bad('x'), ppp: bad(null) } },
    { case: 'tcpOptionBytes is not used over UDP', spec: { ...gcm, tcpOptionBytes: Number.NaN } },
    { case: 'wireguardMtu is not used by IKEv2', spec: { ...gcm, wireguardMtu: -1 } },
  ])('$case', ({ spec }) => {
    expect(Number.isInteger(packetSize(spec, 100).outerBytes)).toBe(true);
  });
});

describe('refused sizes', () => {
  it.each([
    { case: 'inner packet smaller than its IPv4 header', spec: gcm, inner: 19 },
    { case: 'inner packet smaller than its IPv6 header', spec: { ...gcm, inner: 6 as const }, inner: 39 },
    { case: 'inner packet above 65535', spec: gcm, inner: 65536 },
    { case: 'negative', spec: gcm, inner: -1 },
    { case: 'zero', spec: gcm, inner: 0 },
    { case: 'NaN', spec: gcm, inner: Number.NaN },
    { case: 'Infinity', spec: gcm, inner: Number.POSITIVE_INFINITY },
    { case: 'fraction', spec: gcm, inner: 100.5 },
    { case: 'string', spec: gcm, inner: bad('100') },
    { case: 'null', spec: gcm, inner: bad(null) },
    { case: 'bigint', spec: gcm, inner: bad(100n) },
    { case: 'larger than the WireGuard interface MTU (default 1420)', spec: wg, inner: 1421 },
    { case: 'larger than an explicit WireGuard MTU', spec: { ...wg, wireguardMtu: 1280 }, inner: 1281 },
    { case: 'outer IPv4 packet above 65535 (RFC 791 Total Length)', spec: gcm, inner: 65535 },
    { case: 'outer IPv4 packet above 65535, OpenVPN', spec: ovpn, inner: 65500 },
    { case: 'outer IPv4 packet above 65535, WireGuard with a 65535 MTU', spec: { ...wg, wireguardMtu: 65535 }, inner: 65480 },
  ])('packetSize: $case', ({ spec, inner }) => {
    expect(caught(() => packetSize(spec, inner)).field).toBe('innerBytes');
  });

  it('RFC 8200 §3: an IPv6 outer packet may reach 65575, so an inner size refused over IPv4 fits over IPv6', () => {
    expect(caught(() => packetSize({ ...gcm, outer: 4 }, 65480)).field).toBe('innerBytes');
    expect(packetSize({ ...gcm, outer: 6 }, 65480).outerBytes).toBe(65480 + 84);
    expect(caught(() => packetSize({ ...gcm, outer: 6 }, 65535)).message).toContain('65575 bytes');
    expect(caught(() => packetSize({ ...gcm, outer: 4 }, 65471)).message).toContain('the largest inner packet is 65470');
    expect(packetSize({ ...gcm, outer: 4 }, 65470).outerBytes).toBe(65532);
  });

  it.each([
    { case: 'zero', pathMtu: 0 },
    { case: 'negative', pathMtu: -1500 },
    { case: 'above 65535', pathMtu: 65536 },
    { case: 'NaN', pathMtu: Number.NaN },
    { case: 'Infinity', pathMtu: Number.POSITIVE_INFINITY },
    { case: 'fraction', pathMtu: 1500.5 },
    { case: 'string', pathMtu: bad('1500') },
    { case: 'GCM NAT-T: 83 bytes leave 18 < 20 for the inner packet', pathMtu: 83 },
  ])('maxInnerPacket: path MTU $case', ({ pathMtu }) => {
    expect(caught(() => maxInnerPacket(gcm, pathMtu)).field).toBe('pathMtu');
  });

  it.each([
    { case: 'GCM NAT-T: 84 is the smallest path MTU (inner 22)', spec: gcm, pathMtu: 84, maxInner: 22 },
    { case: 'WireGuard IPv4: 80 carries a 20-byte inner packet', spec: wg, pathMtu: 80, maxInner: 20 },
    { case: 'OpenVPN UDP IPv4: 72 carries a 20-byte inner packet', spec: ovpn, pathMtu: 72, maxInner: 20 },
  ])('maxInnerPacket boundary: $case', ({ spec, pathMtu, maxInner }) => {
    expect(maxInnerPacket(spec, pathMtu)).toBe(maxInner);
    expect(caught(() => maxInnerPacket(spec, pathMtu - 1)).field).toBe('pathMtu');
  });

  it.each([
    { case: 'GCM NAT-T, 100-byte path: tunnel MTU 38, no room for IPv4 + TCP (40)', spec: gcm, pathMtu: 100 },
    { case: 'IPv6 inside: tunnel MTU 58 at 120, IPv6 + TCP take 60', spec: { ...gcm, inner: 6 as const }, pathMtu: 120 },
    { case: 'WireGuard IPv4 at 100: tunnel MTU 40, MSS would be 0', spec: wg, pathMtu: 100 },
  ])('mssClamp: $case', ({ spec, pathMtu }) => {
    expect(caught(() => mssClamp(spec, pathMtu)).field).toBe('pathMtu');
  });

  it('mssClamp boundary: WireGuard IPv4 at 101 gives MSS 1', () => {
    expect(mssClamp(wg, 101)).toBe(1);
  });
});

describe('refused helper arguments', () => {
  it.each([
    { case: 'empty mix', run: () => mixEfficiency(gcm, { ...SIMPLE_IMIX, entries: [] }), field: 'mix' },
    { case: 'mix without entries', run: () => mixEfficiency(gcm, bad({ id: 'x' })), field: 'mix' },
    { case: 'zero weight', run: () => mixEfficiency(gcm, { ...SIMPLE_IMIX, entries: [{ bytes: 40, weight: 0 }] }), field: 'mix' },
    { case: 'fractional weight', run: () => mixEfficiency(gcm, { ...SIMPLE_IMIX, entries: [{ bytes: 40, weight: 0.5 }] }), field: 'mix' },
    { case: 'packet smaller than an IP header', run: () => mixEfficiency(gcm, { ...SIMPLE_IMIX, entries: [{ bytes: 10, weight: 1 }] }), field: 'mix' },
    { case: 'WireGuard 1500-byte IMIX packet above the 1420 MTU, unclamped', run: () => mixEfficiency(wg), field: 'mix' },
    { case: 'ethernetL1 must be boolean', run: () => mixEfficiency(gcm, SIMPLE_IMIX, { ethernetL1: bad('yes') }), field: 'ethernetL1' },
    { case: 'bad path MTU for the clamp', run: () => mixEfficiency(gcm, SIMPLE_IMIX, { pathMtu: 1500.5 }), field: 'pathMtu' },
    { case: 'unknown preset id', run: () => presetById('ikev1'), field: 'preset' },
    { case: 'mix options must be an object', run: () => mixEfficiency(gcm, SIMPLE_IMIX, bad(null)), field: 'options' },
  ])('$case', ({ run, field }) => {
    expect(caught(run).field).toBe(field);
  });
});
