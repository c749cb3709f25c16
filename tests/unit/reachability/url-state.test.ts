import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allScenarios,
  decodeChecklist,
  DEFAULT_SCENARIO,
  encodeChecklist,
  flowsFor,
  validateScenario,
} from '../../../src/lib/reachability/index';

const scenarios = allScenarios();
const stateArb = fc
  .constantFrom(...scenarios)
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      done: fc.shuffledSubarray(flowsFor(scenario).flatMap((f) => f.checks.map((c) => c.id))),
    }),
  );

describe('checklist URL state', () => {
  it('round-trips every scenario with any ticked checks, without notices', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const params = encodeChecklist(state);
        expect(params.get('v')).toBe('1');
        const decoded = decodeChecklist(params.toString());
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage and always yields a valid scenario', () => {
    const key = fc.oneof(fc.constantFrom('v', 'proto', 'snat', 'cnat', 'family', 'tcp', 'fw', 'done'), fc.string());
    const value = fc.oneof(fc.string(), fc.constantFrom('yes', 'no', '6', 'both', 'ike.client.nmap,bogus', ',,,'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const decoded = decodeChecklist(params);
        expect(() => validateScenario(decoded.state.scenario)).not.toThrow();
        const valid = new Set(flowsFor(decoded.state.scenario).flatMap((f) => f.checks.map((c) => c.id)));
        for (const id of decoded.state.done) expect(valid.has(id)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (raw) => void decodeChecklist(raw)));
  });

  it.each([
    { query: 'v=1&proto=pptp', param: 'proto', field: 'protocol', value: DEFAULT_SCENARIO.protocol },
    { query: 'v=1&family=5', param: 'family', field: 'family', value: DEFAULT_SCENARIO.family },
    { query: 'v=1&snat=maybe', param: 'snat', field: 'serverNat', value: DEFAULT_SCENARIO.serverNat },
    { query: 'v=1&fw=pf', param: 'fw', field: 'firewall', value: DEFAULT_SCENARIO.firewall },
    { query: 'v=1&tcp=1', param: 'tcp', field: 'tcpEncapsulation', value: DEFAULT_SCENARIO.tcpEncapsulation },
    { query: 'v=9&proto=l2tp', param: 'v', field: 'protocol', value: 'l2tp' },
    { query: 'proto=both', param: 'v', field: 'protocol', value: 'both' },
    { query: 'v=1&x=1&proto=l2tp', param: 'x', field: 'protocol', value: 'l2tp' },
    { query: 'v=1&family=6&family=4', param: 'family', field: 'family', value: 6 },
  ])('$query -> notice on $param, $field = $value', ({ query, param, field, value }) => {
    const decoded = decodeChecklist(query);
    expect(decoded.noticeParams).toContain(param);
    expect((decoded.state.scenario as unknown as Record<string, unknown>)[field]).toEqual(value);
  });

  it('drops ticks that do not belong to the scenario, with a notice', () => {
    // ESP checks do not exist when the server is behind NAT.
    const decoded = decodeChecklist('v=1&snat=yes&done=ike.client.nmap,esp.server.tcpdump,nonsense');
    expect(decoded.state.done).toEqual(['ike.client.nmap']);
    expect(decoded.noticeParams.filter((p) => p === 'done').length).toBe(2);
  });

  it('an empty query gives the default scenario without notices', () => {
    expect(decodeChecklist('')).toEqual({ state: { scenario: DEFAULT_SCENARIO, done: [] }, notices: [], noticeParams: [] });
  });

  it('encodes every input with readable names', () => {
    expect(encodeChecklist({ scenario: DEFAULT_SCENARIO, done: ['ike.client.nmap'] }).toString()).toBe(
      'v=1&proto=ikev2&snat=no&cnat=yes&family=4&tcp=no&fw=nftables&done=ike.client.nmap',
    );
  });
});
