// What a scenario's firewall must accept, independent of the firewall syntax.
import { espMayBeUsed, offersL2tp, usesTcpEncapsulation, type Scenario } from '../scenario';

export interface Opening {
  readonly kind: 'udp' | 'tcp' | 'esp';
  /** Destination port; absent for ESP. */
  readonly port?: number;
  /** Short label used in rule comments and names. */
  readonly label: string;
}

/** Ports and protocols to accept from anywhere, in rule order. */
export function openingsFor(s: Scenario): Opening[] {
  const openings: Opening[] = [
    { kind: 'udp', port: 500, label: 'IKE (UDP 500)' }, // RFC 7296 §2.11
    { kind: 'udp', port: 4500, label: 'IKE NAT-T and ESP-in-UDP (UDP 4500)' }, // RFC 7296 §2.23, RFC 3948
  ];
  if (espMayBeUsed(s)) openings.push({ kind: 'esp', label: 'ESP (IP protocol 50)' }); // RFC 4303
  if (usesTcpEncapsulation(s)) openings.push({ kind: 'tcp', port: 4500, label: 'IKE and ESP over TCP (TCP 4500, RFC 9329)' }); // RFC 9329; libreswan listen-tcp
  return openings;
}

/** Whether UDP 1701 needs the "only inside IPsec" pair of rules (RFC 3193). */
export const needsL2tpRules = (s: Scenario): boolean => offersL2tp(s);

export const L2TP_INSIDE_LABEL = 'L2TP (UDP 1701) only inside IPsec';
export const L2TP_DROP_LABEL = 'plain L2TP (UDP 1701) never';
