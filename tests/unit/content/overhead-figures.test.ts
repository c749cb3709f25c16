import { describe, expect, it } from 'vitest';
import { figureValue, formatFigure, type Figure, type FigureRequest } from '../../../src/lib/content/overhead-figures';

describe('figures the chapters quote', () => {
  it.each<[Figure, FigureRequest, string, string]>([
    ['maxInner', { preset: 'ikev2-gcm', mtu: 1500 }, '1438', 'overhead.md §9 IKEv2 road-warrior preset'],
    ['mss', { preset: 'ikev2-gcm', mtu: 1500 }, '1398', 'overhead.md §9'],
    ['maxInner', { preset: 'ikev2-cbc', mtu: 1500 }, '1422', 'overhead.md §9 CBC/SHA2 alternative'],
    ['mss', { preset: 'l2tp-linux', mtu: 1500 }, '1364', 'overhead.md §9 L2TP/IPsec preset'],
    ['maxInner', { preset: 'wireguard', mtu: 1500 }, '1440', 'overhead.md §5.1 / encapcalc: 1500 − 60'],
    ['maxInner', { preset: 'openvpn', mtu: 1500 }, '1448', 'overhead.md §6.3 row F'],
    ['imix', { preset: 'ikev2-gcm', mtu: 1500 }, '84.0 %', 'overhead.md §6.3 row A clamped: 4022/4788'],
    ['imix', { preset: 'l2tp-linux', mtu: 1500, spec: { esp: 'aes128-sha1' } }, '78.6 %', 'overhead.md §6.3 row C clamped: 3988/5072'],
    ['overhead', { preset: 'ikev2-gcm', inner: 1400, spec: { encapsulation: 'none' } }, '56', 'facts.md §5.1 AES-GCM-16 without NAT-T'],
    ['outer', { preset: 'ikev2-gcm', inner: 40 }, '104', 'overhead.md §6.3 row A, L=40'],
    ['padding', { preset: 'ikev2-cbc', inner: 1400 }, '6', 'RFC 4303 §2.4: 1400 + 2 = 1402, padded to 1408 (16-byte blocks)'],
  ])('%s of %j is %s (%s)', (figure, request, expected) => {
    expect(formatFigure(figure, figureValue(figure, request))).toBe(expected);
  });

  it('refuses a figure without the input it needs', () => {
    expect(() => figureValue('overhead', { preset: 'ikev2-gcm', mtu: 1500 })).toThrow(/needs the inner prop/);
    expect(() => figureValue('mss', { preset: 'ikev2-gcm' })).toThrow(/needs the mtu prop/);
  });

  it('refuses an unknown preset', () => {
    expect(() => figureValue('mss', { preset: 'pptp', mtu: 1500 })).toThrow();
  });
});
