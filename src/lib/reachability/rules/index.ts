import { FIREWALLS, ReachabilityError, validateScenario, type FirewallType, type Scenario } from '../scenario';
import { iptablesRules } from './iptables';
import { nftablesRules } from './nftables';
import { routerosRules } from './routeros';
import type { FirewallRules } from './types';
import { windowsRules } from './windows';

export type { FirewallRules, RuleFile } from './types';
export { NFT_TABLE } from './nftables';
export { WINDOWS_RULE_PREFIX } from './windows';

const GENERATORS: Readonly<Record<FirewallType, (s: Scenario) => FirewallRules>> = {
  nftables: nftablesRules,
  iptables: iptablesRules,
  windows: windowsRules,
  routeros: routerosRules,
};

/** Rules for the scenario's firewall, or for another firewall type given explicitly. */
export function generateRules(input: Scenario, firewall: FirewallType = input.firewall): FirewallRules {
  const s = validateScenario(input);
  if (!(FIREWALLS as readonly string[]).includes(firewall)) {
    throw new ReachabilityError('firewall', `got ${JSON.stringify(firewall)}; allowed: ${FIREWALLS.join(', ')}`);
  }
  // The file header names the firewall the rules are written for.
  return GENERATORS[firewall]({ ...s, firewall });
}
