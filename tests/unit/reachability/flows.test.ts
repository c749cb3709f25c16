import { describe, expect, it } from 'vitest';
import { isResolvableCitation } from '../../../src/lib/citations/citations';
import {
  allScenarios,
  DEFAULT_SCENARIO,
  flowsFor,
  reachability,
  ReachabilityError,
  type FlowId,
  type Scenario,
} from '../../../src/lib/reachability/index';
import { checkLabel } from '../../../src/lib/reachability/checklist-view';

const scenario = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...overrides });
const label = (s: Scenario) =>
  `${s.protocol} snat=${s.serverNat} cnat=${s.clientNat} family=${s.family} tcp=${s.tcpEncapsulation} fw=${s.firewall}`;

describe('reachability: flows per scenario (representative rows)', () => {
  it.each([
    {
      s: scenario({ protocol: 'ikev2', serverNat: false, clientNat: false }),
      flows: ['ike:required', 'nat-t:conditional', 'esp:required'],
      source: 'RFC 7296 §2.11 (UDP 500/4500), §2.23 (NAT-T only when NAT is detected); RFC 4303 (ESP = protocol 50)',
    },
    {
      s: scenario({ protocol: 'ikev2', serverNat: false, clientNat: true }),
      flows: ['ike:required', 'nat-t:required', 'esp:conditional'],
      source: 'RFC 7296 §2.23, RFC 3948: NATed clients send ESP in UDP 4500; clients without NAT still use protocol 50',
    },
    {
      s: scenario({ protocol: 'ikev2', serverNat: true, clientNat: false }),
      flows: ['ike:required', 'nat-t:required'],
      source: 'RFC 7296 §2.23: a NATed server means NAT is always detected, so ESP always travels in UDP 4500',
    },
    {
      s: scenario({ protocol: 'l2tp', serverNat: false, clientNat: true }),
      flows: ['ike:required', 'nat-t:required', 'esp:conditional', 'l2tp:inside-ipsec-only'],
      source: 'RFC 2661 §8.1: UDP 1701, in ESP transport mode (RFC 3193), NAT-T per RFC 3947 and RFC 3948',
    },
    {
      s: scenario({ protocol: 'both', tcpEncapsulation: true }),
      flows: ['ike:required', 'nat-t:required', 'esp:conditional', 'l2tp:inside-ipsec-only', 'tcp-encap:required'],
      source: 'RFC 9329 §2: TCP 4500; libreswan-ipsec-conf listen-tcp',
    },
    {
      s: scenario({ protocol: 'l2tp', tcpEncapsulation: true }),
      flows: ['ike:required', 'nat-t:required', 'esp:conditional', 'l2tp:inside-ipsec-only'],
      source: 'RFC 9329 §1: TCP encapsulation is for IKEv2; libreswan-ipsec-conf refuses enable-tcp for IKEv1',
    },
  ])('$s.protocol snat=$s.serverNat cnat=$s.clientNat tcp=$s.tcpEncapsulation -> $flows ($source)', ({ s, flows }) => {
    expect(flowsFor(s).map((f) => `${f.id}:${f.need}`)).toEqual(flows);
  });
});

describe('reachability: every scenario', () => {
  const scenarios = allScenarios();

  it('enumerates 288 scenarios (3 protocols x 2 x 2 x 3 families x 2 x 4 firewalls)', () => {
    expect(scenarios.length).toBe(288);
  });

  it.each(scenarios.map((s) => ({ name: label(s), s })))('$name', ({ s }) => {
    const result = reachability(s);
    const ids = result.flows.map((f) => f.id);
    const expected: FlowId[] = ['ike', 'nat-t'];
    if (!s.serverNat) expected.push('esp');
    if (s.protocol !== 'ikev2') expected.push('l2tp');
    if (s.tcpEncapsulation && s.protocol !== 'l2tp') expected.push('tcp-encap');
    expect(ids).toEqual(expected);

    // UDP 1701 is never meant to be open to the Internet; everything else is.
    for (const f of result.flows) expect(f.openToInternet).toBe(f.id !== 'l2tp');

    // Checklist items: unique ids, each with something to look for; commands use the placeholder.
    const checkIds = result.checklist.map((c) => c.id);
    expect(new Set(checkIds).size).toBe(checkIds.length);
    for (const c of result.checklist) {
      expect(c.id).toMatch(/^(ike|nat-t|esp|l2tp|tcp-encap)\.(client|server|nat-device)\.[a-z0-9-]+$/);
      expect(c.look.length).toBeGreaterThan(10);
      // Labelled by what it finds out, not only by the tool (usability review: "reg, from a client").
      expect(c.purpose.length).toBeGreaterThan(15);
      if (c.command?.includes('nmap') || c.command?.includes('ike-scan')) expect(c.command).toContain('<server>');
    }
    // Every tick box has its own label.
    const labels = result.checklist.map(checkLabel);
    expect(new Set(labels).size).toBe(labels.length);
    // ike-scan has no IPv6 option: offered only when IPv4 is in use.
    expect(checkIds.some((id) => id.includes('ike-scan'))).toBe(s.family !== 6);
    // nmap goes -6 for IPv6-only scenarios.
    for (const c of result.checklist.filter((c) => c.command?.startsWith('nmap'))) {
      expect(c.command?.startsWith('nmap -6 ')).toBe(s.family === 6);
    }
    // Windows L2TP clients and a NATed server: the registry check.
    expect(checkIds.includes('nat-t.client.windows-registry')).toBe(s.protocol !== 'ikev2' && s.serverNat);
    expect(checkIds.includes('ike.nat-device.forward')).toBe(s.serverNat);

    // Every flow explains itself, says how it fails, and cites resolvable sources.
    for (const f of result.flows) {
      expect(f.why.length).toBeGreaterThan(20);
      expect(f.failures.length).toBeGreaterThan(0);
      const citations = [...f.whyCitations, ...f.checks.flatMap((c) => c.citations), ...f.failures.flatMap((x) => x.citations)];
      for (const c of citations) expect(isResolvableCitation(c), c.id).toBe(true);
    }
    for (const n of result.notes) for (const c of n.citations) expect(isResolvableCitation(c), c.id).toBe(true);
  });

  it('the error 809 check reads the registry value, sets it and restarts (Microsoft KB 926179)', () => {
    const check = flowsFor(scenario({ protocol: 'l2tp', serverNat: true }))
      .flatMap((f) => f.checks)
      .find((c) => c.id === 'nat-t.client.windows-registry');
    expect(check && checkLabel(check)).toBe('Windows NAT-T registry value, the fix for error 809 (reg)');
    expect(check?.command?.split('\n')).toEqual([
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule',
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule /t REG_DWORD /d 2 /f',
      'shutdown /r /t 0',
    ]);
    expect(check?.citations.map((c) => c.id)).toContain('Microsoft: Configure an L2TP/IPsec server behind a NAT-T device (KB 926179)');
  });

  it('Windows error 809 and RasClient event 20227 are named where UDP 500 fails (Microsoft RAS events; R. Hicks)', () => {
    const ike = flowsFor(DEFAULT_SCENARIO).find((f) => f.id === 'ike');
    expect(ike?.failures.flatMap((f) => f.signs).join(' ')).toMatch(/809.*20227/);
  });
});

describe('reachability: bad input', () => {
  it.each([
    { input: null, field: 'scenario' },
    { input: { ...DEFAULT_SCENARIO, protocol: 'pptp' }, field: 'protocol' },
    { input: { ...DEFAULT_SCENARIO, family: '4' }, field: 'family' },
    { input: { ...DEFAULT_SCENARIO, serverNat: 'yes' }, field: 'serverNat' },
    { input: { ...DEFAULT_SCENARIO, firewall: 'pf' }, field: 'firewall' },
    { input: { ...DEFAULT_SCENARIO, colour: 'red' }, field: 'colour' },
    { input: { protocol: 'ikev2' }, field: 'serverNat' },
  ])('$input -> ReachabilityError on $field', ({ input, field }) => {
    let error: unknown;
    try {
      reachability(input as unknown as Scenario);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReachabilityError);
    expect((error as ReachabilityError).field).toBe(field);
  });
});
