/**
 * The troubleshooter in a real browser, on both builds: real lab logs pasted into the page give
 * the expected causes (literal ids, as in tests/lab/results/logs/expected.json), a Windows code
 * travels in the link while the log never does, large logs are read in a worker,
 * and the tool and the chapter embed are usable by keyboard, accessible and phone-sized.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { approach, BUILDS, VIEWPORTS, axeViolations, fitsViewport, startSite, type Site, openIsland } from './harness';
import { redactLog } from '../../src/lib/troubleshoot';

const log = (name: string) => readFileSync(`tests/lab/results/logs/${name}.log`, 'utf8');

// [lab log, cause ids in page order]
const PASTES: [string, string[]][] = [
  ['drop-4500/initiator', ['no-response-4500']],
  ['frag-drop/initiator', ['ike-fragmentation', 'no-response-4500']],
  ['ike-proposal/responder', ['no-proposal-ike']],
  ['wrong-psk/responder', ['auth-psk']],
  ['cert-untrusted/initiator-debug', ['cert-untrusted']],
  ['eap-failed/responder', ['eap-failed']],
  ['ts-unacceptable/initiator', ['ts-unacceptable']],
  ['rekey-pfs/responder', ['rekey-failed']],
  ['success/initiator', []],
];

const causesOnPage = (page: Page, scope: string) =>
  page.$$eval(`${scope} [data-cause]`, (els) => els.map((el) => el.getAttribute('data-cause')));

describe.each(BUILDS)('troubleshooter in $dir (base $base)', (build) => {
  let site: Site;
  const tool = () => `${site.url}tools/troubleshoot/`;

  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  const open = (query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop) => openIsland(site, `tools/troubleshoot/${query}`, '.ts', { viewport });

  it.each(PASTES)('pasting %s shows %j, and the log never enters the address', async (name, expected) => {
    const { page, close, problems } = await open();
    const text = log(name);
    await page.fill('textarea[name="log"]', text);
    await page.waitForSelector('.ts [data-outcome]');
    expect(await causesOnPage(page, '.ts')).toEqual(expected);
    expect(new URL(page.url()).search).toBe(''); // a page opened without a link keeps its address
    for (const cause of expected) {
      // each cause shows its evidence lines, verbatim from the log
      const marks = await page.$$eval(`[data-cause="${cause}"] mark`, (els) => els.map((el) => el.textContent));
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(text).toContain(mark);
    }
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });

  it('a code=809 link explains error 809 and the code stays in the link', async () => {
    const { page, close, problems } = await open('?v=1&code=809');
    await expect(page.inputValue('input[name="code"]')).resolves.toBe('809');
    const card = page.locator('[data-cause="windows-809"]');
    await expect(card.innerText()).resolves.toContain('ERROR_VPN_TIMEOUT');
    await page.fill('input[name="code"]', '13801');
    await page.waitForSelector('[data-cause="windows-13801"]');
    expect(new URL(page.url()).search).toBe('?v=1&code=13801');
    await page.fill('input[name="code"]', '12345');
    await expect(page.locator('#' + (await page.getAttribute('input[name="code"]', 'aria-describedby'))).innerText()).resolves.toContain('not one this page explains');
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });

  it('copies the redacted log, as the model redacts it', async () => {
    const { page, close } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const text = log('eap-failed/initiator');
    await page.fill('textarea[name="log"]', text);
    await page.getByRole('button', { name: /^Copy redacted log/ }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(redactLog(text).text);
    await close();
  });

  it('reads a 3 MB log in a worker, off the main thread', async () => {
    const { page, close, problems } = await open();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    let big = '';
    const part = log('frag-drop/initiator-debug');
    while (big.length < 3_000_000) big += part;
    // typing 3 MB through the keyboard API takes minutes; set it as a paste would
    await page.$eval('textarea[name="log"]', (el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, big);
    await page.waitForSelector('.ts [data-outcome]', { timeout: 60_000 });
    expect(workers.some((url) => /diagnose\.worker/.test(url))).toBe(true);
    expect((await causesOnPage(page, '.ts'))[0]).toBe('ike-fragmentation');
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  }, 180_000);

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('works with the keyboard: an example, then a code', async () => {
      const { page, close } = await open();
      await page.focus('button[data-example="udp-4500-blocked"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-cause="no-response-4500"]');
      await page.focus('input[name="code"]');
      await page.keyboard.type('691');
      await page.waitForSelector('[data-cause="windows-691"]');
      expect(await causesOnPage(page, '.ts')).toEqual(['no-response-4500', 'windows-691']);
      await close();
    });

    it('keeps the answer in view on a phone: a typed code answers under its field, an example scrolls to its verdict', async () => {
      const { page, close } = await open('', VIEWPORTS.phone);
      const inView = (selector: string) =>
        page.locator(selector).first().evaluate((el) => {
          const { top, bottom } = el.getBoundingClientRect();
          return top >= 0 && bottom <= innerHeight;
        });
      const field = page.locator('input[name="code"]');
      await field.scrollIntoViewIfNeeded();
      await field.fill('809');
      await page.waitForSelector('[data-cause="windows-809"]');
      // The answer's heading comes straight after the field: both fit one phone screen.
      const gap = await page.evaluate(() => {
        const input = document.querySelector('input[name="code"]')?.getBoundingClientRect();
        const answer = document.querySelector('[data-cause="windows-809"] h2')?.getBoundingClientRect();
        return input && answer ? answer.bottom - input.top : Number.NaN;
      });
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(VIEWPORTS.phone.height / 2);

      await field.fill('');
      await page.click('button[data-example="untrusted-ca"]');
      await page.waitForSelector('.ts [data-outcome]');
      await expect.poll(() => inView('.ts [data-outcome]')).toBe(true);
      await close();
    });

    it.each([
      { query: '', example: undefined, why: 'empty form with the codes table' },
      { query: '?v=1&code=13806', example: 'untrusted-ca', why: 'a diagnosis and a code' },
    ])('is axe clean and fits a 360 px phone: $why', async ({ query, example }) => {
      for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
        const { page, close, problems } = await open(query, viewport);
        if (example) {
          await page.click(`button[data-example="${example}"]`);
          await page.waitForSelector('.ts [data-outcome]');
        }
        expect({ axe: await axeViolations(page), fits: (await fitsViewport(page)).fits, ...problems }).toEqual({
          axe: [],
          fits: true,
          consoleErrors: [],
          foreignRequests: [],
          failedRequests: [],
        });
        await close();
      }
    }, 180_000);
  }

  it('without JavaScript, says so and still lists the Windows codes', async () => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.goto(tool());
    await expect(page.locator('.ts').innerText()).resolves.toContain('Reading a log needs JavaScript');
    await expect(page.locator('.ts table').innerText()).resolves.toContain('13868');
    await close();
  });

  it('the chapter embed diagnoses a pasted log and a code, and every section it links exists', async () => {
    const { page, close, problems } = await site.openPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${site.url}guide/troubleshooting/`);
    await approach(page.locator('.tsc'));
    await page.waitForSelector('.tsc[data-hydrated="true"]');
    const embed = page.locator('.tsc');
    await embed.locator('textarea[name="log"]').fill(log('no-ike-config/responder'));
    await page.waitForSelector('.tsc [data-cause]');
    expect(await causesOnPage(page, '.tsc')).toEqual(['no-ike-config']);
    await embed.locator('input[name="code"]').fill('809');
    await page.waitForSelector('.tsc [data-cause="windows-809"]');
    expect(page.url()).not.toContain('?');
    // every chapter anchor the troubleshooter links to is a heading of the chapter
    const anchors = [
      'the-client-gets-no-reply-to-ike_sa_init',
      'ike_auth-never-completes-and-certificate-sized-messages-vanish',
      'the-log-says-no_proposal_chosen',
      'the-log-says-authentication_failed',
      'the-traffic-selectors-do-not-cover-the-traffic',
      'windows-error-809-the-remote-server-is-not-responding',
      'windows-error-789-the-security-layer-encountered-a-processing-error',
      'windows-error-691-user-name-or-password-not-accepted',
      'windows-error-13801-ike-authentication-credentials-are-unacceptable',
      'windows-error-13806-no-valid-machine-certificate',
      'windows-error-13868-policy-match-error',
    ];
    const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), anchors);
    expect(missing).toEqual([]);
    expect({ axe: await axeViolations(page), fits: (await fitsViewport(page)).fits, ...problems }).toEqual({
      axe: [],
      fits: true,
      consoleErrors: [],
      foreignRequests: [],
      failedRequests: [],
    });
    await close();
  }, 120_000);
});
