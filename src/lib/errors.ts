/**
 * The one error family of every model in src/lib. A refused input throws a subclass of
 * FieldError naming the input field and, where the choice is from a closed set, the values that
 * are allowed, so that a form can put the message next to the right control and a caller can
 * tell refused input (`instanceof FieldError`) from a bug.
 */
export class FieldError extends Error {
  // Each subclass names itself: class names do not survive minification.
  override readonly name: string = 'FieldError';
  /** The input field or argument that was refused, e.g. 'esp', 'pathMtu', 'timers.ike.base'. */
  readonly field: string;
  /** The accepted values when the field takes one of a closed set (protocols, families, keywords). */
  readonly allowed?: readonly string[];

  constructor(field: string, message: string, allowed?: readonly string[]) {
    super(message);
    this.field = field;
    if (allowed !== undefined) this.allowed = allowed;
  }
}

/** Formats a value for an error message without ever throwing (symbols, null-prototype objects, bigints). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
