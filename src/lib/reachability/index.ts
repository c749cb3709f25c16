// Public API of the port-reachability model.
export { SERVER_PLACEHOLDER, flowsFor, type Check, type Direction, type Failure, type Flow, type FlowId, type Side } from './flows';
export { reachability, type ReachabilityResult, type ScenarioNote } from './reachability';
export { NFT_TABLE, WINDOWS_RULE_PREFIX, generateRules, type FirewallRules, type RuleFile } from './rules/index';
export {
  DEFAULT_SCENARIO,
  FAMILIES,
  FIREWALLS,
  FIREWALL_LABELS,
  PROTOCOLS,
  ReachabilityError,
  allScenarios,
  validateScenario,
  type FirewallType,
  type IpFamily,
  type Scenario,
  type VpnProtocol,
} from './scenario';
export { CHECKLIST_CODEC, CHECKLIST_URL_STATE, SCENARIO_PARAMS, decodeChecklist, encodeChecklist, type ChecklistState } from './url-state';
