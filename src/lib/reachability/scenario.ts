// The inputs of the port-reachability checklist, their allowed values and
// validation. A scenario describes the VPN server whose firewall is being opened.
import { FieldError } from '../errors';

export const PROTOCOLS = ['ikev2', 'l2tp', 'both'] as const;
export const FAMILIES = [4, 6, 'both'] as const;
export const FIREWALLS = ['nftables', 'iptables', 'windows', 'routeros'] as const;

export type VpnProtocol = (typeof PROTOCOLS)[number];
export type IpFamily = (typeof FAMILIES)[number];
export type FirewallType = (typeof FIREWALLS)[number];

export interface Scenario {
  /** Which VPN the server offers. */
  readonly protocol: VpnProtocol;
  /** The server sits behind a NAT device that forwards ports to it. */
  readonly serverNat: boolean;
  /** Clients (some or all) connect from behind NAT. */
  readonly clientNat: boolean;
  /** Address family clients use to reach the server. */
  readonly family: IpFamily;
  /** TCP encapsulation (RFC 9329) is offered; it applies to IKEv2 only. */
  readonly tcpEncapsulation: boolean;
  /** The firewall on the VPN server. */
  readonly firewall: FirewallType;
}

/** The scenario shown before the reader changes anything. */
export const DEFAULT_SCENARIO: Scenario = {
  protocol: 'ikev2',
  serverNat: false,
  clientNat: true,
  family: 4,
  tcpEncapsulation: false,
  firewall: 'nftables',
};

export const FIREWALL_LABELS: Readonly<Record<FirewallType, string>> = {
  nftables: 'nftables (Linux)',
  iptables: 'iptables / ip6tables (Linux)',
  windows: 'Windows Defender Firewall',
  routeros: 'MikroTik RouterOS',
};

/** Refused input: names the field and says what is allowed. */
export class ReachabilityError extends FieldError {
  override readonly name = 'ReachabilityError';
  constructor(field: string, message: string, allowed?: readonly string[]) {
    super(field, `${field}: ${message}`, allowed);
  }
}

const FIELDS = ['protocol', 'serverNat', 'clientNat', 'family', 'tcpEncapsulation', 'firewall'] as const;

export function validateScenario(input: unknown): Scenario {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ReachabilityError('scenario', `must be an object with ${FIELDS.join(', ')}`);
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw new ReachabilityError(key, `is not a scenario field; allowed: ${FIELDS.join(', ')}`);
  }
  const oneOf = (field: string, allowed: readonly unknown[]) => {
    if (!allowed.includes(record[field])) {
      throw new ReachabilityError(field, `got ${JSON.stringify(record[field])}; allowed: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    }
  };
  oneOf('protocol', PROTOCOLS);
  oneOf('serverNat', [true, false]);
  oneOf('clientNat', [true, false]);
  oneOf('family', FAMILIES);
  oneOf('tcpEncapsulation', [true, false]);
  oneOf('firewall', FIREWALLS);
  return record as unknown as Scenario;
}

export const offersIkev2 = (s: Scenario): boolean => s.protocol !== 'l2tp';
export const offersL2tp = (s: Scenario): boolean => s.protocol !== 'ikev2';
export const usesIpv4 = (s: Scenario): boolean => s.family !== 6;
export const usesIpv6 = (s: Scenario): boolean => s.family !== 4;
/** RFC 9329 encapsulates IKEv2 only (libreswan refuses enable-tcp for IKEv1). */
export const usesTcpEncapsulation = (s: Scenario): boolean => s.tcpEncapsulation && offersIkev2(s);
/** Plain ESP (IP protocol 50) is used only by peers that detect no NAT; a server behind NAT is always NATed. */
export const espMayBeUsed = (s: Scenario): boolean => !s.serverNat;

/** Every scenario, for tests and for pre-rendering. */
export function allScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const protocol of PROTOCOLS)
    for (const serverNat of [false, true])
      for (const clientNat of [false, true])
        for (const family of FAMILIES)
          for (const tcpEncapsulation of [false, true])
            for (const firewall of FIREWALLS) out.push({ protocol, serverNat, clientNat, family, tcpEncapsulation, firewall });
  return out;
}
