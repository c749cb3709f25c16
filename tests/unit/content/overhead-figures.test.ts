import { describe, expect, it } from 'vitest';
import { figureValue, formatFigure, type Figure, type FigureRequest } from '../../../src/lib/content/overhead-figures';

describe('figures the chapters quote', () => {
  it.each<{ figure: Figure; request: FigureRequest; expected: string; source: string }>([
    { figure: 'maxInner', request: { preset: 'ikev2-gcm', mtu: 1500 }, expected: '1438', source: 'RFC 4106 §3.2: IKEv2 road warrior, AES-GCM-16, NAT-T' },
    { figure: 'mss', request: { preset: 'ikev2-gcm', mtu: 1500 }, expected: '1398', source: 'RFC 4106 §3.2: 1438 - 40 (iptables-tcpmss)' },
    { figure: 'maxInner', request: { preset: 'ikev2-cbc', mtu: 1500 }, expected: '1422', source: 'RFC 4303 §2.4: AES-CBC + SHA2-256-128, NAT-T' },
    { figure: 'mss', request: { preset: 'l2tp-linux', mtu: 1500 }, expected: '1364', source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193), L2TP 6, PPP 4: 1404 - 40' },
    { figure: 'maxInner', request: { preset: 'wireguard', mtu: 1500 }, expected: '1440', source: 'linux-wireguard-device: 1500 − 60 over IPv4' },
    { figure: 'maxInner', request: { preset: 'openvpn', mtu: 1500 }, expected: '1448', source: 'openvpn-mtu: 1500 − 52' },
    { figure: 'imix', request: { preset: 'ikev2-gcm', mtu: 1500 }, expected: '84.0 %', source: 'RFC 4106 §3.2: Simple IMIX clamped, 4022/4788' },
    { figure: 'imix', request: { preset: 'l2tp-linux', mtu: 1500, spec: { esp: 'aes128-sha1' } }, expected: '78.6 %', source: 'RFC 4303 §2.4: L2TP/IPsec AES-CBC + SHA1-96, Simple IMIX clamped, 3988/5072' },
    { figure: 'overhead', request: { preset: 'ikev2-gcm', inner: 1400, spec: { encapsulation: 'none' } }, expected: '56', source: 'RFC 4106 §3.2: AES-GCM-16 without NAT-T, 20 + 8 + 8 + 2 + 2 + 16' },
    { figure: 'outer', request: { preset: 'ikev2-gcm', inner: 40 }, expected: '104', source: 'RFC 4106 §3.2: 40 → 20 + 8 + 8 + 8 + 44 + 16' },
    { figure: 'padding', request: { preset: 'ikev2-cbc', inner: 1400 }, expected: '6', source: 'RFC 4303 §2.4: 1400 + 2 = 1402, padded to 1408 (16-byte blocks)' },
  ])('$figure of $request is $expected ($source)', ({ figure, request, expected }) => {
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
