/**
 * Every page of both builds (root and base path): served, error-free, self-contained, accessible,
 * usable at phone and desktop widths, readable without JavaScript, and every internal link lands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILDS,
  VIEWPORTS,
  axeViolations,
  fitsViewport,
  sitemapPaths,
  startSite,
  type Site,
} from './harness';

describe.each(BUILDS)('built site in $dir (base $base)', (build) => {
  let site: Site;
  const paths = sitemapPaths(build);
  const internalLinks = new Set<string>();

  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('lists the home page and the references in its sitemap', () => {
    expect(paths).toContain('');
    expect(paths).toContain('reference/sources/');
  });

  describe.each(paths)('/%s', (path) => {
    it.each(Object.entries(VIEWPORTS))('works at %s width: 200, no errors, no foreign requests, axe clean', async (_, viewport) => {
      const { page, context, problems } = await site.openPage({ viewport });
      const response = await page.goto(site.url + path, { waitUntil: 'load' });
      // Let client:visible islands hydrate and deferred scripts run before judging the page.
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState('networkidle');

      // Gather every finding first, so one run reports all of a page's problems at once.
      const findings = {
        status: response?.status(),
        sidewaysScroll: !(await fitsViewport(page)).fits,
        axe: await axeViolations(page),
        ...problems,
        cookies: await context.cookies(),
      };
      expect(findings).toEqual({
        status: 200,
        sidewaysScroll: false,
        axe: [],
        consoleErrors: [],
        foreignRequests: [],
        failedRequests: [],
        cookies: [],
      });

      if (viewport === VIEWPORTS.desktop) {
        const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin === site.origin) internalLinks.add(url.pathname);
        }
      }
      await context.close();
    });

    it('is readable with JavaScript off', async () => {
      const { page, context } = await site.openPage({ javaScript: false });
      await page.goto(site.url + path);
      const text = await page.locator('main').innerText();
      expect(text.trim().length).toBeGreaterThan(200);
      expect(text).not.toMatch(/\bNaN\b|undefined|\[object Object\]/);
      await context.close();
    });
  });

  it('has no broken internal links', async () => {
    expect(internalLinks.size, 'links collected from the pages').toBeGreaterThanOrEqual(paths.length);
    const broken: string[] = [];
    for (const pathname of internalLinks) {
      const response = await fetch(site.origin + pathname);
      if (response.status !== 200) broken.push(`${response.status} ${pathname}`);
    }
    expect(broken).toEqual([]);
  });

  it('serves the 404 page with status 404 for an unknown address', async () => {
    const { page, context, problems } = await site.openPage();
    const response = await page.goto(`${site.url}this-page-does-not-exist/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/not found/i);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    // Chromium reports the 404 status of the document itself as a console error; nothing else may fail.
    expect(problems.consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    const home = await page.getByRole('link', { name: 'the start page' }).getAttribute('href');
    expect(home).toBe(build.base);
    await context.close();
  });
});
