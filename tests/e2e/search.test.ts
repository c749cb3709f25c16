/**
 * The search override: nothing of Pagefind loads before the reader asks for search; then it finds
 * words that are on a page, is keyboard-operable and axe-clean, and works under a base path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, VIEWPORTS, axeViolations, startSite, type Site } from './harness';

describe.each(BUILDS)('search in $dir', (build) => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('loads Pagefind only on first use, then finds a page by a word on it', async () => {
    const { page, close, problems } = await site.openPage();
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
    });
    await page.goto(site.url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(pagefindRequests, 'Pagefind requests before search was opened').toEqual([]);

    await page.keyboard.press('Control+k');
    const input = page.getByRole('searchbox', { name: 'Search the guide' });
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await input.fill('obsoleted');
    const hit = page.locator('.search-dialog__results a[href*="reference/sources/"]').first();
    await hit.waitFor();
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${build.base}reference/sources/`));
    expect(pagefindRequests.length).toBeGreaterThan(0);
    expect(pagefindRequests.every((url) => url.startsWith(`${site.url}pagefind/`))).toBe(true);
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/match/);

    expect(await axeViolations(page), 'axe with the dialog open').toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('is operable by keyboard: arrows move through results, Escape closes and returns focus', async () => {
      const { page, close } = await site.openPage();
      await page.goto(site.url);
      const openButton = page.getByRole('button', { name: 'Search' });
      await openButton.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.type('obsoleted');
      await page.locator('.search-dialog__results a').first().waitFor();

      await page.keyboard.press('ArrowDown');
      const focusedHref = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
      await expect(focusedHref()).resolves.toMatch(/reference\/sources|guide\//);
      await page.keyboard.press('ArrowUp');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-dialog-input');

      await page.keyboard.press('Escape');
      await expect(page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
      await expect(openButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await close();
    });
  }

  it('Enter in the input opens the first hit; section lists are styled (no bullets)', async () => {
    const { page, close, problems } = await site.openPage();
    await page.goto(site.url);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('error 809');
    const first = page.locator('.search-dialog__results a').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    // Results are built at run time; scoped styles would leave browser bullets on their lists.
    const bullets = await page.locator('.search-dialog__results ul').evaluateAll((lists) => lists.map((l) => getComputedStyle(l).listStyleType));
    expect(bullets.length).toBeGreaterThan(0);
    expect(new Set(bullets)).toEqual(new Set(['none']));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === href);
    await expect(page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('without JavaScript says that search needs it instead of showing a dead button', async () => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.goto(site.url);
    const hint = page.locator('.search-noscript');
    await expect(hint.isVisible()).resolves.toBe(true);
    await expect(hint.innerText()).resolves.toBe('Search needs JavaScript');
    await expect(page.getByRole('button', { name: 'Search' }).isVisible()).resolves.toBe(false);
    await close();
    // With JavaScript, the hint is not shown.
    const withJs = await site.openPage();
    await withJs.page.goto(site.url);
    await expect(withJs.page.locator('.search-noscript').isVisible()).resolves.toBe(false);
    await withJs.close();
  });

  it('opens from the icon button at phone width', async () => {
    const { page, close, problems } = await site.openPage({ viewport: VIEWPORTS.phone });
    await page.goto(site.url);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search the guide' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });
});
