/** Refused input: names the field and says what is allowed. */
export class DecisionError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'DecisionError';
    this.field = field;
  }
}
