// Scenario -> flows, a tickable checklist and firewall rules.
import { chapter, type Citation } from '../citations/citations';
import { flowsFor, type Check, type Flow } from './flows';
import { generateRules, type FirewallRules } from './rules/index';
import { espMayBeUsed, offersIkev2, usesTcpEncapsulation, validateScenario, type Scenario } from './scenario';

export interface ScenarioNote {
  readonly text: string;
  readonly citations: readonly Citation[];
}

export interface ReachabilityResult {
  readonly scenario: Scenario;
  readonly flows: readonly Flow[];
  /** Every check of every flow, in display order: the items of the task list. */
  readonly checklist: readonly Check[];
  readonly rules: FirewallRules;
  readonly notes: readonly ScenarioNote[];
}

export function reachability(input: Scenario): ReachabilityResult {
  const scenario = validateScenario(input);
  const flows = flowsFor(scenario);
  const notes: ScenarioNote[] = [];
  if (!espMayBeUsed(scenario)) {
    notes.push({
      text: 'ESP as IP protocol 50 is not needed: with the server behind NAT every client detects NAT and wraps ESP in UDP 4500. A NAT device could not forward protocol 50 to one server per port anyway.',
      citations: [chapter('/guide/nat-firewalls/')],
    });
  }
  if (scenario.tcpEncapsulation && !offersIkev2(scenario)) {
    notes.push({
      text: 'TCP encapsulation (RFC 9329) applies to IKEv2 only; an L2TP/IPsec-only server gains nothing from it, so no TCP rule is generated.',
      citations: [chapter('/guide/nat-firewalls/')],
    });
  }
  if (usesTcpEncapsulation(scenario)) {
    notes.push({
      text: 'Only clients that implement RFC 9329 use the TCP flow (libreswan with enable-tcp among the clients this guide covers); everyone else still needs UDP 500/4500.',
      citations: [chapter('/guide/platforms/')],
    });
  }
  notes.push({
    text: 'UDP 1701 must never be opened to the Internet: L2TP reaches it only after IPsec decrypted the packet.',
    citations: [chapter('/guide/l2tp/')],
  });
  return { scenario, flows, checklist: flows.flatMap((f) => f.checks), rules: generateRules(scenario), notes };
}
