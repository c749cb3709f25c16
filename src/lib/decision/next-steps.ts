// Where the decision wizard sends the reader after its recommendation. The port checklist link
// is written with the checklist's documented parameters (src/lib/reachability/url-state.ts;
// tests/unit/decision/next-steps.test.ts decodes it with that codec) rather than by importing the
// checklist's model, which would add its flows and checks to the wizard's JavaScript.
import type { DecisionResult } from './evaluate';
import { withBase } from '../shared/paths';
import type { Answers } from './questions';

export interface NextStep {
  readonly href: string;
  readonly text: string;
}

/** The IPsec protocols in the plan, as the port checklist names them, or null when there are none. */
function checklistProtocol(result: DecisionResult): 'ikev2' | 'l2tp' | 'both' | null {
  const options = new Set(result.plan.map((entry) => entry.option));
  const ikev2 = options.has('ikev2') || options.has('ikev2-tcp');
  const l2tp = options.has('l2tp');
  if (ikev2 && l2tp) return 'both';
  if (ikev2) return 'ikev2';
  return l2tp ? 'l2tp' : null;
}

/**
 * Where to go after the recommendation: the setup chapter, and the port checklist for the same
 * situation (the plan's IPsec protocols, NAT on either side, TCP encapsulation if planned) when
 * the plan uses IPsec at all.
 */
export function nextSteps(base: string, answers: Answers, result: DecisionResult): NextStep[] {
  const steps: NextStep[] = [{ href: withBase(base, '/guide/setup/'), text: 'Set up the server and clients' }];
  const protocol = checklistProtocol(result);
  if (protocol !== null) {
    const yesNo = (on: boolean) => (on ? 'yes' : 'no');
    const params = new URLSearchParams({
      v: '1',
      proto: protocol,
      snat: yesNo(answers.serverNat === 'yes'),
      cnat: yesNo(answers.clientNat !== 'no'),
      tcp: yesNo(result.plan.some((entry) => entry.option === 'ikev2-tcp')),
    });
    steps.push({ href: `${withBase(base, '/tools/ports/')}?${params}`, text: 'Check the firewall ports for this setup' });
  }
  return steps;
}
