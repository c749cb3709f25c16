/**
 * Checks a TunnelSpec and resolves its defaults. A field is checked when the chosen protocol
 * and encapsulation use it; the others are ignored (documented on TunnelSpec).
 */
import { ModelError, describeValue } from './errors';
import {
  MAX_INNER_PACKET,
  TCP_OPTIONS_MAX,
  TCP_OPTIONS_WORD,
  WIREGUARD_DEFAULT_MTU,
  ipHeaderBytes,
} from './constants';
import { parseEspProposal, type EspTransform } from './proposal';
import type { Encapsulation, IpVersion, Protocol, TunnelSpec } from './types';

export const PROTOCOLS: readonly Protocol[] = ['ikev2', 'l2tp', 'wireguard', 'openvpn'];
export const IP_VERSIONS: readonly IpVersion[] = [4, 6];

/** Encapsulations each protocol can run over. */
export const ENCAPSULATIONS_BY_PROTOCOL: Readonly<Record<Protocol, readonly Encapsulation[]>> = {
  ikev2: ['none', 'udp', 'tcp'],
  l2tp: ['none', 'udp', 'tcp'],
  wireguard: ['udp'],
  openvpn: ['udp', 'tcp'],
};

/** A checked spec with every default filled in. */
export interface ResolvedSpec {
  readonly protocol: Protocol;
  readonly outer: IpVersion;
  readonly inner: IpVersion;
  readonly encapsulation: Encapsulation;
  /** 0 unless encapsulation is 'tcp'. */
  readonly tcpOptionBytes: number;
  /** The parsed proposal for ikev2 and l2tp; null otherwise. */
  readonly esp: EspTransform | null;
  readonly l2tp: { readonly length: boolean; readonly sequence: boolean };
  readonly ppp: { readonly acfc: boolean; readonly pfc: boolean };
  /** The interface MTU for wireguard; 0 otherwise. */
  readonly wireguardMtu: number;
}

/** Refuses anything but a whole number in [min, max]: no NaN, no Infinity, no fractions, no strings. */
export function checkWholeNumber(field: string, value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ModelError(field, `${what} must be a whole number from ${min} to ${max}; got ${describeValue(value)}.`);
  }
  return value;
}

function checkChoice<T extends string | number>(field: string, value: unknown, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new ModelError(
      field,
      `${what} must be one of ${allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ')}; got ${describeValue(value)}.`,
      allowed.map(String),
    );
  }
  return value as T;
}

function checkFlags<K extends string>(field: string, value: unknown, keys: readonly K[]): Record<K, boolean> {
  const flags = Object.fromEntries(keys.map((k) => [k, false])) as Record<K, boolean>;
  if (value === undefined) return flags;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(field, `${field} must be an object such as { ${keys.map((k) => `${k}: true`).join(', ')} }; got ${describeValue(value)}.`);
  }
  for (const key of keys) {
    const flag = (value as Record<string, unknown>)[key];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') {
      throw new ModelError(`${field}.${key}`, `${field}.${key} must be true or false; got ${describeValue(flag)}.`, ['true', 'false']);
    }
    flags[key] = flag;
  }
  return flags;
}

export function resolveSpec(spec: TunnelSpec): ResolvedSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ModelError('spec', `The tunnel description must be an object with protocol, outer and inner; got ${describeValue(spec)}.`);
  }
  const protocol = checkChoice('protocol', spec.protocol, PROTOCOLS, 'protocol');
  const outer = checkChoice('outer', spec.outer, IP_VERSIONS, 'outer (the IP version of the path)');
  const inner = checkChoice('inner', spec.inner, IP_VERSIONS, 'inner (the IP version inside the tunnel)');

  const allowedEncapsulations = ENCAPSULATIONS_BY_PROTOCOL[protocol];
  const encapsulationWhat =
    protocol === 'wireguard' ? 'WireGuard runs over UDP only, so encapsulation' : `encapsulation for ${protocol}`;
  const encapsulation =
    spec.encapsulation === undefined
      ? 'udp'
      : checkChoice('encapsulation', spec.encapsulation, allowedEncapsulations, encapsulationWhat);

  const tcpOptionBytes =
    encapsulation === 'tcp' && spec.tcpOptionBytes !== undefined
      ? checkWholeNumber('tcpOptionBytes', spec.tcpOptionBytes, 0, TCP_OPTIONS_MAX, 'tcpOptionBytes (TCP options in the outer header)')
      : 0;
  if (tcpOptionBytes % TCP_OPTIONS_WORD !== 0) {
    throw new ModelError(
      'tcpOptionBytes',
      `tcpOptionBytes must be a multiple of 4 (TCP options fill whole 32-bit words, padded; 12 with timestamps); got ${tcpOptionBytes}.`,
    );
  }

  let esp: EspTransform | null = null;
  if (protocol === 'ikev2' || protocol === 'l2tp') {
    if (spec.esp === undefined) {
      throw new ModelError(
        'esp',
        `${protocol === 'ikev2' ? 'IKEv2' : 'L2TP/IPsec'} needs the ESP proposal in use, e.g. 'aes256gcm16' or 'aes256-sha256'.`,
      );
    }
    esp = parseEspProposal(spec.esp);
  }

  const l2tpFlags = protocol === 'l2tp' ? checkFlags('l2tp', spec.l2tp, ['length', 'sequence'] as const) : null;
  const pppFlags = protocol === 'l2tp' ? checkFlags('ppp', spec.ppp, ['acfc', 'pfc'] as const) : null;

  const wireguardMtu =
    protocol === 'wireguard'
      ? spec.wireguardMtu === undefined
        ? WIREGUARD_DEFAULT_MTU
        : checkWholeNumber('wireguardMtu', spec.wireguardMtu, ipHeaderBytes(inner), MAX_INNER_PACKET, 'wireguardMtu (the WireGuard interface MTU)')
      : 0;

  return {
    protocol,
    outer,
    inner,
    encapsulation,
    tcpOptionBytes,
    esp,
    l2tp: l2tpFlags ?? { length: false, sequence: false },
    ppp: pppFlags ?? { acfc: false, pfc: false },
    wireguardMtu,
  };
}
