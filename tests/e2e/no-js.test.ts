/**
 * Without JavaScript, pages follow the reader's colour scheme (Starlight's theme script cannot
 * run) and the theme picker, which could not work, is not shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, startSite, type Site } from './harness';

describe('without JavaScript', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(BUILDS[0]);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each([
    // [system scheme, expected page background: Starlight's --sl-color-black per theme]
    ['light', 'rgb(255, 255, 255)'],
    ['dark', 'rgb(23, 24, 28)'],
  ] as const)('a %s system gets a %s page and no theme picker', async (scheme, background) => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${site.url}guide/ikev2/`);
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(background);
    await expect(page.locator('starlight-theme-select').first().isVisible()).resolves.toBe(false);
    await close();
  });
});
