import { FieldError } from '../errors';

/** Refused input: names the field and says what is allowed. */
export class DecisionError extends FieldError {
  override readonly name = 'DecisionError';
  constructor(field: string, message: string, allowed?: readonly string[]) {
    super(field, `${field}: ${message}`, allowed);
  }
}
