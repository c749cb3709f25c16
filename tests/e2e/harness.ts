/**
 * Shared end-to-end harness: serves a built site folder on 127.0.0.1, drives Debian's Chromium
 * through playwright-core, and records everything a page must not do (console errors, failed
 * requests, requests to any other host, Content Security Policy violations).
 *
 * Lifecycle per test file: startSite() in beforeAll -> openPage() ... close() per check -> site.close().
 * One Chromium serves every test file (tests/e2e/global-setup.ts launches it; each file
 * connects); run outside that setup, startSite() launches its own.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Only the local test server resolves: a request to any other host fails in the browser's own
  // network stack (the harness records it), with no per-request round trip through the test.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

/** The narrowest width WCAG 1.4.10 (Reflow) asks a page to work at without sideways scrolling. */
export const NARROW = { width: 320, height: 640 } as const;

/** The two builds `npm test` checks: the default one and one under a base path. */
export const BUILDS = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-base', base: '/vpn-guide/' },
] as const;

export interface Problems {
  /** Console errors, uncaught exceptions and `securitypolicyviolation` events ("CSP violation: …"). */
  consoleErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
}

export interface Site {
  /** Origin + base, ending in '/'. */
  url: string;
  origin: string;
  base: string;
  browser: Browser;
  /**
   * A page that records problems, at `viewport`, with JavaScript on or off, blank until the test
   * navigates it. `close()` hands it back for the file's next check.
   */
  openPage(options?: { viewport?: { width: number; height: number }; javaScript?: boolean }): Promise<{
    page: Page;
    problems: Problems;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

/** One browser context with its one page, lent to one check at a time. */
interface Tab {
  context: BrowserContext;
  page: Page;
  javaScript: boolean;
  problems: Problems;
  lent: boolean;
}

const noProblems = (): Problems => ({ consoleErrors: [], foreignRequests: [], failedRequests: [] });

export async function startSite(build: { dir: string; base: string }): Promise<Site> {
  if (!existsSync(`${build.dir}/index.html`)) {
    throw new Error(
      `${build.dir}/ has no built site. Run \`npm test\` (it builds first) or \`npm run build\` ` +
        (build.base === '/' ? '' : `and \`npm run build:base\` `) +
        'before `npm run test:e2e`.',
    );
  }
  const server = await startStaticServer({ root: build.dir, base: build.base });
  const endpoint = inject('browserEndpoint');
  const browser = endpoint
    ? await chromium.connect(endpoint)
    : await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  const origin = new URL(server.url).origin;

  /** The page's own listeners, recording into whichever check holds the tab now. */
  function listen(tab: Tab): void {
    tab.page.on('console', (message) => {
      if (message.type() === 'error') tab.problems.consoleErrors.push(message.text());
    });
    tab.page.on('pageerror', (error) => tab.problems.consoleErrors.push(`Uncaught: ${error.message}`));
    tab.page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/this-page-does-not-exist')) {
        tab.problems.failedRequests.push(`${response.status()} ${response.url()}`);
      }
    });
  }

  async function newTab(javaScript: boolean): Promise<Tab> {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    // Several pages share two cores (and the machine may be busy): wait longer than the default 30 s.
    context.setDefaultTimeout(60_000);
    const tab: Tab = { context, page: await context.newPage(), javaScript, problems: noProblems(), lent: false };
    // Every request leaving for another host is recorded (and fails: see CHROMIUM_ARGS): the
    // guide must not make any (no fonts, CDNs or analytics). The context also sees workers' requests.
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return;
      tab.problems.foreignRequests.push(url);
    });
    // The browser reports each policy violation as an event; log it as a console error
    // (recorded by listen()) naming the directive and what was blocked.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
        console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI}${where}`);
      });
    });
    listen(tab);
    return tab;
  }

  // A new page costs Chromium a renderer process, about 0.6 s of CPU here, more than loading a
  // chapter in a page that has one; so a file's checks take turns on a few pages instead.
  const tabs: Tab[] = [];

  /** Leaves the tab as a new one would be: blank, no test's listeners, routes, media or permissions. */
  async function reset(tab: Tab): Promise<void> {
    await tab.page.goto('about:blank');
    tab.page.removeAllListeners();
    listen(tab);
    await tab.page.unrouteAll({ behavior: 'ignoreErrors' });
    await tab.page.emulateMedia({ media: null, colorScheme: 'light' });
    await tab.context.clearPermissions();
    await tab.context.clearCookies();
  }

  return {
    url: server.url,
    origin,
    base: build.base,
    browser,
    async openPage({ viewport = VIEWPORTS.desktop, javaScript = true } = {}) {
      let tab = tabs.find((t) => !t.lent && t.javaScript === javaScript);
      if (!tab) tabs.push((tab = await newTab(javaScript)));
      tab.lent = true;
      const lent = tab;
      lent.problems = noProblems();
      await lent.page.setViewportSize(viewport);
      return {
        page: lent.page,
        problems: lent.problems,
        async close() {
          await reset(lent);
          lent.lent = false;
        },
      };
    },
    async close() {
      await browser.close(); // a connected browser only disconnects; the shared one lives on
      await server.close();
    },
  };
}

export { sitemapPaths } from '../../scripts/sitemap.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every WCAG 2.x A/AA rule plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, not added as an inline <script> (the page's policy would refuse
  // it), and only once per page.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // Only violations are reported, so axe need not collect every passing node.
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }),
    );
  }, AXE_TAGS);
}

/** The document's width and, to say why it scrolls sideways, the text that reaches past the right edge unclipped. */
export async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
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

/**
 * Words in the elements matching `selector` that the layout splits across lines although they
 * are at most `upTo` px wide: such a word fits, so its column is too narrow. A word may still
 * break after its own hyphen ("built-" / "in"); longer words (a cmdlet's name) may break anywhere.
 */
export async function splitWords(page: Page, selector: string, upTo = 80): Promise<string[]> {
  return page.$$eval(
    selector,
    (cells, limit) =>
      cells.flatMap((cell) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            const probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = match[0];
            node.parentElement?.append(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            if (lines > 1 && width <= limit) found.push(`${match[0]} (${Math.round(width)} px in a ${cell.clientWidth} px cell)`);
          }
        }
        return found;
      }),
    upTo,
  );
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
export async function fitsViewport(page: Page): Promise<{ fits: boolean; scrollWidth: number; width: number }> {
  return page.evaluate(() => ({
    fits: document.documentElement.scrollWidth <= window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
}

/**
 * What a reader does on arrival: brings `island` into view and points at it. Islands hydrate
 * once the reader has interacted with the page and they are in view, or at once when the
 * address carries a query (src/directives/interaction.ts).
 */
export async function approach(island: Locator): Promise<void> {
  await island.first().hover({ force: true });
}

/**
 * Opens `path` (under the site's base, with its query) in a fresh page and, with JavaScript on,
 * approaches the island `selector` and waits until it says it is interactive (`ready`, the
 * attribute its comment names, is "true").
 */
export async function openIsland(
  site: Site,
  path: string,
  selector: string,
  options: { viewport?: { width: number; height: number }; javaScript?: boolean; ready?: 'data-hydrated' | 'data-ready' } = {},
) {
  const opened = await site.openPage({ viewport: options.viewport ?? VIEWPORTS.desktop, javaScript: options.javaScript });
  await opened.page.goto(`${site.url}${path}`);
  if (options.javaScript !== false) {
    await approach(opened.page.locator(selector));
    await opened.page.locator(`${selector}[${options.ready ?? 'data-hydrated'}="true"]`).first().waitFor();
  }
  return opened;
}
