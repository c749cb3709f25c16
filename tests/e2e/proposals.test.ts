/**
 * The proposal matcher in a real browser, on both builds. Expected verdicts are literals from
 * the unit tables (tests/unit/proposals/match.test.ts, with their sources), not computed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, NARROW, VIEWPORTS, axeViolations, fitsViewport, splitWords, startSite, type Site, openIsland } from './harness';

async function verdicts(page: Page) {
  return page.$$eval('[data-client]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-client'), `${r.getAttribute('data-connect')}/${r.getAttribute('data-rekey')}`])),
  );
}

const DEFAULT_VERDICTS = {
  'windows-gui': 'no/no',
  'macos-13': 'yes/yes',
  'ios-16': 'yes/yes',
  'android-native': 'yes/yes',
  'sswan-android': 'yes/yes',
  chromeos: 'yes/yes',
};

const LINKS = [
  {
    why: 'hardened AES-GCM/ECP-384 server (trailofbits/algo)',
    query: '?v=1&ike=aes256gcm16-prfsha512-ecp384!&esp=aes256gcm16-ecp384!&clients=windows-gui,android-native,chromeos,sswan-android',
    expected: { 'windows-gui': 'no/no', 'android-native': 'no/no', chromeos: 'yes/no', 'sswan-android': 'yes/yes' },
  },
  {
    why: 'legacy MODP-1024/SHA-1 server',
    query: '?v=1&ike=aes128-sha1-modp1024!&esp=aes128-sha1!&clients=windows-gui,sswan-android',
    expected: { 'windows-gui': 'yes/yes', 'sswan-android': 'no/no' },
  },
  {
    why: 'L2TP/IPsec side with MODP-2048 only',
    query: '?v=1&ike=default&esp=default&ike1=aes256-sha1-modp2048&esp1=aes256-sha1&clients=windows-l2tp,android-l2tp',
    expected: { 'windows-l2tp': 'yes/yes', 'android-l2tp': 'no/no' },
  },
  {
    why: 'macOS without a key exchange at rekey against a PFS-only server (strongSwan ios.adoc)',
    query: '?v=1&ike=aes256-sha256-modp2048&esp=aes256-sha256-modp2048&clients=macos-13,ios-16',
    expected: { 'macos-13': 'yes/no', 'ios-16': 'yes/yes' },
  },
];

describe.each(BUILDS)('proposal matcher in $dir (base $base)', (build) => {
  let site: Site;
  const tool = () => `${site.url}tools/proposals/`;

  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  const open = (query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop) => openIsland(site, `tools/proposals/${query}`, '.matcher', { viewport });

  it.each(LINKS)('a link shows its verdicts: $why', async ({ query, expected }) => {
    const { page, close, problems } = await open(query);
    expect(await verdicts(page)).toEqual(expected);
    expect(await page.locator('.matcher').innerText()).not.toMatch(/\bNaN\b|undefined/);
    expect(new URL(page.url()).searchParams.get('clients')).toBe(new URLSearchParams(query).get('clients'));
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });

  it('is readable without JavaScript: the server renders the default verdicts', async () => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.goto(tool());
    expect(await verdicts(page)).toEqual(DEFAULT_VERDICTS);
    await expect(page.locator('noscript').count()).resolves.toBeGreaterThan(0);
    await close();
  });

  it('links a negotiated ESP proposal to the MTU calculator and an INVALID_KE detour to the timeline', async () => {
    const { page, close } = await open('?v=1&ike=default&esp=default&clients=android-native,ios-16');
    await expect(page.locator(`a[href="${build.base}tools/mtu-calculator/?v=1&proto=ikev2&esp=aes256-sha256"]`).count()).resolves.toBe(1);
    // Android guesses MODP-4096; strongSwan's default selects Curve25519 and asks for it.
    await expect(page.locator(`a[href="${build.base}tools/handshake/?v=1&ke=x25519"]`).count()).resolves.toBeGreaterThan(0);
    await close();
  });

  it('bad input is refused at its field with the closest keyword; unknown clients are dropped with a notice', async () => {
    const { page, close, problems } = await open('?v=1&ike=aes129-sha256-ecp256&clients=windows-gui,bogus');
    const ike = page.locator('textarea[name="ike"]');
    await expect(ike.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = (await ike.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(described.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages.join(' ')).toMatch(/Unknown algorithm 'aes129'[\s\S]*'aes128'/);
    await expect(page.locator('[data-result="notice"]').innerText()).resolves.toMatch(/“bogus”/);
    expect(await verdicts(page)).toEqual({});
    await ike.fill('aes128-sha1-modp1024');
    await expect.poll(() => verdicts(page)).toEqual({ 'windows-gui': 'yes/no' });
    await expect(ike.getAttribute('aria-invalid')).resolves.toBeNull();
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('works with the keyboard: preset, client checkboxes and the detail panels', async () => {
    const { page, close } = await open('?v=1&ike=default&esp=default&clients=windows-gui');
    await page.focus('input[name="clients"][value="macos-13"]');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('clients')).toBe('windows-gui,macos-13');
    await page.focus('.matcher select');
    await page.selectOption('.matcher select >> nth=0', 'legacy');
    await expect.poll(() => verdicts(page)).toEqual({ 'windows-gui': 'yes/yes', 'macos-13': 'no/no' });
    const summary = page.locator('.detail summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.detail').first().getAttribute('open')).resolves.toBe('');
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it.each([
      { query: '', why: 'defaults' },
      { query: '?v=1&ike=aes129&esp=aes256-sha2;&clients=windows-ps,apple-profile', why: 'refused input with parameter forms' },
      { query: `?v=1&ike=default&esp=default&ike1=aes256-sha1-modp2048&esp1=aes256-sha1&clients=${['windows-gui', 'windows-ps', 'apple-profile', 'chromeos', 'windows-l2tp', 'apple-l2tp'].join(',')}`, why: 'many clients and the L2TP side' },
    ])('is axe clean and fits a 360 px phone with the panels open: $why', async ({ query }) => {
      for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
        const { page, close, problems } = await open(query, viewport);
        await page.$$eval('.matcher details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect({ axe: await axeViolations(page), fits: (await fitsViewport(page)).fits, ...problems }).toEqual({
          axe: [],
          fits: true,
          consoleErrors: [],
          foreignRequests: [],
          failedRequests: [],
        });
        await close();
      }
    }, 180_000); // two viewports, every panel open, axe twice: slow on a busy machine

    it('splits no client name or reason mid-word on a phone: the client column holds any word up to 80 px', async () => {
      const clients = ['windows-gui', 'windows-ps', 'macos-13', 'android-native', 'sswan-android', 'chromeos', 'linux-nm', 'apple-l2tp'];
      for (const viewport of [VIEWPORTS.phone, NARROW]) {
        const { page, close } = await open(`?v=1&ike=default&esp=default&clients=${clients.join(',')}`, viewport);
        expect(await splitWords(page, '.matrix tbody th'), `at ${viewport.width} px`).toEqual([]);
        await close();
      }
    });
  }

  it.each([
    { path: 'guide/troubleshooting/', expected: DEFAULT_VERDICTS },
    {
      path: 'guide/setup/',
      expected: { 'windows-gui': 'no/no', 'macos-13': 'yes/yes', 'ios-16': 'yes/yes', 'android-native': 'yes/yes', 'sswan-android': 'yes/yes', 'linux-nm': 'yes/yes' },
    },
  ])('the static embed in $path shows its verdicts and links to the full tool', async ({ path, expected }) => {
    const { page, close, problems } = await site.openPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${site.url}${path}`);
    expect(await verdicts(page)).toEqual(expected);
    const href = await page.locator('.matcher--compact a', { hasText: 'full proposal matcher' }).getAttribute('href');
    expect(href?.startsWith(`${build.base}tools/proposals/?v=1&`)).toBe(true);
    // Only the embed is this file's business: the chapter's own tables are checked by site.test.ts.
    const violations = await axeViolations(page);
    const inEmbed = await page.evaluate(
      (targets) => targets.map((t) => document.querySelector(t)?.closest('.matcher') != null),
      violations.map((v) => v.targets[0] ?? ''),
    );
    expect({ axe: violations.filter((_, i) => inEmbed[i]), fits: (await fitsViewport(page)).fits, ...problems }).toMatchObject({ axe: [], fits: true, consoleErrors: [] });
    await close();
  }, 180_000); // a long chapter: axe takes a while
});
