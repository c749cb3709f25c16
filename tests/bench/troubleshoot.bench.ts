// npm run bench: diagnosing a 5 MB log (the budget: under 1 s on the 2-core CI machine).
// The log is every level-2 log the lab recorded (cases that have one), repeated up to 5 MB.
// A benchmark, not a test: nothing here passes or fails on timing.
import { test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { diagnoseLog, redactLog } from '../../src/lib/troubleshoot';

const DIR = 'tests/lab/results/logs';
const parts = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => ['initiator-debug.log', 'responder-debug.log'].map((f) => `${DIR}/${d.name}/${f}`))
  .filter((path) => existsSync(path))
  .map((path) => readFileSync(path, 'utf8'));
let log = '';
while (log.length < 5_000_000) log += parts.join('');
log = log.slice(0, 5_000_000);

let sink = 0;

test('5 MB log', async ({ bench }) => {
  await bench.compare(
    bench('diagnoseLog (5 MB)', () => {
      sink += diagnoseLog(log).causes.length;
    }),
    bench('redactLog (5 MB)', () => {
      sink += redactLog(log).text.length;
    }),
    { iterations: 10, time: 0 }, // a few runs of a large input; the default would take minutes
  );
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps sink observable');
});
