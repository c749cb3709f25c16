/**
 * The one way an island keeps its state in the address: read on mount, write with
 * history.replaceState on every change. Compact embeds never touch the address (several may
 * share a chapter page); they keep their own state and link to the full tool with `query`.
 *
 * `ready` turns true on mount, after the state is read. A choice made before hydration is
 * replayed after mount by the hydration directive (src/directives/interaction.ts), so the state
 * read here cannot silently replace it.
 *
 * Usage, during component initialisation:
 *   const sync = new UrlSync(MTU_URL_STATE, { compact });
 *   sync.state            the current state (bind to its fields, or replace it)
 *   sync.set(next)        replace it; on a full page after mount the address follows
 *   sync.query            the encoded state (without '?'), for share links
 *   sync.notices          sentences about parts of the link that were not used
 *   sync.noticeParams     the parameter of each notice, for aria-describedby
 */
import { onMount } from 'svelte';
import type { Decoded } from '../../lib/url-state';

/** What UrlSync needs of a codec: src/lib/url-state.ts's defineUrlState, or a tool's wrapper around it. */
export interface QueryCodec<S> {
  decode(query: string): Decoded<S>;
  encode(state: S): URLSearchParams;
}

export class UrlSync<S> {
  /** Deep state, so a form may bind to its fields as well as replace it with set(). */
  state: S = $state() as S;
  notices: readonly string[] = $state.raw([]);
  noticeParams: readonly string[] = $state.raw([]);
  ready = $state(false);
  readonly query = $derived.by(() => this.#codec.encode(this.state).toString());
  readonly #codec: QueryCodec<S>;
  readonly #compact: boolean;
  /** The query of a page opened without one: not written until the reader changes something. */
  #untouched: string | undefined;

  constructor(codec: QueryCodec<S>, options: { initial: S; compact?: boolean }) {
    this.#codec = codec;
    this.#compact = options.compact ?? false;
    this.state = options.initial;
    onMount(() => {
      if (!this.#compact && location.search !== '') {
        const decoded = this.#codec.decode(location.search);
        this.state = decoded.state;
        this.notices = decoded.notices;
        this.noticeParams = decoded.noticeParams;
      } else {
        this.#untouched = this.query;
      }
      this.ready = true;
    });
    // A decoded link is rewritten at once to its full v=1 form; later, every change is written.
    $effect(() => {
      const query = this.query;
      if (!this.ready || this.#compact || query === this.#untouched) return;
      this.#untouched = undefined;
      history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
    });
  }

  set(next: S): void {
    this.state = next;
  }
}
