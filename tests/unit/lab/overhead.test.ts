// The overhead model against real packets: every record of the committed lab results
// tests/lab/results/esp-sizes.json and path-mtu.json (strongSwan 5.9.8 kernel-libipsec, measured by
// `npm run lab`; see tests/lab/README.md). No root needed: this reads the JSON only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxInnerPacket, packetSize, type IpVersion, type TunnelSpec } from '../../../src/lib/overhead';

interface LabFile<R> { scenario: string; strongswan: string; kernel: string; settings: unknown; records: R[] }
interface EspRecord { id: string; outer: IpVersion; proposal: string; inner?: number; outerBytes?: number; accepted?: boolean; reason?: string }
interface MtuRecord { id: string; outer: IpVersion; proposal: string; pathMtu: number; maxInner: number; outerAtMax: number }

const load = <R>(name: string): LabFile<R> =>
  JSON.parse(readFileSync(new URL(`../../lab/results/${name}.json`, import.meta.url), 'utf8')) as LabFile<R>;

const esp = load<EspRecord>('esp-sizes');
const mtu = load<MtuRecord>('path-mtu');
// kernel-libipsec always encapsulates ESP in UDP 4500 (its kernel_libipsec_ipsec.c requires it), inner IPv4.
const spec = (outer: IpVersion, proposal: string): TunnelSpec => ({ protocol: 'ikev2', outer, inner: 4, esp: proposal, encapsulation: 'udp' });

const sizes = esp.records.filter((r) => r.inner !== undefined);

describe('esp-sizes.json: outer size of every captured packet', () => {
  it('covers the 15 proposals libipsec accepts on both path families, 21 inner sizes each', () => {
    expect(new Set(sizes.map((r) => r.proposal)).size).toBe(15);
    expect(sizes.filter((r) => r.outer === 4)).toHaveLength(15 * 21);
    expect(sizes.filter((r) => r.outer === 6)).toHaveLength(15 * 21);
  });

  it.each(sizes.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(packetSize(spec(r.outer, r.proposal), r.inner!).outerBytes).toBe(r.outerBytes);
  });

  it('shows every padding length: over 16 consecutive inner sizes the outer size grows in steps of the pad block', () => {
    // Pad blocks per RFC 4303 §2.4 with the cipher block sizes: AES-CBC 16, 3DES 8, AEAD/CTR/NULL 4.
    const steps: Record<string, number> = { 'aes128-sha256': 16, '3des-sha1': 8, aes128gcm16: 4, 'null-sha256': 4 };
    for (const [proposal, step] of Object.entries(steps)) {
      const outers = sizes.filter((r) => r.outer === 4 && r.proposal === proposal && r.inner! >= 100 && r.inner! < 116).map((r) => r.outerBytes!);
      expect(outers, proposal).toHaveLength(16);
      const distinct = [...new Set(outers)];
      expect(distinct.length, proposal).toBeGreaterThan(1);
      for (let i = 1; i < distinct.length; i++) expect(distinct[i]! - distinct[i - 1]!, proposal).toBe(step);
    }
  });
});

describe('esp-sizes.json: proposals libipsec refuses', () => {
  it.each(esp.records.filter((r) => r.inner === undefined).map((r) => [r.id, r] as const))('%s is refused', (_id, r) => {
    expect(r.accepted).toBe(false);
  });
});

describe('path-mtu.json: largest inner packet that crossed unfragmented', () => {
  it('covers 4 proposals x 3 path MTUs on both families', () => {
    expect(mtu.records).toHaveLength(24);
  });

  it.each(mtu.records.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(maxInnerPacket(spec(r.outer, r.proposal), r.pathMtu)).toBe(r.maxInner);
    // The packet at the limit fit the path, and the model sizes it the same way.
    expect(r.outerAtMax).toBeLessThanOrEqual(r.pathMtu);
    expect(packetSize(spec(r.outer, r.proposal), r.maxInner).outerBytes).toBe(r.outerAtMax);
  });
});
