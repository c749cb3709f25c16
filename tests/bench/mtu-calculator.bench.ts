// npm run bench: what the MTU calculator island recomputes on every keystroke, everything
// included (result, comparison rows with IMIX, chart series, settings) plus the chart paths.
// A benchmark, not a test: nothing here passes or fails on timing.
import { test } from 'vitest';
import {
  DEFAULT_STATE,
  calculatorView,
  linePath,
  linearScale,
  type CalculatorState,
} from '../../src/lib/mtu-calculator';

const states: [string, CalculatorState][] = [
  ['default (IKEv2 AES-GCM, 1500)', DEFAULT_STATE],
  ['L2TP/IPsec AES-CBC, PPPoE 1492', { ...DEFAULT_STATE, proto: 'l2tp', esp: 'aes256-sha1', mtu: '1492' }],
  ['jumbo path 9000, 3DES (largest chart)', { ...DEFAULT_STATE, esp: '3des-sha1', mtu: '9000' }],
];

let sink = 0;

test('one keystroke: calculatorView + chart paths', async ({ bench }) => {
  await bench.compare(
    ...states.map(([name, state]) =>
      bench(name, () => {
        const view = calculatorView(state);
        if (view.chart === null) return;
        const x = linearScale([0, view.chart.maxSize], [56, 618]);
        const y = linearScale([0, 1], [272, 14]);
        for (const line of view.chart.lines) sink += linePath(line.points, x, y).length;
      }),
    ),
  );
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps sink observable');
});
