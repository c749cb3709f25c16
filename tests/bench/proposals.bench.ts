// npm run bench: the proposal matcher on every keystroke. A benchmark, not a test: the budget
// (all 16 clients against one pasted configuration in under 5 ms) is read from its output.
import { test } from 'vitest';
import { CLIENT_IDS, DEFAULT_PROPOSALS_STATE, SERVER_PRESETS, runMatcher, suggestServerProposals } from '../../src/lib/proposals';

const recommended = SERVER_PRESETS.find((p) => p.id === 'recommended')!;
const allClients = { ...DEFAULT_PROPOSALS_STATE, ...recommended, clients: CLIENT_IDS.join(',') };
let sink = 0;

test('match all clients against one pasted configuration', async ({ bench }) => {
  await bench.compare(
    bench('runMatcher: 16 clients, setup chapter config (parse + match)', () => {
      sink += runMatcher(allClients).verdicts.length;
    }),
    bench('runMatcher: 16 clients, strongSwan default', () => {
      sink += runMatcher({ ...allClients, ike: 'default', esp: 'default' }).verdicts.length;
    }),
    bench('suggestServerProposals: 16 clients', () => {
      sink += suggestServerProposals(CLIENT_IDS).ike.length;
    }),
  );
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps sink observable');
});
