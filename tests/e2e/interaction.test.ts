/**
 * The hydration directive of the full tool pages (src/directives/interaction.ts), in a real
 * browser: a page that is only read runs none of its islands' code, the reader's first
 * interaction (for an island in view) or a shared link hydrates, and a choice made while the
 * island's code is still on its way is kept. One build: the directive does not depend on the base path.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, decodeChecklist, reachability } from '../../src/lib/reachability/index';
import { BUILDS, VIEWPORTS, startSite, type Problems, type Site } from './harness';

const TOOL_PAGES = ['tools/ports/', 'tools/proposals/', 'tools/decision/', 'tools/config/', 'tools/handshake/', 'tools/mtu-calculator/', 'tools/troubleshoot/'];
const noProblems: Problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };

const unhydrated = (page: Page) => page.locator('astro-island[ssr]').count();
const allHydrated = (page: Page) => page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);

/** Holds the island's own module until `release()`, so a reader can act before hydration completes. */
async function holdIslandCode(page: Page) {
  const path = await page.locator('astro-island').first().getAttribute('component-url');
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === path, async (route) => {
    await gate;
    await route.fallback();
  });
  return release;
}

describe('islands hydrate at the first interaction', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(BUILDS[0]);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(TOOL_PAGES)('%s loads none of its island code until the reader moves, then hydrates', async (path) => {
    const { page, close, problems } = await site.openPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    const islandCode = await page.locator('astro-island').first().getAttribute('component-url');
    expect(requested).not.toContain(islandCode);
    expect(await unhydrated(page)).toBe(1);
    await page.mouse.move(1, 1);
    await allHydrated(page);
    expect(requested).toContain(islandCode);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('in a chapter, the reader’s first move hydrates the embed in view, and one further down only once it comes into view', async () => {
    const { page, close, problems } = await site.openPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${site.url}guide/troubleshooting/`, { waitUntil: 'networkidle' });
    const hydrated = (selector: string) => page.locator(`astro-island:not([ssr]) ${selector}`).count();
    expect(await unhydrated(page)).toBe(2);
    await page.locator('.tsc').scrollIntoViewIfNeeded(); // scrolling is the reader's first act
    await page.locator('.tsc[data-hydrated="true"]').waitFor();
    expect(await hydrated('.mtu--compact')).toBe(0);
    await page.locator('.mtu--compact').scrollIntoViewIfNeeded();
    await page.locator('.mtu--compact[data-ready="true"]').waitFor();
    expect(await unhydrated(page)).toBe(0);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('a shared link hydrates the island without any interaction', async () => {
    const { page, close, problems } = await site.openPage();
    await page.goto(`${site.url}tools/ports/?v=1&proto=both`);
    await page.locator('.ports[data-ready="true"]').waitFor();
    const flows = await page.$$eval('[data-result="flows"] [data-flow]', (els) => els.map((e) => e.getAttribute('data-flow')));
    expect(flows).toEqual(reachability({ ...DEFAULT_SCENARIO, protocol: 'both' }).flows.map((f) => f.id));
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('keeps a radio button chosen while the island code is on its way', async () => {
    const { page, close, problems } = await site.openPage();
    await page.goto(`${site.url}tools/ports/`);
    const release = await holdIslandCode(page);
    const both = page.locator('.ports fieldset', { hasText: 'VPN protocol the server offers' }).getByLabel('Both');
    await both.check();
    expect(await unhydrated(page)).toBe(1);
    release();
    await page.locator('.ports[data-ready="true"]').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('proto')).toBe('both');
    expect(await both.isChecked()).toBe(true);
    expect(decodeChecklist(new URL(page.url()).search).state.scenario).toEqual({ ...DEFAULT_SCENARIO, protocol: 'both' });
    const flows = await page.$$eval('[data-result="flows"] [data-flow]', (els) => els.map((e) => e.getAttribute('data-flow')));
    expect(flows).toEqual(reachability({ ...DEFAULT_SCENARIO, protocol: 'both' }).flows.map((f) => f.id));
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('keeps text typed while the island code is on its way: the result is the one its link gives', async () => {
    const typed = 'aes128-sha1-modp1024!';
    const verdicts = (page: Page) =>
      page.$$eval('[data-client]', (rows) => rows.map((r) => `${r.getAttribute('data-client')} ${r.getAttribute('data-connect')}/${r.getAttribute('data-rekey')}`));
    const { page, close, problems } = await site.openPage();
    await page.goto(`${site.url}tools/proposals/`);
    const release = await holdIslandCode(page);
    await page.getByRole('textbox', { name: 'IKE proposals' }).fill(typed);
    release();
    await page.locator('.matcher[data-hydrated="true"]').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('ike')).toBe(typed);
    await expect(page.getByRole('textbox', { name: 'IKE proposals' }).inputValue()).resolves.toBe(typed);
    const { page: linked, close: closeLinked } = await site.openPage();
    await linked.goto(page.url());
    await linked.locator('.matcher[data-hydrated="true"]').waitFor();
    const fromLink = await verdicts(linked);
    // Windows connects now (the default server refuses it): its IKE proposals include AES-128/SHA-1/MODP-1024 (tests/unit/proposals/match.test.ts).
    expect(fromLink).toContainEqual(expect.stringMatching(/^windows-gui yes\//));
    expect(await verdicts(page)).toEqual(fromLink);
    expect(problems).toEqual(noProblems);
    await closeLinked();
    await close();
  });
});
