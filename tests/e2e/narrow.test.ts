/**
 * Nothing scrolls sideways on a 320 px phone (the narrowest width WCAG 1.4.10 Reflow asks for):
 * every page of the sitemap, and every scenario of the port checklist, whose generated text
 * (registry value names, commands) once pushed the whole page to 432 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, sitemapPaths, startSite, type Site } from './harness';

const NARROW = { width: 320, height: 640 };

// Every scenario the checklist accepts (its URL parameters, as documented in
// src/components/ports/PortChecklist.svelte): 3 × 2 × 2 × 3 × 2 × 4 = 288.
const PORT_SCENARIOS = ['ikev2', 'l2tp', 'both'].flatMap((proto) =>
  ['yes', 'no'].flatMap((snat) =>
    ['yes', 'no'].flatMap((cnat) =>
      ['4', '6', 'both'].flatMap((family) =>
        ['yes', 'no'].flatMap((tcp) =>
          ['nftables', 'iptables', 'windows', 'routeros'].map((fw) => `v=1&proto=${proto}&snat=${snat}&cnat=${cnat}&family=${family}&tcp=${tcp}&fw=${fw}`),
        ),
      ),
    ),
  ),
);

/** The document's width and, to say why, the text that reaches past the right edge unclipped. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped = (el: Element | null) => {
      for (let a = el; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && culprits.length < 5; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(node.parentElement)) {
        culprits.push(`${node.parentElement?.tagName.toLowerCase()}: ${(node.textContent ?? '').trim().slice(0, 50)}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

describe('no sideways scrolling at 320 px', () => {
  let site: Site;
  let page: Page;
  beforeAll(async () => {
    site = await startSite(BUILDS[0]);
    ({ page } = await site.openPage({ viewport: NARROW }));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('the sitemap lists the pages this sweep covers', () => {
    expect(sitemapPaths(BUILDS[0]).length).toBeGreaterThan(15);
  });

  it.each(sitemapPaths(BUILDS[0]))('page /%s fits', async (path) => {
    await page.goto(`${site.url}${path}`);
    // Islands hydrate when visible; scroll through so every one has rendered its client state.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    const result = await overflow(page);
    expect(result.scrollWidth, result.culprits.join('\n')).toBeLessThanOrEqual(result.clientWidth);
  });

  it('every port-checklist scenario fits', { timeout: 600_000 }, async () => {
    expect(PORT_SCENARIOS.length).toBe(288);
    const wide: string[] = [];
    for (const query of PORT_SCENARIOS) {
      await page.goto(`${site.url}tools/ports/?${query}`);
      const checklist = page.locator('.ports');
      await checklist.scrollIntoViewIfNeeded();
      await page.locator('.ports[data-ready="true"]').waitFor();
      const result = await overflow(page);
      if (result.scrollWidth > result.clientWidth) wide.push(`${query}: ${result.scrollWidth} px; ${result.culprits.join(' | ')}`);
    }
    expect(wide).toEqual([]);
  });
});
