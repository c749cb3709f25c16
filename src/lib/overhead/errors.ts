/**
 * The overhead model's error: every refused input throws it (design.md contract), naming the
 * input field and, where the choice is from a closed set, the values that are allowed.
 */
import { FieldError } from '../errors';

export { describeValue } from '../errors';

export class ModelError extends FieldError {
  override readonly name: string = 'ModelError';
}
