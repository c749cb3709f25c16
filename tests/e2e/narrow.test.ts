/**
 * Nothing scrolls sideways on a 320 px phone (the narrowest width WCAG 1.4.10 Reflow asks for):
 * every scenario of the port checklist, whose generated text (registry value names, commands)
 * once pushed the whole page to 432 px. Every page of the sitemap is checked at 320 px by the
 * site sweep (site.test.ts), which loads each page once per width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { approach, BUILDS, NARROW, overflow, startSite, type Site } from './harness';

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

  it('the error 809 scenario (L2TP/IPsec, server behind NAT) fits when opened from a link', async () => {
    await page.goto(`${site.url}tools/ports/?v=1&proto=l2tp&snat=yes`);
    await approach(page.locator('.ports'));
    await page.locator('.ports[data-ready="true"]').waitFor();
    await expect(page.locator('[data-check="nat-t.client.windows-registry"]').count()).resolves.toBe(1);
    const result = await overflow(page);
    expect(result.scrollWidth, result.culprits.join('\n')).toBeLessThanOrEqual(result.clientWidth);
  });

  it('every port-checklist scenario fits', { timeout: 300_000 }, async () => {
    expect(PORT_SCENARIOS.length).toBe(288);
    await page.goto(`${site.url}tools/ports/`);
    await approach(page.locator('.ports'));
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
