/**
 * Versioned calculator state in the query string, shared by every island.
 *
 * Shape: each island declares its fields once (`defineUrlState`), then
 *   decode(query)  -> { state, notices }   never throws; what it cannot use becomes a notice
 *   encode(state)  -> URLSearchParams      always writes `v` and every field, so a shared link
 *                                          keeps its meaning even if a default changes later
 *
 * Two kinds of field, because a bad value must stay visible where the reader can fix it:
 *   - choice: a value from a fixed list (a <select> or radio group). A value outside the list
 *     cannot be shown in the control, so it falls back to the default with a notice.
 *   - text:   free input kept exactly as written (a number field is text until the model
 *     validates it). Checking it is the model's job, which names the field in its error.
 *
 * Lifecycle on a page: server render with defaults -> island hydrates -> decode(location.search)
 * -> reader edits -> encode(state) -> history.replaceState.
 */

export const URL_STATE_VERSION = 1;

export interface ChoiceField<T extends string> {
  kind: 'choice';
  options: readonly T[];
  default: T;
  /** Human name used in notices: 'protocol'. */
  label: string;
}

export interface TextField {
  kind: 'text';
  default: string;
  label: string;
  /** Longest value accepted from a URL; longer values fall back with a notice. */
  maxLength: number;
}

export type Field = ChoiceField<string> | TextField;
type ValueOf<F> = F extends ChoiceField<infer T> ? T : string;
export type StateOf<Fields extends Record<string, Field>> = { [K in keyof Fields]: ValueOf<Fields[K]> };

export const choice = <const T extends string>(label: string, options: readonly T[], fallback: T): ChoiceField<T> => ({
  kind: 'choice',
  options,
  default: fallback,
  label,
});

export const text = (label: string, fallback: string, maxLength = 200): TextField => ({
  kind: 'text',
  default: fallback,
  label,
  maxLength,
});

export interface Decoded<S> {
  state: S;
  /** Sentences for the reader about parts of the link that were not used. */
  notices: string[];
}

export interface UrlStateCodec<S> {
  defaults: S;
  decode(query: string | URLSearchParams): Decoded<S>;
  encode(state: S): URLSearchParams;
}

export function defineUrlState<const Fields extends Record<string, Field>>(fields: Fields): UrlStateCodec<StateOf<Fields>> {
  type S = StateOf<Fields>;
  const names = Object.keys(fields) as (keyof Fields & string)[];
  const defaults = Object.fromEntries(names.map((name) => [name, fields[name]!.default])) as S;

  return {
    defaults,
    decode(query) {
      const params = typeof query === 'string' ? new URLSearchParams(query) : query;
      const state = { ...defaults } as Record<string, string>;
      const notices: string[] = [];
      const version = params.get('v');
      if (version !== null && version !== String(URL_STATE_VERSION)) {
        notices.push(
          `This link is in format v=${version}, which this page does not know; it was read as v=${URL_STATE_VERSION}.`,
        );
      }
      for (const [key, value] of params) {
        if (key === 'v') continue;
        // Own keys only: `?toString=x` must not find Object.prototype's member.
        const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
        if (!field) {
          notices.push(`The link's parameter “${key}” is not used by this tool and was ignored.`);
        } else if (field.kind === 'choice' && !field.options.includes(value)) {
          notices.push(
            `The link asked for ${field.label} “${value}”, which is not one of ${field.options.join(', ')}; ` +
              `showing ${field.default}.`,
          );
        } else if (field.kind === 'text' && value.length > field.maxLength) {
          notices.push(`The link's ${field.label} is longer than ${field.maxLength} characters and was ignored.`);
        } else {
          state[key] = value;
        }
      }
      return { state: state as S, notices };
    },
    encode(state) {
      const params = new URLSearchParams({ v: String(URL_STATE_VERSION) });
      for (const name of names) params.set(name, String(state[name]));
      return params;
    },
  };
}
