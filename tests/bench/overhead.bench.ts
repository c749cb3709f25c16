// npm run bench: operations per second of the overhead model. A benchmark, not a test:
// nothing here passes or fails on timing. A calculator recomputes a whole chart, about
// 1500 sizes for each of 4 protocols, on every keystroke.
import { test } from 'vitest';
import {
  compileTunnel,
  maxInnerPacket,
  mixEfficiency,
  mssClamp,
  packetSize,
  presetById,
  type TunnelSpec,
} from '../../src/lib/overhead';

const ikev2 = presetById('ikev2-gcm').spec;
const l2tp = presetById('l2tp-linux').spec;
const chartSpecs: TunnelSpec[] = [
  ikev2,
  l2tp,
  { ...presetById('wireguard').spec, wireguardMtu: 1540 },
  presetById('openvpn').spec,
];
const chartSizes = Array.from({ length: 1500 }, (_, i) => 40 + i);

// Results are accumulated so that no call can be optimised away.
let sink = 0;

test('single calls', async ({ bench }) => {
  await bench.compare(
    bench('packetSize, IKEv2 AES-GCM (with layers)', () => {
      sink += packetSize(ikev2, 1400).outerBytes;
    }),
    bench('packetSize, L2TP/IPsec AES-CBC (with layers)', () => {
      sink += packetSize(l2tp, 1400).outerBytes;
    }),
    bench('maxInnerPacket, IKEv2 AES-GCM', () => {
      sink += maxInnerPacket(ikev2, 1500);
    }),
    bench('maxInnerPacket, L2TP/IPsec AES-CBC', () => {
      sink += maxInnerPacket(l2tp, 1492);
    }),
    bench('mssClamp, IKEv2 AES-GCM', () => {
      sink += mssClamp(ikev2, 1500);
    }),
  );
});

test('chart recompute (one keystroke)', async ({ bench }) => {
  await bench.compare(
    bench('efficiency chart: 4 protocols x 1500 sizes', () => {
      // What src/lib/mtu-calculator/chart.ts does: compile once, then one outer size per point.
      for (const spec of chartSpecs) {
        const tunnel = compileTunnel(spec);
        for (const inner of chartSizes) sink += inner / tunnel.outerBytes(inner);
      }
    }),
    bench('Simple IMIX clamped at 1500, 4 protocols', () => {
      for (const spec of chartSpecs) sink += mixEfficiency(spec, undefined, { pathMtu: 1500 }).outerBytes;
    }),
  );
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps sink observable');
});
