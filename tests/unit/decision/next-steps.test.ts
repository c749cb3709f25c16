// The wizard's next steps: the setup chapter, and the port checklist (its URL parameters as
// documented in src/lib/reachability/url-state.ts) for the same situation.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/decision/evaluate';
import { nextSteps } from '../../../src/lib/decision/next-steps';
import type { Answers } from '../../../src/lib/decision/questions';
import { decodeChecklist } from '../../../src/lib/reachability/url-state';
import { DEFAULT_SCENARIO } from '../../../src/lib/reachability/scenario';

describe('nextSteps', () => {
  it.each<[string, Answers, string, string]>([
    // [case, answers, base, expected checklist link]
    ['no answers: IKEv2, clients behind NAT (the default)', {}, '/', '/tools/ports/?v=1&proto=ikev2&snat=no&cnat=yes&tcp=no'],
    ['server behind NAT, under a base path', { serverNat: 'yes' }, '/vpn-guide/', '/vpn-guide/tools/ports/?v=1&proto=ikev2&snat=yes&cnat=yes&tcp=no'],
    ['clients with public addresses', { clientNat: 'no' }, '/', '/tools/ports/?v=1&proto=ikev2&snat=no&cnat=no&tcp=no'],
    // Legacy devices only do L2TP/IPsec, so the plan holds both IPsec protocols.
    ['Windows and legacy devices', { platforms: ['windows', 'legacy'] }, '/', '/tools/ports/?v=1&proto=both&snat=no&cnat=yes&tcp=no'],
  ])('%s', (_, answers, base, checklist) => {
    const steps = nextSteps(base, answers, evaluate(answers));
    expect(steps).toEqual([
      { href: `${base}guide/setup/`, text: 'Set up the server and clients' },
      { href: checklist, text: 'Check the firewall ports for this setup' },
    ]);
    // The checklist's own codec reads the link without a notice; the family and firewall keep
    // their defaults.
    const decoded = decodeChecklist(checklist.split('?')[1]!);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state.scenario).toMatchObject({ family: DEFAULT_SCENARIO.family, firewall: DEFAULT_SCENARIO.firewall });
  });

  it('asks for TCP encapsulation when the plan falls back to IKEv2 over TCP', () => {
    const answers: Answers = { platforms: ['linux'], udpBlocked: 'yes' };
    const result = evaluate(answers);
    const planned = result.plan.some((entry) => entry.option === 'ikev2-tcp');
    const checklist = nextSteps('/', answers, result)[1]?.href ?? '';
    expect(new URLSearchParams(checklist.split('?')[1]).get('tcp')).toBe(planned ? 'yes' : 'no');
  });
});
