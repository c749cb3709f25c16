// Query-string state of the port-reachability checklist, version 1.
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
// decodeChecklist never throws: invalid values fall back to the default and
// ticks that do not belong to the scenario are dropped, each with a notice.
import { flowsFor } from './flows';
import { DEFAULT_SCENARIO, FAMILIES, FIREWALLS, PROTOCOLS, type Scenario } from './scenario';

export const CHECKLIST_URL_VERSION = '1';

export interface ChecklistState {
  readonly scenario: Scenario;
  /** Ticked check ids. */
  readonly done: readonly string[];
}

export interface ChecklistNotice {
  readonly param: string;
  readonly message: string;
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export function encodeChecklist(state: ChecklistState): URLSearchParams {
  const s = state.scenario;
  const params = new URLSearchParams();
  params.set('v', CHECKLIST_URL_VERSION);
  params.set('proto', s.protocol);
  params.set('snat', yesNo(s.serverNat));
  params.set('cnat', yesNo(s.clientNat));
  params.set('family', String(s.family));
  params.set('tcp', yesNo(s.tcpEncapsulation));
  params.set('fw', s.firewall);
  if (state.done.length > 0) params.set('done', state.done.join(','));
  return params;
}

const shown = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
const KNOWN = ['v', 'proto', 'snat', 'cnat', 'family', 'tcp', 'fw', 'done'];

export function decodeChecklist(input: URLSearchParams | string): ChecklistState & { readonly notices: readonly ChecklistNotice[] } {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const notices: ChecklistNotice[] = [];
  for (const key of new Set(params.keys())) {
    if (!KNOWN.includes(key)) notices.push({ param: key, message: `Unknown parameter ${shown(key)} was ignored.` });
    else if (params.getAll(key).length > 1) notices.push({ param: key, message: `Parameter ${key} appears more than once; the first value was used.` });
  }
  const version = params.get('v');
  const hasState = [...params.keys()].some((k) => k !== 'v');
  if (version === null && hasState) notices.push({ param: 'v', message: 'The link has no version (v); it was read as version 1.' });
  else if (version !== null && version !== CHECKLIST_URL_VERSION) {
    notices.push({ param: 'v', message: `Link version ${shown(version)} is not supported; parameters were read as version 1 where they match.` });
  }

  function pick<T>(param: string, label: string, parse: (raw: string) => T | undefined, fallback: T, allowed: string): T {
    const raw = params.get(param);
    if (raw === null) return fallback;
    const value = parse(raw.trim());
    if (value !== undefined) return value;
    notices.push({ param, message: `${shown(raw)} is not a valid ${label} (allowed: ${allowed}); the default was used.` });
    return fallback;
  }
  const bool = (raw: string) => (raw === 'yes' ? true : raw === 'no' ? false : undefined);
  const among = <T extends string | number>(values: readonly T[]) => (raw: string) => values.find((v) => String(v) === raw);

  const scenario: Scenario = {
    protocol: pick('proto', 'protocol', among(PROTOCOLS), DEFAULT_SCENARIO.protocol, PROTOCOLS.join(', ')),
    serverNat: pick('snat', 'server-NAT answer', bool, DEFAULT_SCENARIO.serverNat, 'yes, no'),
    clientNat: pick('cnat', 'client-NAT answer', bool, DEFAULT_SCENARIO.clientNat, 'yes, no'),
    family: pick('family', 'address family', among(FAMILIES), DEFAULT_SCENARIO.family, FAMILIES.join(', ')),
    tcpEncapsulation: pick('tcp', 'TCP-encapsulation answer', bool, DEFAULT_SCENARIO.tcpEncapsulation, 'yes, no'),
    firewall: pick('fw', 'firewall type', among(FIREWALLS), DEFAULT_SCENARIO.firewall, FIREWALLS.join(', ')),
  };

  const valid = new Set(flowsFor(scenario).flatMap((f) => f.checks.map((c) => c.id)));
  const done: string[] = [];
  for (const id of (params.get('done') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!valid.has(id)) notices.push({ param: 'done', message: `Check ${shown(id)} is not part of this scenario; its tick was dropped.` });
    else if (!done.includes(id)) done.push(id);
  }
  return { scenario, done, notices };
}
