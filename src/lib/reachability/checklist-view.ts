// What the port checklist shows, computed from the scenario and the model's flows, so that the
// Svelte island only binds and lays out: the inputs as data (legends, options and their URL
// values), state changes that keep ticks valid, check groups, badges and direction rows.
import { withBase } from '../shared/paths';
import type { Check, Flow, Side } from './flows';
import { flowsFor } from './flows';
import { FIREWALL_LABELS, FIREWALLS, validateScenario, type Scenario } from './scenario';
import { encodeChecklist, type ChecklistState } from './url-state';

/** Where the full checklist lives, relative to the site root. */
export const PORTS_TOOL_PATH = '/tools/ports/';

export type ScenarioKey = keyof Scenario;

export interface ScenarioInput {
  readonly key: ScenarioKey;
  readonly legend: string;
  /** value: the form value, identical to the URL value (url-state.ts). */
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export const SCENARIO_INPUTS: readonly ScenarioInput[] = [
  {
    key: 'protocol',
    legend: 'VPN protocol the server offers',
    options: [
      { value: 'ikev2', label: 'IKEv2' },
      { value: 'l2tp', label: 'L2TP/IPsec' },
      { value: 'both', label: 'Both' },
    ],
  },
  { key: 'serverNat', legend: 'Is the server behind NAT?', options: YES_NO },
  { key: 'clientNat', legend: 'Are clients behind NAT?', options: YES_NO },
  {
    key: 'family',
    legend: 'Address family clients connect over',
    options: [
      { value: '4', label: 'IPv4' },
      { value: '6', label: 'IPv6' },
      { value: 'both', label: 'Both' },
    ],
  },
  { key: 'tcpEncapsulation', legend: 'Offer TCP encapsulation (RFC 9329)?', options: YES_NO },
  { key: 'firewall', legend: 'Firewall on the server', options: FIREWALLS.map((f) => ({ value: f, label: FIREWALL_LABELS[f] })) },
];

/** A scenario field as its form (and URL) value. */
export function scenarioValue(scenario: Scenario, key: ScenarioKey): string {
  const value = scenario[key];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function parseValue(key: ScenarioKey, value: string): unknown {
  switch (key) {
    case 'serverNat':
    case 'clientNat':
    case 'tcpEncapsulation':
      return value === 'yes' ? true : value === 'no' ? false : value;
    case 'family':
      return value === '4' ? 4 : value === '6' ? 6 : value;
    default:
      return value;
  }
}

/** The ids of the checks a scenario has, in display order. */
export function checkIds(scenario: Scenario): string[] {
  return flowsFor(scenario).flatMap((f) => f.checks.map((c) => c.id));
}

/** State with one input changed; ticks that the new scenario does not have are dropped. */
export function withScenarioValue(state: ChecklistState, key: ScenarioKey, value: string): ChecklistState {
  const scenario = validateScenario({ ...state.scenario, [key]: parseValue(key, value) });
  const ids = new Set(checkIds(scenario));
  return { scenario, done: state.done.filter((id) => ids.has(id)) };
}

/** State with one check ticked or unticked; ticks stay in display order. */
export function withTick(state: ChecklistState, id: string, ticked: boolean): ChecklistState {
  const done = new Set(state.done);
  if (ticked) done.add(id);
  else done.delete(id);
  return { scenario: state.scenario, done: checkIds(state.scenario).filter((c) => done.has(c)) };
}

export function progressText(state: ChecklistState): string {
  const total = checkIds(state.scenario).length;
  const done = state.done.length;
  return `${done} of ${total} checks done`;
}

/** Query string (without '?') of a checklist state. */
export function checklistQuery(state: ChecklistState): string {
  return encodeChecklist(state).toString();
}

/** Link to the full checklist, carrying the state. */
export function portsToolHref(base: string, state: ChecklistState): string {
  return `${withBase(base, PORTS_TOOL_PATH)}?${checklistQuery(state)}`;
}

const SIDE_HEADINGS: Readonly<Record<Side, string>> = {
  client: 'From a client',
  server: 'On the server',
  'nat-device': 'On the NAT device in front of the server',
};

export interface CheckGroup {
  readonly side: Side;
  readonly heading: string;
  readonly checks: readonly Check[];
}

/** A flow's checks by where they run: client, server, NAT device (empty groups left out). */
export function checkGroups(flow: Flow): CheckGroup[] {
  return (['client', 'server', 'nat-device'] as const)
    .map((side) => ({ side, heading: SIDE_HEADINGS[side], checks: flow.checks.filter((c) => c.side === side) }))
    .filter((g) => g.checks.length > 0);
}

/** The tick box's label: what the check finds out, then the tool it uses ('…? (nmap)'). */
export function checkLabel(check: Check): string {
  return `${check.purpose} (${check.tool})`;
}

export const NEED_LABELS: Readonly<Record<Flow['need'], string>> = {
  required: 'Required',
  conditional: 'Needed by some peers',
  'inside-ipsec-only': 'Only inside IPsec',
};

/** The flows in one line, by need: 'Required: UDP 500, UDP 4500. Only inside IPsec: UDP 1701.' */
export function flowSummary(flows: readonly Flow[]): string {
  return (Object.keys(NEED_LABELS) as Flow['need'][])
    .map((need) => ({ need, matches: flows.filter((f) => f.need === need).map(flowMatch) }))
    .filter((g) => g.matches.length > 0)
    .map((g) => `${NEED_LABELS[g.need]}: ${g.matches.join(', ')}.`)
    .join(' ');
}

/** What a firewall matches for the flow: 'UDP 500', 'TCP 4500', 'ESP (IP protocol 50)'. */
export function flowMatch(flow: Flow): string {
  if (flow.transport === 'esp') return 'ESP (IP protocol 50)';
  return `${flow.transport.toUpperCase()} ${flow.port ?? ''}`.trim();
}

export interface DirectionRow {
  readonly from: string;
  readonly to: string;
  readonly packets: string;
  readonly note: string;
}

const PARTY: Readonly<Record<'client' | 'server', string>> = { client: 'Client', server: 'Server' };

export function directionRows(flow: Flow): DirectionRow[] {
  return flow.directions.map((d) => {
    let packets: string;
    if (flow.transport === 'esp') packets = 'IP protocol 50';
    else if (d.port !== null) packets = `${flow.transport.toUpperCase()} to port ${d.port}`;
    else packets = `${flow.transport.toUpperCase()} from port ${flow.port ?? ''}`.trim();
    return { from: PARTY[d.from], to: PARTY[d.to], packets, note: d.note };
  });
}

/** The scenario in words, one line per input (for print and for the compact embed). */
export function scenarioLines(scenario: Scenario): { legend: string; value: string }[] {
  return SCENARIO_INPUTS.map((input) => {
    const value = scenarioValue(scenario, input.key);
    return { legend: input.legend, value: input.options.find((o) => o.value === value)?.label ?? value };
  });
}
