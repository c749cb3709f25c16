// Query-string state of the port-reachability checklist, version 1, on the shared codec
// (src/lib/url-state.ts).
//
// Parameters (all optional; a missing one takes its default, shown in brackets):
//   v         format version, always 1
//   proto     ikev2 | l2tp | both                          [ikev2]
//   snat      yes | no   server behind NAT                 [no]
//   cnat      yes | no   clients behind NAT                [yes]
//   family    4 | 6 | both                                 [4]
//   tcp       yes | no   TCP encapsulation (RFC 9329)      [no]
//   fw        nftables | iptables | windows | routeros     [nftables]
//   done      comma-separated ids of ticked checks, e.g. ike.client.nmap,esp.server.tcpdump
// Example: ?v=1&proto=both&snat=yes&family=both&fw=iptables&done=ike.server.tcpdump
//
// Decoding never throws: invalid values fall back to the default and ticks that do not belong
// to the scenario are dropped, each with a notice.
import { choice, defineUrlState, list, type Decoded } from '../url-state';
import { flowsFor } from './flows';
import { DEFAULT_SCENARIO, FAMILIES, FIREWALLS, PROTOCOLS, type Scenario } from './scenario';

export interface ChecklistState {
  readonly scenario: Scenario;
  /** Ticked check ids. */
  readonly done: readonly string[];
}

const YES_NO = ['yes', 'no'] as const;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const FAMILY_VALUES = FAMILIES.map(String) as ['4', '6', 'both'];

/** The query parameter of each scenario field. */
export const SCENARIO_PARAMS = {
  protocol: 'proto',
  serverNat: 'snat',
  clientNat: 'cnat',
  family: 'family',
  tcpEncapsulation: 'tcp',
  firewall: 'fw',
} as const satisfies Record<keyof Scenario, string>;

export const CHECKLIST_URL_STATE = defineUrlState({
  proto: choice('protocol', PROTOCOLS, DEFAULT_SCENARIO.protocol),
  snat: choice('server-NAT answer', YES_NO, yesNo(DEFAULT_SCENARIO.serverNat)),
  cnat: choice('client-NAT answer', YES_NO, yesNo(DEFAULT_SCENARIO.clientNat)),
  family: choice('address family', FAMILY_VALUES, '4'),
  tcp: choice('TCP-encapsulation answer', YES_NO, yesNo(DEFAULT_SCENARIO.tcpEncapsulation)),
  fw: choice('firewall type', FIREWALLS, DEFAULT_SCENARIO.firewall),
  // Which ids exist depends on the scenario, so they are checked after decoding.
  done: list('ticked check', null),
});

export function encodeChecklist({ scenario: s, done }: ChecklistState): URLSearchParams {
  return CHECKLIST_URL_STATE.encode({
    proto: s.protocol,
    snat: yesNo(s.serverNat),
    cnat: yesNo(s.clientNat),
    family: String(s.family) as (typeof FAMILY_VALUES)[number],
    tcp: yesNo(s.tcpEncapsulation),
    fw: s.firewall,
    done,
  });
}

export function decodeChecklist(input: URLSearchParams | string): Decoded<ChecklistState> {
  const { state, notices, noticeParams } = CHECKLIST_URL_STATE.decode(input);
  const scenario: Scenario = {
    protocol: state.proto,
    serverNat: state.snat === 'yes',
    clientNat: state.cnat === 'yes',
    family: state.family === 'both' ? 'both' : state.family === '6' ? 6 : 4,
    tcpEncapsulation: state.tcp === 'yes',
    firewall: state.fw,
  };
  const valid = new Set(flowsFor(scenario).flatMap((f) => f.checks.map((c) => c.id)));
  const done = state.done.filter((id) => valid.has(id));
  for (const id of state.done.filter((id) => !valid.has(id))) {
    notices.push(`Check “${id.length > 40 ? `${id.slice(0, 40)}…` : id}” is not part of this scenario; its tick was dropped.`);
    noticeParams.push('done');
  }
  return { state: { scenario, done }, notices, noticeParams };
}

/** The checklist's codec for the island's URL sync. */
export const CHECKLIST_CODEC = { decode: decodeChecklist, encode: encodeChecklist };
