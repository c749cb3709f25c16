// `client:interaction`, the one hydration directive of the site's islands. Every island is
// rendered at build time, so a reader who only reads needs none of its code, and loading a page
// never waits on hydration. An island hydrates once the reader has shown they are here (pointer,
// touch, key, focus, wheel or scroll anywhere on the page) and it is in view; an address that
// carries a query counts as the reader's first act, since a shared link holds a tool's state.
//
// Controls are live before hydration. A change made in that moment (the tap that wakes the
// island also ticks a box) is kept: the island's handlers never saw it and hydration may reset
// the control, so each such control gets its value back and its event again once hydrated.
import type { ClientDirective } from 'astro';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Events that say a reader is here. `scroll` and `wheel` count only for the page itself. */
const PAGE_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;
const VIEWPORT_EVENTS = ['scroll', 'wheel'] as const;

const isControl = (target: EventTarget | null): target is Control =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;

const interaction: ClientDirective = (load, _options, el) => {
  const early: { control: Control; type: string; value: string; checked: boolean }[] = [];
  const recordEarly = (event: Event) => {
    if (!isControl(event.target)) return;
    const control = event.target;
    early.push({ control, type: event.type, value: control.value, checked: control instanceof HTMLInputElement && control.checked });
  };
  el.addEventListener('input', recordEarly, true);
  el.addEventListener('change', recordEarly, true);

  let present = location.search !== '';
  const inView = new Set<Element>();
  let started = false;
  const hydrate = async () => {
    started = true;
    visibility.disconnect();
    const run = await load();
    await run();
    // The replay must land after the island's mount code (which may read the address): Svelte
    // runs it in a microtask, so wait for the next task.
    await new Promise((resolve) => setTimeout(resolve));
    el.removeEventListener('input', recordEarly, true);
    el.removeEventListener('change', recordEarly, true);
    for (const { control, type, value, checked } of early) {
      if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) control.checked = checked;
      else control.value = value;
      control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  };
  const maybeHydrate = () => {
    if (present && inView.size > 0 && !started) void hydrate();
  };
  const arrive = () => {
    present = true;
    for (const type of PAGE_EVENTS) window.removeEventListener(type, arrive, true);
    for (const type of VIEWPORT_EVENTS) window.removeEventListener(type, arrive);
    maybeHydrate();
  };
  // One call may bring an island's entry and exit (a fast scroll past it): it was seen, so it counts.
  const visibility = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        inView.add(entry.target);
        maybeHydrate();
      } else inView.delete(entry.target);
    }
  });
  for (const child of el.children) visibility.observe(child);
  if (present) return;
  for (const type of PAGE_EVENTS) window.addEventListener(type, arrive, { capture: true, passive: true });
  // Without capture: a scroll inside the page (the sidebar restoring its position) is not the reader.
  for (const type of VIEWPORT_EVENTS) window.addEventListener(type, arrive, { passive: true });
};

export default interaction;
