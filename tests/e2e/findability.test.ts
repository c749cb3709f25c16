/**
 * Every chapter is findable by the terms a reader would type, and the result shows a meaningful
 * excerpt containing the term. Runs through the real search dialog on the root build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, startSite, type Site } from './harness';

// [what a reader types, the page that must be among the results]
const QUERIES: [string, string][] = [
  ['protocols', 'guide/how-vpn-protocols-work/'],
  ['Security Policy Database', 'guide/ipsec/'],
  ['IKE_AUTH', 'guide/ikev2/'],
  ['L2F', 'guide/l2tp/'],
  ['Felsch', 'guide/security/'],
  ['IMIX', 'guide/performance/'],
  ['UPDATE_SA_ADDRESSES', 'guide/mobility/'],
  ['AssumeUDPEncapsulationContextOnSendRule', 'guide/nat-firewalls/'],
  ['Agile VPN', 'guide/platforms/'],
  ['send_cert', 'guide/setup/'],
  ['13801', 'guide/troubleshooting/'],
  ['verdict', 'guide/verdict/'],
  ['streaming', 'guide/faq/'],
  ['glossary', 'reference/glossary/'],
];

describe('findability', () => {
  let site: Site;
  let page: Page;
  beforeAll(async () => {
    site = await startSite(BUILDS[0]);
    ({ page } = await site.openPage());
    await page.goto(site.url);
    await page.keyboard.press('Control+k');
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(QUERIES)('searching “%s” finds %s with an excerpt', async (query, path) => {
    await page.getByRole('searchbox', { name: 'Search the guide' }).fill(query);
    // Wait for this query's results, not the previous query's.
    await page.getByRole('status').filter({ hasText: `“${query}”` }).waitFor({ timeout: 10_000 });
    const hit = page.locator(`.search-dialog__results a[href^="${site.base}${path}"]`).first();
    await hit.waitFor({ timeout: 10_000 });
    const excerpt = await hit.locator('.search-hit__excerpt').innerText();
    expect(excerpt.trim().split(/\s+/).length, 'excerpt words').toBeGreaterThan(5);
  });
});
