/**
 * Every page of both builds (root and base path): served, error-free, self-contained, accessible,
 * usable at phone and desktop widths, readable without JavaScript, every internal link lands, and
 * the Content Security Policy is sent, obeyed by every page, and enforced on injected code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, NARROW, VIEWPORTS, axeViolations, overflow, sitemapPaths, splitWords, startSite, type Site } from './harness';

/** Moves as a reader would and brings every island into view (src/directives/interaction.ts), then waits until all have hydrated. */
async function hydrateIslands(page: Page): Promise<boolean> {
  await page.mouse.move(1, 1); // a reader's first move wakes a tool page's island (src/directives/interaction.ts)
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const island of document.querySelectorAll('astro-island')) {
      // The island itself is display: contents (no box); Astro watches its children.
      (island.firstElementChild ?? island).scrollIntoView();
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  return page
    .waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 20_000 })
    .then(
      () => true,
      () => false,
    );
}

/** What a strict policy must say, whatever hashes the build adds (issue 17). */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe.each(BUILDS)('built site in $dir (base $base)', (build) => {
  let site: Site;
  const paths = sitemapPaths(build);
  // Each page is loaded once per width and every per-page check runs on that load. Phones are
  // swept at 320 px, the narrowest width WCAG 1.4.10 asks for (a page that fits there fits at
  // 360; the tool tests check 360 with their panels open). The base-path build differs from the
  // root build only in its URLs, so it is swept at one width, and without axe: the same markup
  // with other URLs (its status, hydration, errors, policy and requests are checked).
  const viewports = build.base === '/' ? ([['320 px', NARROW], ['desktop', VIEWPORTS.desktop]] as const) : ([['desktop', VIEWPORTS.desktop]] as const);
  const axe = build.base === '/' ? ', axe clean' : '';
  const cases = paths.flatMap((path) => viewports.map(([name, viewport]) => ({ path, name, viewport, axe })));

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

  // Pages are independent, so a few are checked at once (maxConcurrency in vitest.config.ts).
  describe.concurrent('every page', () => {
    it.each(cases)(
      '/$path at $name width: 200, hydrates, no errors or CSP violations, no foreign requests$axe',
      async ({ path, viewport }) => {
        const { page, close, problems } = await site.openPage({ viewport });
        const response = await page.goto(site.url + path, { waitUntil: 'load' });
        const hydrated = await hydrateIslands(page);
        await page.waitForLoadState('networkidle');

        // Gather every finding first, so one run reports all of a page's problems at once.
        const width = await overflow(page);
        const findings = {
          status: response?.status(),
          hydrated,
          sidewaysScroll: width.scrollWidth > width.clientWidth ? [`${width.scrollWidth} px`, ...width.culprits] : [],
          axe: axe ? await axeViolations(page) : 'checked on the root build',
          ...problems,
          cookies: await page.context().cookies(),
        };
        await close();
        expect(findings).toEqual({
          status: 200,
          hydrated: true,
          sidewaysScroll: [],
          axe: axe ? [] : 'checked on the root build',
          consoleErrors: [],
          foreignRequests: [],
          failedRequests: [],
          cookies: [],
        });
      },
    );

    if (build.base === '/') {
      // At a common phone width a chapter's tables, written or rendered from the model, keep their
      // words whole and need no sideways scrolling: columns hold any word up to 80 px, and wide
      // tables become cards (data-stack; scripts/table-labels.mjs for written ones).
      it.each(paths)('/%s keeps the words of its tables whole at 360 px, none scrolls', async (path) => {
        const { page, close } = await site.openPage({ viewport: VIEWPORTS.phone });
        await page.goto(site.url + path);
        const split = await splitWords(page, '.sl-markdown-content table:not(:where(.not-content *)) tbody :is(th, td)');
        const scrolling = await page.$$eval('.model-table-scroll', (regions) =>
          regions.filter((r) => r.scrollWidth > r.clientWidth).map((r) => `${r.getAttribute('aria-label')}: ${r.scrollWidth} px in ${r.clientWidth}`),
        );
        await close();
        expect({ split, scrolling }).toEqual({ split: [], scrolling: [] });
      });
    }

    it.each(paths)('/%s is readable with JavaScript off', async (path) => {
      const { page, close } = await site.openPage({ javaScript: false });
      await page.goto(site.url + path);
      const text = await page.locator('main').innerText();
      await close();
      expect(text.trim().length).toBeGreaterThan(200);
      expect(text).not.toMatch(/\bNaN\b|undefined|\[object Object\]/);
    });
  });

  it('has no broken internal links', async () => {
    const internalLinks = new Set<string>();
    for (const path of paths) {
      const pageUrl = site.url + path;
      const html = await (await fetch(pageUrl)).text();
      for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
        const url = new URL(href!.replaceAll('&amp;', '&'), pageUrl);
        if (url.origin === site.origin) internalLinks.add(url.pathname);
      }
    }
    expect(internalLinks.size, 'links collected from the pages').toBeGreaterThanOrEqual(paths.length);
    const broken: string[] = [];
    for (const pathname of internalLinks) {
      const response = await fetch(site.origin + pathname);
      if (response.status !== 200) broken.push(`${response.status} ${pathname}`);
    }
    expect(broken).toEqual([]);
  });

  it('serves the 404 page with status 404 for an unknown address', async () => {
    const { page, close, problems } = await site.openPage();
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
    await close();
  });

  describe('Content Security Policy', () => {
    it('is on every page: scripts and styles self or hashed, nothing else allowed to load', async () => {
      for (const path of [...paths, 'this-page-does-not-exist/']) {
        const html = await (await fetch(site.url + path)).text();
        const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
        expect(meta, `policy <meta> on /${path}`).toBeDefined();
        const policy = directives(meta!.replaceAll('&#39;', "'"));
        expect({ path, ...Object.fromEntries([...policy].filter(([name]) => !/^(script|style)-src$/.test(name))) }).toEqual({
          path,
          'default-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src-attr': ["'unsafe-inline'"],
        });
        for (const name of ['script-src', 'style-src']) {
          const [first, ...rest] = policy.get(name) ?? [];
          expect(first, `${name} on /${path}`).toBe("'self'");
          const others = rest.filter((source) => !/^'sha256-[A-Za-z0-9+/]{43}='$/.test(source));
          expect(others, `${name} on /${path}: only hashes after 'self'`).toEqual(name === 'script-src' ? ["'wasm-unsafe-eval'"] : []);
        }
      }
    });

    it('is also sent as a header, with frame-ancestors and the other security headers', async () => {
      const response = await fetch(site.url);
      const header = directives(response.headers.get('content-security-policy') ?? '');
      expect(header.get('frame-ancestors')).toEqual(["'none'"]);
      expect(header.get('script-src')).not.toContain("'unsafe-inline'");
      expect(header.get('object-src')).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(\)/);
    });

    it('refuses an injected inline script, inline handler, eval and requests to another origin', async () => {
      const { page, close, problems } = await site.openPage();
      await page.goto(site.url);
      const outcome = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true';
        document.body.append(script);

        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.handlerRan = true');
        document.body.append(button);
        button.click();

        // A string handed to setTimeout is compiled later, by the page itself (code run from
        // DevTools, like this function, may eval freely).
        setTimeout('window.evalRan = true', 0);
        await new Promise((resolve) => setTimeout(resolve, 100));

        const fetched = await fetch('https://example.com/collect').then(
          () => 'sent',
          () => 'refused',
        );
        const image = new Image();
        const imageLoaded = new Promise((resolve) => {
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('refused');
        });
        image.src = 'https://example.com/pixel.png';
        // Each flag is set only if the refused code ran.
        const flags = window as unknown as Record<string, boolean | undefined>;
        return {
          script: flags.injectedRan ?? false,
          handler: flags.handlerRan ?? false,
          evalRan: flags.evalRan ?? false,
          fetched,
          image: await imageLoaded,
        };
      });
      // Violation events are delivered asynchronously.
      await expect.poll(() => problems.consoleErrors.filter((e) => e.startsWith('CSP violation')).length).toBeGreaterThanOrEqual(5);
      await close();

      expect(outcome).toEqual({ script: false, handler: false, evalRan: false, fetched: 'refused', image: 'refused' });
      // The test browser cannot resolve other hosts anyway; the violations show the policy refused
      // the requests itself, as it would in a reader's browser.
      const violations = problems.consoleErrors.filter((e) => e.startsWith('CSP violation'));
      expect(violations).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^CSP violation: script-src-elem blocked inline/),
          expect.stringMatching(/^CSP violation: script-src-attr blocked inline/),
          expect.stringMatching(/^CSP violation: script-src blocked eval/),
          expect.stringMatching(/^CSP violation: connect-src blocked https:\/\/example\.com\/collect/),
          expect.stringMatching(/^CSP violation: img-src blocked https:\/\/example\.com\/pixel\.png/),
        ]),
      );
    });
  });
});
