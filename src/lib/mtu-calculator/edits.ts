/**
 * Edits the form makes on the reader's behalf. Switching protocol moves the encapsulation to
 * one the new protocol runs over (WireGuard: UDP only; OpenVPN: UDP or TCP), so that a click
 * never produces an error; a hand-written link keeps its value and shows the model's error.
 */
import { ENCAPSULATIONS_BY_PROTOCOL, type Protocol } from '../overhead';
import type { CalculatorState } from './state';

export function changeProtocol(state: CalculatorState, protocol: Protocol): CalculatorState {
  const allowed = ENCAPSULATIONS_BY_PROTOCOL[protocol];
  const encap = allowed.includes(state.encap) ? state.encap : 'udp';
  return { ...state, proto: protocol, encap };
}

/** Which encapsulations the form offers for a protocol. */
export function encapsulationsFor(protocol: Protocol): readonly CalculatorState['encap'][] {
  return ENCAPSULATIONS_BY_PROTOCOL[protocol];
}
