/**
 * The one error the handshake model throws for input it refuses. `field` is the dotted path of
 * the offending input (for example `timers.ike.base`), so a form can put the message next to it.
 */
import { FieldError, describeValue } from '../errors';

export class HandshakeError extends FieldError {
  override readonly name = 'HandshakeError';
  constructor(field: string, message: string, allowed?: readonly string[]) {
    super(field, `${field}: ${message}`, allowed);
  }
}

export function requireFiniteNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HandshakeError(field, `must be a finite number between ${min} and ${max}, got ${describeValue(value)}`);
  }
  if (value < min || value > max) {
    throw new HandshakeError(field, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  const number = requireFiniteNumber(field, value, min, max);
  if (!Number.isInteger(number)) {
    throw new HandshakeError(field, `must be a whole number between ${min} and ${max}, got ${number}`);
  }
  return number;
}

export function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new HandshakeError(field, `must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new HandshakeError(field, `must be one of ${allowed.join(', ')}, got ${describeValue(value)}`, allowed);
  }
  return value as T;
}
