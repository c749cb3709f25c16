/**
 * Versioned tool state in the query string: the one codec every island uses.
 *
 * Shape: each tool declares its fields once (`defineUrlState`), keyed by query parameter, then
 *   decode(query)  -> { state, notices, noticeParams }  never throws; what it cannot use becomes a
 *                                                     notice naming its parameter
 *   encode(state)  -> URLSearchParams  writes `v` and every field (an unanswered optional choice
 *                                      and an empty list are left out), so a shared link keeps
 *                                      its meaning even if a default changes later
 *
 * Field kinds, because a bad value must stay visible where the reader can fix it:
 *   - choice: a value from a fixed list (a <select> or radio group). A value outside the list
 *     cannot be shown in the control, so it falls back to the default with a notice. Without a
 *     default the choice is optional: missing or empty means "not answered" (undefined).
 *   - list:   comma-separated values (tick boxes). Unknown and repeated items are dropped, each
 *     with a notice; `options: null` accepts any item (the model filters them).
 *   - text:   free input kept exactly as written (a number field is text until the model
 *     validates it). Checking it is the model's job, which names the field in its error.
 *
 * Rules every tool shares (tests/unit/url-state/): a repeated parameter keeps its first value,
 * with a notice; a missing or unknown `v` is read as v=1, with a notice; a parameter no field
 * declares is ignored, with a notice; choice and list values are trimmed; text is not.
 *
 * Lifecycle on a page: server render with defaults -> island hydrates -> decode(location.search)
 * -> reader edits -> encode(state) -> history.replaceState (src/lib/shared/url-sync.svelte.ts).
 */

export const URL_STATE_VERSION = 1;

export interface ChoiceField<T extends string> {
  kind: 'choice';
  options: readonly T[];
  default: T;
  /** Human name used in notices: 'protocol'. */
  label: string;
}

/** A choice that may be left unanswered (undefined, not written to the link). */
export interface OptionalChoiceField<T extends string> {
  kind: 'choice';
  options: readonly T[];
  default: undefined;
  label: string;
}

export interface ListField<T extends string> {
  kind: 'list';
  /** Allowed items, or null to accept any item up to `maxLength` characters. */
  options: readonly T[] | null;
  default: readonly T[];
  label: string;
  maxLength: number;
}

export interface TextField {
  kind: 'text';
  default: string;
  label: string;
  /** Longest value accepted from a URL; longer values fall back with a notice. */
  maxLength: number;
}

export type Field = ChoiceField<string> | OptionalChoiceField<string> | ListField<string> | TextField;
type ValueOf<F> =
  F extends OptionalChoiceField<infer T>
    ? T | undefined
    : F extends ChoiceField<infer T>
      ? T
      : F extends ListField<infer T>
        ? readonly T[]
        : string;
export type StateOf<Fields extends Record<string, Field>> = { -readonly [K in keyof Fields]: ValueOf<Fields[K]> };

export function choice<const T extends string>(label: string, options: readonly T[], fallback: T): ChoiceField<T>;
export function choice<const T extends string>(label: string, options: readonly T[]): OptionalChoiceField<T>;
export function choice<const T extends string>(label: string, options: readonly T[], fallback?: T): ChoiceField<T> | OptionalChoiceField<T> {
  return fallback === undefined
    ? { kind: 'choice', options, default: undefined, label }
    : { kind: 'choice', options, default: fallback, label };
}

export const list = <const T extends string>(label: string, options: readonly T[] | null, maxLength = 2000): ListField<T> => ({
  kind: 'list',
  options,
  default: [],
  label,
  maxLength,
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
  /** The parameter each notice is about, index for index ('v' for the version). */
  noticeParams: string[];
}

export interface UrlStateCodec<S> {
  defaults: S;
  /** The field declarations, keyed by query parameter. */
  fields: Readonly<Record<string, Field>>;
  /** The query parameters in encode order (after `v`). */
  params: readonly string[];
  /** The options of every choice and list field, for building form controls. */
  choices: Readonly<Record<string, readonly string[]>>;
  decode(query: string | URLSearchParams): Decoded<S>;
  encode(state: S): URLSearchParams;
}

type ChoicesOf<Fields> = {
  [K in keyof Fields as Fields[K] extends { options: readonly string[] } ? K : never]: Fields[K] extends { options: infer O } ? O : never;
};

/** What defineUrlState returns: the codec, typed to the declared fields. */
export type DefinedUrlState<Fields extends Record<string, Field>> = UrlStateCodec<StateOf<Fields>> & {
  fields: Fields;
  params: readonly (keyof Fields & string)[];
  choices: ChoicesOf<Fields>;
};

/** A value quoted for a notice, cut short so a hostile link cannot flood the page. */
const quote = (value: string): string => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

export function defineUrlState<const Fields extends Record<string, Field>>(fields: Fields): DefinedUrlState<Fields> {
  type S = StateOf<Fields>;
  const params = Object.keys(fields) as (keyof Fields & string)[];
  const defaults = Object.fromEntries(params.map((name) => [name, fields[name]?.default])) as S;
  const choices = Object.fromEntries(
    params.flatMap((name) => {
      const options = fields[name]?.kind === 'text' ? null : fields[name]?.options;
      return options ? [[name, options]] : [];
    }),
  ) as Record<string, readonly string[]> as DefinedUrlState<Fields>['choices'];

  function read(field: Field, raw: string, note: (message: string) => void): unknown {
    if (field.kind === 'text') {
      if (raw.length <= field.maxLength) return raw;
      note(`The link's ${field.label} is longer than ${field.maxLength} characters and was ignored.`);
      return field.default;
    }
    const value = raw.trim();
    if (field.kind === 'choice') {
      if (field.options.includes(value)) return value;
      if (value === '' && field.default === undefined) return undefined;
      const fallback = field.default === undefined ? 'it was left unanswered' : `showing ${field.default}`;
      note(`The link asked for ${field.label} ${quote(value)}, which is not one of ${field.options.join(', ')}; ${fallback}.`);
      return field.default;
    }
    if (value.length > field.maxLength) {
      note(`The link's ${field.label} is longer than ${field.maxLength} characters and was ignored.`);
      return field.default;
    }
    const items: string[] = [];
    for (const item of value.split(',').map((s) => s.trim())) {
      if (item === '') continue;
      if (field.options !== null && !field.options.includes(item)) {
        note(`The link's ${field.label} ${quote(item)} is not one of ${field.options.join(', ')} and was ignored.`);
      } else if (items.includes(item)) {
        note(`The link lists ${field.label} ${quote(item)} twice; once is enough.`);
      } else {
        items.push(item);
      }
    }
    return items;
  }

  return {
    defaults,
    fields,
    params,
    choices,
    decode(query) {
      const search = typeof query === 'string' ? new URLSearchParams(query) : query;
      const state: Record<string, unknown> = { ...defaults };
      const notices: string[] = [];
      const noticeParams: string[] = [];
      const noteFor = (key: string) => (message: string) => {
        notices.push(message);
        noticeParams.push(key);
      };
      const seen = new Set<string>();
      let hasState = false;
      for (const [key, value] of search) {
        if (seen.has(key)) {
          noteFor(key)(`The link's parameter ${quote(key)} appears more than once; the first value was used.`);
          continue;
        }
        seen.add(key);
        if (key === 'v') {
          if (value !== String(URL_STATE_VERSION)) {
            noteFor(key)(`This link is in format v=${quote(value)}, which this page does not know; it was read as v=${URL_STATE_VERSION}.`);
          }
          continue;
        }
        hasState = true;
        // Own keys only: `?toString=x` must not find Object.prototype's member.
        const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
        if (field === undefined) noteFor(key)(`The link's parameter ${quote(key)} is not used by this tool and was ignored.`);
        else state[key] = read(field, value, noteFor(key));
      }
      if (hasState && !seen.has('v')) {
        noteFor('v')(`This link has no format version (v); it was read as v=${URL_STATE_VERSION}.`);
      }
      return { state: state as S, notices, noticeParams };
    },
    encode(state) {
      const search = new URLSearchParams({ v: String(URL_STATE_VERSION) });
      for (const name of params) {
        const value: unknown = state[name];
        if (value === undefined) continue;
        if (Array.isArray(value)) {
          if (value.length > 0) search.set(name, value.join(','));
        } else {
          search.set(name, String(value));
        }
      }
      return search;
    },
  };
}
