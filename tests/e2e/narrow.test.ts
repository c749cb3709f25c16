/**
 * Nothing scrolls sideways on a 320 px phone (the narrowest width WCAG 1.4.10 Reflow asks for):
 * every page of the sitemap, and every scenario of the port checklist, whose generated text
 * (registry value names, commands) once pushed the whole page to 432 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, sitemapPaths, startSite, type Site } from './harness';

const NARROW = { width: 320, height: 640 };

// Every scenario the checklist accepts, as its form values (the radio groups of
// src/components/ports/PortChecklist.svelte): 3 × 2 × 2 × 3 × 2 × 4 = 288.
const PORT_FIELDS: [string, string[]][] = [
  ['protocol', ['ikev2', 'l2tp', 'both']],
  ['serverNat', ['yes', 'no']],
  ['clientNat', ['yes', 'no']],
  ['family', ['4', '6', 'both']],
  ['tcpEncapsulation', ['yes', 'no']],
  ['firewall', ['nftables', 'iptables', 'windows', 'routeros']],
];
const PORT_SCENARIOS: Record<string, string>[] = PORT_FIELDS.reduce<Record<string, string>[]>(
  (scenarios, [key, values]) => scenarios.flatMap((scenario) => values.map((value) => ({ ...scenario, [key]: value }))),
  [{}],
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

  it('the error 809 scenario (L2TP/IPsec, server behind NAT) fits when opened from a link', async () => {
    await page.goto(`${site.url}tools/ports/?v=1&proto=l2tp&snat=yes`);
    await page.locator('.ports').scrollIntoViewIfNeeded();
    await page.locator('.ports[data-ready="true"]').waitFor();
    await expect(page.locator('[data-check="nat-t.client.windows-registry"]').count()).resolves.toBe(1);
    const result = await overflow(page);
    expect(result.scrollWidth, result.culprits.join('\n')).toBeLessThanOrEqual(result.clientWidth);
  });

  it('every port-checklist scenario fits', { timeout: 300_000 }, async () => {
    expect(PORT_SCENARIOS.length).toBe(288);
    await page.goto(`${site.url}tools/ports/`);
    await page.locator('.ports').scrollIntoViewIfNeeded();
    await page.locator('.ports[data-ready="true"]').waitFor();
    // Walk the scenarios through the form inside the page (288 page loads would take minutes):
    // tick each value, let Svelte render, and measure.
    const wide = await page.evaluate(async (scenarios) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const root = document.documentElement;
      const found: string[] = [];
      for (const scenario of scenarios) {
        for (const [key, value] of Object.entries(scenario)) {
          const input = document.querySelector<HTMLInputElement>(`.ports input[type="radio"][name$="-${key}"][value="${value}"]`);
          if (input === null) throw new Error(`no ${key}=${value} input`);
          if (!input.checked) input.click();
        }
        await frame();
        const shown = [...document.querySelectorAll<HTMLInputElement>('.ports input[type="radio"]:checked')].map((i) => i.value).join(',');
        if (shown !== Object.values(scenario).join(',')) throw new Error(`form shows ${shown}, expected ${Object.values(scenario).join(',')}`);
        if (root.scrollWidth > root.clientWidth) found.push(`${shown}: ${root.scrollWidth} px`);
      }
      return found;
    }, PORT_SCENARIOS);
    expect(wide).toEqual([]);
  });
});
