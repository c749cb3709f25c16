// Named presets used by the calculator and chapters: ids are a contract with other helpers.
import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_IDS, maxInnerPacket, mssClamp, packetSize, presetById } from '../../../src/lib/overhead';
import { references } from '../../../src/lib/references';

describe('presets', () => {
  it('has exactly the agreed ids, in order', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'ikev2-gcm', 'ikev2-cbc', 'ikev2-windows', 'ikev2-apple', 'l2tp-linux', 'l2tp-windows', 'wireguard', 'openvpn',
    ]);
    expect([...PRESET_IDS]).toEqual(PRESETS.map((p) => p.id));
  });

  it.each([
    { source: 'RFC 4106 §3.2: IKEv2 road warrior, AES-GCM-16, NAT-T at 1500: 1438 / MSS 1398', id: 'ikev2-gcm', maxInner: 1438, mss: 1398 },
    { source: 'RFC 4303 §2.4: IKEv2 road warrior, AES-CBC + SHA2-256-128, NAT-T at 1500: 1422 / MSS 1382', id: 'ikev2-cbc', maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA1-96 NAT-T gives the same 1422 as SHA2-256 (16-byte blocks)', id: 'ikev2-windows', maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §2.4: AES-CBC + SHA2-256-128, NAT-T', id: 'ikev2-apple', maxInner: 1422, mss: 1382 },
    { source: 'RFC 4303 §3.1.1: L2TP/IPsec (RFC 3193), AES-CBC + SHA1-96, L2TP 6, PPP 4, NAT-T: PPP MTU 1404 / MSS 1364', id: 'l2tp-linux', maxInner: 1404, mss: 1364 },
    { source: 'RFC 1661 §6.6: ACFC saves 2 bytes: X = 8 + 6 + 2 = 16 → 1424 - 2 - 16', id: 'l2tp-windows', maxInner: 1406, mss: 1366 },
    { source: 'linux-wireguard-device: 1500 - (20 + 8 + 32) = 1440 over IPv4', id: 'wireguard', maxInner: 1440, mss: 1400 },
    { source: 'openvpn-mtu: OpenVPN 2.6 AES-GCM over UDP/IPv4: 1500 - 52 = 1448', id: 'openvpn', maxInner: 1448, mss: 1408 },
  ])('$source ($id)', ({ id, maxInner, mss }) => {
    const preset = presetById(id);
    expect(maxInnerPacket(preset.spec, 1500)).toBe(maxInner);
    expect(mssClamp(preset.spec, 1500)).toBe(mss);
    expect(preset.label.length).toBeGreaterThan(5);
    expect(preset.description.length).toBeGreaterThan(20);
    expect(preset.source.length).toBeGreaterThan(20);
    expect(packetSize(preset.spec, 576).outerBytes).toBeGreaterThan(576);
  });

  it('marks the defaults no primary source confirmed', () => {
    for (const id of ['ikev2-apple', 'l2tp-linux', 'l2tp-windows']) expect(presetById(id).source).toContain('[unverified]');
    expect(presetById('l2tp-windows').source).toMatch(/L or S bit/);
  });

  it.each(PRESETS.map((p) => [p.id, p.source] as const))('%s cites what a reader can open, not research notes', (_id, source) => {
    expect(source).not.toMatch(/\b[\w-]+\.md\b/);
    const ids = new Set(references.map((r) => r.id));
    const named = [...source.matchAll(/\b([a-z0-9]+(?:-[a-z0-9]+)+)(?=:)/g)].map((m) => m[1]);
    for (const id of named) expect(ids, `${id} is not in src/lib/references.ts`).toContain(id);
    expect(named.length > 0 || /RFC \d+ §\d/.test(source)).toBe(true);
  });

  it('cannot be changed by a caller', () => {
    const preset = presetById('l2tp-windows');
    expect(Object.isFrozen(preset)).toBe(true);
    expect(Object.isFrozen(preset.spec)).toBe(true);
    expect(Object.isFrozen(preset.spec.ppp)).toBe(true);
    expect(Object.isFrozen(PRESETS)).toBe(true);
  });
});
