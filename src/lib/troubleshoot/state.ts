/**
 * The troubleshooter's query-string state (src/lib/url-state.ts).
 *
 * Parameters:
 *   v=1     format version
 *   code    a Windows error number, e.g. 809 (digits only; judged by the page, which shows
 *           "unknown code" at the field for one it has no entry for)
 * Example: ?v=1&code=809
 *
 * The pasted log is never part of the state: it stays in the page and never enters the URL.
 */
import { defineUrlState, text, type StateOf, type UrlStateCodec } from '../url-state';

const FIELDS = {
  code: text('Windows error code', '', 6),
} as const;

export type TroubleshootState = StateOf<typeof FIELDS>;

export const TROUBLESHOOT_URL_STATE: UrlStateCodec<TroubleshootState> = defineUrlState(FIELDS);
