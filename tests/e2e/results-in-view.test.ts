/**
 * The decision wizard keeps its recommendation in view while the reader answers (usability
 * review, December 2026, problems 3 and 4), lists usable options before unusable ones, and
 * offers next steps that carry the reader's situation to the port checklist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { approach, BUILDS, VIEWPORTS, axeViolations, startSite, type Site } from './harness';

async function openWizard(site: Site, query: string, viewport: { width: number; height: number }) {
  const opened = await site.openPage({ viewport });
  await opened.page.goto(`${site.url}tools/decision/${query === '' ? '' : `?${query}`}`);
  await approach(opened.page.locator('.wizard'));
  await opened.page.locator('.wizard[data-ready="true"]').waitFor();
  return opened;
}

/** True when the element's box lies fully inside the viewport. */
function inView(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

describe('decision wizard: results in view', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(BUILDS[0]);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('at 1280 px the result column stays in view beside the questions, and the bar names the recommendation at the last one', async () => {
    const { page, close, problems } = await openWizard(site, '', VIEWPORTS.desktop);
    const platforms = page.locator('fieldset[id$="-q-platforms"]');
    await platforms.hover(); // the wheel scrolls what is under the pointer: the questions, as a reader would
    await page.mouse.wheel(0, 600);
    await expect(inView(page, '[data-result="recommendation"]')).resolves.toBe(true);
    const last = page.locator('fieldset[id$="-q-appInstall"]');
    await last.scrollIntoViewIfNeeded();
    await last.getByLabel('No, built-in clients only').check();
    await expect(inView(page, 'fieldset[id$="-q-appInstall"]')).resolves.toBe(true);
    await expect(inView(page, '[data-result="bar"]')).resolves.toBe(true);
    await expect(page.locator('[data-result="bar"]').innerText()).resolves.toMatch(/^Recommended: IKEv2\/IPsec\s+See why$/);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('at 360 px a bar names the recommendation while the reader answers, and leads to it', async () => {
    const { page, close, problems } = await openWizard(site, '', VIEWPORTS.phone);
    await page.locator('fieldset[id$="-q-platforms"]').getByLabel('Windows').check();
    // No answers that change it: IKEv2/IPsec is the default recommendation for Windows.
    const bar = page.locator('[data-result="bar"]');
    await expect(inView(page, '[data-result="bar"]')).resolves.toBe(true);
    await expect(bar.innerText()).resolves.toMatch(/^Recommended: IKEv2\/IPsec\s+See why$/);
    await page.locator('fieldset[id$="-q-security"]').scrollIntoViewIfNeeded();
    await expect(inView(page, '[data-result="bar"]')).resolves.toBe(true);
    await bar.getByRole('link', { name: 'See why' }).click();
    await expect(inView(page, '[id$="-result-title"]')).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('lists options in the plan, then alternatives, then those not usable here', async () => {
    // Windows and iPhones, built-in clients only: the usability review's case, where WireGuard
    // (not usable) was listed above L2TP/IPsec (usable on both).
    const { page, close } = await openWizard(site, 'v=1&platforms=windows,ios&app=no', VIEWPORTS.desktop);
    await page.locator('details.ranking > summary').click();
    const statuses = await page.locator('[data-result="ranking"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    const order = ['recommended', 'alternative', 'excluded'];
    expect(statuses.length).toBe(7);
    expect(statuses.map((s) => order.indexOf(s ?? ''))).toEqual([...statuses.map((s) => order.indexOf(s ?? ''))].sort((a, b) => a - b));
    const options = await page.locator('[data-result="ranking"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-option')));
    expect(options.indexOf('l2tp')).toBeLessThan(options.indexOf('wireguard'));
    await expect(page.getByText('Usable on both platforms considered.').first().count()).resolves.toBe(1);
    await close();
  });

  it('offers the setup chapter and the port checklist for the same situation', async () => {
    // Legacy devices only do L2TP/IPsec, so the plan has both IPsec protocols; the server is behind NAT.
    const { page, close, problems } = await openWizard(site, 'v=1&platforms=windows,legacy&servernat=yes', VIEWPORTS.desktop);
    const next = page.locator('[data-result="next-steps"]');
    await expect(next.getByRole('link', { name: 'Set up the server and clients' }).getAttribute('href')).resolves.toBe('/guide/setup/');
    await next.getByRole('link', { name: 'Check the firewall ports for this setup' }).click();
    await approach(page.locator('.ports'));
    await page.locator('.ports[data-ready="true"]').waitFor();
    const checked = (name: string) => page.locator(`.ports input[type="radio"][name$="-${name}"]:checked`).getAttribute('value');
    await expect(checked('protocol')).resolves.toBe('both');
    await expect(checked('serverNat')).resolves.toBe('yes');
    // The error 809 fix applies to exactly this situation.
    await expect(page.locator('[data-check="nat-t.client.windows-registry"]').count()).resolves.toBe(1);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });
});
