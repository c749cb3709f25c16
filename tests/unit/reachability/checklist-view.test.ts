import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_INPUTS,
  checkGroups,
  checkIds,
  directionRows,
  flowMatch,
  flowSummary,
  portsToolHref,
  progressText,
  scenarioLines,
  scenarioValue,
  withScenarioValue,
  withTick,
} from '../../../src/lib/reachability/checklist-view';
import {
  DEFAULT_SCENARIO,
  ReachabilityError,
  allScenarios,
  decodeChecklist,
  encodeChecklist,
  flowsFor,
  SCENARIO_PARAMS,
  type ChecklistState,
  type Scenario,
} from '../../../src/lib/reachability/index';

const scenarioArb = fc.constantFrom(...allScenarios());

describe('scenario inputs', () => {
  it('offer exactly the values the URL state accepts, for every field', () => {
    // The URL contract, written out (url-state.ts header): the island reads the same map.
    const paramOf: Record<keyof Scenario, string> = SCENARIO_PARAMS;
    expect(paramOf).toEqual({
      protocol: 'proto',
      serverNat: 'snat',
      clientNat: 'cnat',
      family: 'family',
      tcpEncapsulation: 'tcp',
      firewall: 'fw',
    });
    expect(SCENARIO_INPUTS.map((i) => i.key).sort()).toEqual(Object.keys(paramOf).sort());
    for (const input of SCENARIO_INPUTS) {
      for (const option of input.options) {
        const decoded = decodeChecklist(`v=1&${paramOf[input.key]}=${option.value}`);
        expect(decoded.notices, `${input.key}=${option.value}`).toEqual([]);
        expect(scenarioValue(decoded.state.scenario, input.key)).toBe(option.value);
      }
    }
  });

  it('setting an input to each option yields that value, every scenario', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...SCENARIO_INPUTS), (scenario, input) => {
        for (const option of input.options) {
          const next = withScenarioValue({ scenario, done: [] }, input.key, option.value);
          expect(scenarioValue(next.scenario, input.key)).toBe(option.value);
        }
      }),
    );
  });

  it('refuses a value the input does not offer, naming the field', () => {
    expect(() => withScenarioValue({ scenario: DEFAULT_SCENARIO, done: [] }, 'family', '5')).toThrow(ReachabilityError);
    expect(() => withScenarioValue({ scenario: DEFAULT_SCENARIO, done: [] }, 'serverNat', 'maybe')).toThrow(/^serverNat:/);
  });

  it('describes the scenario in words, one line per input', () => {
    const lines = scenarioLines({ ...DEFAULT_SCENARIO, protocol: 'both', family: 'both', firewall: 'routeros' });
    expect(lines.map((l) => l.value)).toEqual(['Both', 'No', 'Yes', 'Both', 'No', 'MikroTik RouterOS']);
  });
});

describe('ticks', () => {
  it('stay in display order and only name checks of the scenario', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 20 }), (scenario, toggles) => {
        const ids = checkIds(scenario);
        let state: ChecklistState = { scenario, done: [] };
        const on = new Set<string>();
        for (const [n, ticked] of toggles) {
          const id = ids[n % ids.length] as string;
          state = withTick(state, id, ticked);
          if (ticked) on.add(id);
          else on.delete(id);
        }
        expect(state.done).toEqual(ids.filter((id) => on.has(id)));
        expect(progressText(state)).toBe(`${on.size} of ${ids.length} checks done`);
      }),
    );
  });

  it('that the new scenario lacks are dropped when an input changes; the others are kept', () => {
    // The ESP flow exists only when the server is not behind NAT (RFC 3948: NATed peers wrap ESP in UDP 4500).
    let state: ChecklistState = { scenario: DEFAULT_SCENARIO, done: [] };
    state = withTick(state, 'esp.server.tcpdump', true);
    state = withTick(state, 'ike.server.tcpdump', true);
    expect(state.done).toEqual(['ike.server.tcpdump', 'esp.server.tcpdump']);
    const behindNat = withScenarioValue(state, 'serverNat', 'yes');
    expect(behindNat.done).toEqual(['ike.server.tcpdump']);
  });

  it('round-trip through the URL with the scenario', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (scenario, picks) => {
        const ids = checkIds(scenario);
        const state: ChecklistState = { scenario, done: ids.filter((_, i) => picks[i % picks.length]) };
        const decoded = decodeChecklist(encodeChecklist(state));
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('link to the full checklist under the base path', () => {
    expect(portsToolHref('/vpn-guide/', { scenario: DEFAULT_SCENARIO, done: ['ike.server.tcpdump'] })).toBe(
      '/vpn-guide/tools/ports/?v=1&proto=ikev2&snat=no&cnat=yes&family=4&tcp=no&fw=nftables&done=ike.server.tcpdump',
    );
  });
});

describe('flow presentation', () => {
  it.each([
    // RFC 7296 §2.23 / RFC 3948: with clients behind NAT, plain ESP is used only by clients without NAT
    [{ protocol: 'ikev2', clientNat: true }, 'Required: UDP 500, UDP 4500. Needed by some peers: ESP (IP protocol 50).'],
    // Server behind NAT: no plain ESP; RFC 3193: UDP 1701 only inside IPsec
    [{ protocol: 'both', serverNat: true }, 'Required: UDP 500, UDP 4500. Only inside IPsec: UDP 1701.'],
    // No NAT anywhere: UDP 4500 only for peers behind NAT, ESP required; RFC 9329 TCP 4500
    [{ protocol: 'ikev2', clientNat: false, tcpEncapsulation: true }, 'Required: UDP 500, ESP (IP protocol 50), TCP 4500. Needed by some peers: UDP 4500.'],
  ] as const)('summarises %j', (overrides, summary) => {
    expect(flowSummary(flowsFor({ ...DEFAULT_SCENARIO, ...overrides }))).toBe(summary);
  });

  it('names every flow exactly once in the summary', () => {
    for (const scenario of allScenarios()) {
      const flows = flowsFor(scenario);
      const summary = flowSummary(flows);
      for (const flow of flows) expect(summary.split(flowMatch(flow)).length - 1, `${flow.id} in ${summary}`).toBe(1);
    }
  });

  it('groups every check of every flow exactly once, client before server before NAT device', () => {
    for (const scenario of allScenarios()) {
      for (const flow of flowsFor(scenario)) {
        const groups = checkGroups(flow);
        expect(groups.flatMap((g) => g.checks.map((c) => c.id)).sort()).toEqual(flow.checks.map((c) => c.id).sort());
        const order = groups.map((g) => g.side);
        expect(order).toEqual((['client', 'server', 'nat-device'] as const).filter((s) => order.includes(s)));
      }
    }
  });

  it.each([
    // RFC 7296 §2.11 (UDP 500, 4500), RFC 4303 (ESP, protocol 50), RFC 2661 §8.1 (UDP 1701), RFC 9329 (TCP 4500)
    ['ike', 'UDP 500', 'UDP to port 500', 'UDP from port 500'],
    ['nat-t', 'UDP 4500', 'UDP to port 4500', 'UDP from port 4500'],
    ['esp', 'ESP (IP protocol 50)', 'IP protocol 50', 'IP protocol 50'],
    ['l2tp', 'UDP 1701', 'UDP to port 1701', 'UDP from port 1701'],
    ['tcp-encap', 'TCP 4500', 'TCP to port 4500', 'TCP from port 4500'],
  ])('%s matches %s', (id, match, inbound, outbound) => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, protocol: 'both', tcpEncapsulation: true };
    const flow = flowsFor(scenario).find((f) => f.id === id);
    expect(flow).toBeDefined();
    if (!flow) return;
    expect(flowMatch(flow)).toBe(match);
    const rows = directionRows(flow);
    expect(rows[0]).toMatchObject({ from: 'Client', to: 'Server', packets: inbound });
    expect(rows[1]).toMatchObject({ from: 'Server', to: 'Client', packets: outbound });
  });
});
