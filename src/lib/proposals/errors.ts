/**
 * The proposal matcher's refusals: the site's one error family (FieldError through the overhead
 * model's ModelError, since the tokens come from its algorithm table),
 * plus where in the pasted text the problem is and what the reader probably meant.
 */
import { ModelError } from '../overhead/errors';

export class ProposalError extends ModelError {
  override readonly name: string = 'ProposalError';
  /** The token as written ('' when the problem is a whole proposal, e.g. a missing key exchange). */
  readonly token: string;
  /** 1-based number of the proposal in its comma-separated list. */
  readonly proposal: number;
  /** 0-based character offset of the token (or proposal) in the text as given. */
  readonly offset: number;
  /** The closest valid keywords, best first; empty when none is close. */
  readonly suggestions: readonly string[];

  constructor(
    field: string,
    message: string,
    where: { token: string; proposal: number; offset: number; suggestions?: readonly string[] },
  ) {
    super(field, message);
    this.token = where.token;
    this.proposal = where.proposal;
    this.offset = where.offset;
    this.suggestions = where.suggestions ?? [];
  }
}
