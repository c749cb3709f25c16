/**
 * The handshake timeline in a real browser, on both builds: links show the model's numbers,
 * edits reach the link and the drawing, bad links and bad input are explained where they occur,
 * and the island is usable by keyboard, accessible, error-free and phone-sized. Expected
 * values are computed here by calling the same model the page uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, VIEWPORTS, axeViolations, fitsViewport, startSite, type Site, openIsland } from './harness';
import { TIMELINE_URL_STATE, runTimeline, timelineDiagram, timelineQuery, totalRows, type TimelineState } from '../../src/lib/timeline';

function modelFor(query: string) {
  const { state } = TIMELINE_URL_STATE.decode(query);
  const run = runTimeline(state);
  if (!run.ok) throw new Error(`test link is refused by the model: ${JSON.stringify(run.errors)}`);
  return { state, comparison: run.comparison, rows: totalRows(run.comparison), diagram: timelineDiagram(run.comparison) };
}

/** Every total on the page, as { 'ikev2-expected': { text, value } }. */
async function totalsOnPage(page: Page) {
  return page.$$eval('.timeline :is([data-result^="ikev2-"], [data-result^="l2tp-"])', (cells) =>
    Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-result'), { text: cell.textContent?.trim(), value: cell.getAttribute('data-value') }])),
  );
}

/**
 * The totals the model gives for a link, in the page's form. Raw values are matched to 1e-9
 * relative: the browser's Math.pow may differ from Node's in the last bit (1.8 ** k in the
 * strongSwan schedule gives 165061.12 in Chromium, 165061.12000000002 in Node); the text must match exactly.
 */
function expectedTotals(query: string) {
  const { rows } = modelFor(query);
  const cell = (c: { text: string; value: number | null }) => ({
    text: c.text,
    value: c.value === null ? '' : expect.toSatisfy((shown: string) => Math.abs(Number(shown) - c.value!) <= 1e-9 * Math.max(1, Math.abs(c.value!))),
  });
  return Object.fromEntries(rows.flatMap((row) => [[`ikev2-${row.key}`, cell(row.ikev2)], [`l2tp-${row.key}`, cell(row.l2tp)]]));
}

const LINKS = [
  { query: '', why: 'defaults: first connection, PSK, 50 ms, no loss' },
  { query: '?v=1&event=change&rtt=80&loss=2&l2detect=lcp', why: 'network change; L2TP notices it by LCP echoes (cut axis)' },
  { query: '?v=1&auth=eap-tls&loss=5&mode=aggressive&l2auth=pap&nat=0&chain=3000', why: 'EAP-TLS with loss, aggressive mode, PAP, no NAT' },
  { query: '?v=1&event=change&mobike=0&detect=dpd&rtt=300&pq=mlkem768', why: 'no MOBIKE, DPD, post-quantum IKE_INTERMEDIATE' },
];

describe.each(BUILDS)('handshake timeline in $dir (base $base)', (build) => {
  let site: Site;
  const tool = () => `${site.url}tools/handshake/`;

  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  const open = (query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop) => openIsland(site, `tools/handshake/${query}`, '.timeline', { viewport });

  it.each(LINKS)('a link shows the model’s totals and drawing: $why', async ({ query }) => {
    const { page, close, problems } = await open(query);
    expect(await totalsOnPage(page)).toEqual(expectedTotals(query));
    const { diagram, state } = modelFor(query);
    for (const panel of diagram.panels) {
      const svg = page.locator(`svg[data-panel="${panel.protocol}"]`);
      await expect(svg.locator('title').first().textContent()).resolves.toBe(panel.ariaLabel);
      await expect(svg.locator('g.arrow').count()).resolves.toBe(panel.arrows.length);
    }
    expect(await page.locator('.timeline').innerText()).not.toMatch(/\bNaN\b|undefined|Infinity/);
    // A link is rewritten to the full v=1 form of the same state; a page opened without one keeps
    // its clean address until the reader changes something (src/components/shared/url-sync.svelte.ts).
    expect(new URL(page.url()).search).toBe(query === '' ? '' : `?${timelineQuery(state)}`);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });

  it('is readable without JavaScript: the server renders the default result and says links are not applied', async () => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.goto(tool());
    expect(await totalsOnPage(page)).toEqual(expectedTotals(''));
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(2);
    await expect(page.locator('.timeline__noscript').innerText()).resolves.toBe(
      'JavaScript is off: these are the results for the default settings, and the settings in a shared link are not applied.',
    );
    await close();
  });

  /** Text and size of every part of the island below the form, which hydration must not move. */
  const partsBelowTheForm = (page: Page) =>
    page.$$eval('.timeline > :not(noscript, form, .timeline__share)', (parts) =>
      parts.map((part) => {
        const box = part.getBoundingClientRect();
        return { text: (part as HTMLElement).innerText, x: box.x, width: box.width, height: box.height };
      }),
    );

  it('hydrates without moving anything: the default render is the same before and after', async () => {
    const { page, close } = await site.openPage({ javaScript: false });
    await page.goto(tool());
    const before = await partsBelowTheForm(page);
    const formBox = await page.locator('.timeline form').boundingBox();
    await close();
    const { page: live, close: closeLive } = await open();
    expect(await partsBelowTheForm(live)).toEqual(before);
    expect(await live.locator('.timeline form').boundingBox()).toMatchObject({ x: formBox?.x, width: formBox?.width, height: formBox?.height });
    await closeLive();
  });

  it('the message table shows the lab’s sizes for the measured messages and names the run', async () => {
    const { page, close } = await open();
    await page.locator('.timeline__details summary').click();
    const rows = page.locator('.messages').first().locator('tbody tr');
    await rows.first().waitFor({ state: 'visible', timeout: 5000 });
    // tests/lab/results/ike-sizes.json: psk-modp2048 01-04, IPv4 492/500/352/288
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[4]?.textContent?.trim(), tr.children[5]?.textContent?.trim()]));
    expect(cells).toEqual([
      ['492 bytes', 'measuredstrongSwan 5.9.8 lab, psk-modp2048'],
      ['500 bytes', 'measuredstrongSwan 5.9.8 lab, psk-modp2048'],
      ['352 bytes', 'measuredstrongSwan 5.9.8 lab, psk-modp2048'],
      ['288 bytes', 'measuredstrongSwan 5.9.8 lab, psk-modp2048'],
    ]);
    // IKEv1 Main Mode 1: 180 ISAKMP bytes + 28 (tests/lab/results/ike-sizes.json: ikev1-psk-l2tp 01)
    const mainMode1 = page.locator('.messages').nth(1).locator('tbody tr').first();
    await expect(mainMode1.locator('td').nth(4).textContent()).resolves.toBe('208 bytes');
    await expect(mainMode1.locator('td').nth(5).textContent()).resolves.toMatch(/^measured/);
    await close();
  });

  it('says a handshake usually fails instead of giving an expected time when it gives up more often than not', async () => {
    const { page, close } = await open('?v=1&loss=99.9');
    await expect(page.locator('.timeline__summary').innerText()).resolves.toMatch(/L2TP\/IPsec: 29 messages, 11 round trips, usually fails \(gives up after /);
    await expect(page.locator('.timeline__figure figcaption').innerText()).resolves.toContain('At 99.9 % loss: ');
    await close();
  });

  it('the detection hint describes the selected option, and Copy link is offered once the island runs', async () => {
    const { page, close } = await open('?v=1&event=change&detect=dpd');
    await expect(page.locator('[id$="-detect-hint"]').innerText()).resolves.toBe('No address event: a liveness check every 30 s until DPD gives up.');
    await page.selectOption('select[name="detect"]', 'event');
    await expect.poll(() => page.locator('[id$="-detect-hint"]').innerText()).toBe('strongSwan reacts 100 ms after the address event.');
    const copy = page.getByRole('button', { name: 'Copy link to these settings' });
    await expect(copy.isEnabled()).resolves.toBe(true);
    await copy.click();
    await expect.poll(() => page.locator('.timeline__share [role="status"]').innerText()).toMatch(/^(Copied|Copying was blocked)/);
    await close();
  });

  it('editing the inputs updates the totals, the drawing and the link', async () => {
    const { page, close, problems } = await open();
    await page.fill('input[name="rtt"]', '120');
    await page.selectOption('select[name="auth"]', 'eap-mschapv2');
    await page.fill('input[name="loss"]', '1.5');
    const query = '?v=1&rtt=120&auth=eap-mschapv2&loss=1.5';
    await expect.poll(() => totalsOnPage(page)).toEqual(expectedTotals(query));
    const { diagram, state } = modelFor(query);
    await expect(page.locator('svg[data-panel="ikev2"] g.arrow').count()).resolves.toBe(diagram.panels[0].arrows.length);
    expect(new URL(page.url()).search).toBe(`?${timelineQuery(state)}`);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('a link with unknown parameters or values says what it ignored and shows the rest', async () => {
    const { page, close } = await open('?v=1&auth=radius&colour=red&rtt=90');
    const notices = page.locator('.timeline [data-result="notice"]');
    await expect(notices.innerText()).resolves.toMatch(/“radius”[\s\S]*“colour”/);
    expect(await totalsOnPage(page)).toEqual(expectedTotals('?v=1&rtt=90'));
    await close();
  });

  it('bad numbers are refused at their fields, without NaN, and recover when fixed', async () => {
    const { page, close, problems } = await open('?v=1&rtt=abc&loss=150');
    const error = page.locator('[data-result="error"]');
    await expect(error.innerText()).resolves.toMatch(/“abc” is not a number[\s\S]*below 100 %/);
    for (const field of ['rtt', 'loss']) {
      const input = page.locator(`input[name="${field}"]`);
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
      const described = (await input.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(described.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(messages.join(' ')).toMatch(field === 'rtt' ? /not a number/ : /below 100 %/);
    }
    expect(await totalsOnPage(page)).toEqual({});
    expect(await page.locator('.timeline').innerText()).not.toMatch(/\bNaN\b|undefined/);

    await page.fill('input[name="rtt"]', '40');
    await page.fill('input[name="loss"]', '0.5');
    await expect.poll(() => totalsOnPage(page)).toEqual(expectedTotals('?rtt=40&loss=0.5'));
    await expect(page.locator('input[name="rtt"]').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(error.count()).resolves.toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('works with the keyboard: radio group, fields, checkbox and the message table', async () => {
      const { page, close } = await open();
      await page.focus('input[name="event"][value="connect"]');
      await page.keyboard.press('ArrowDown'); // moves the radio group to "network changes"
      await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe('change');
      await page.focus('input[name="rtt"]');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('65');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('loss');
      await page.focus('input[name="mobike"]');
      await page.keyboard.press('Space'); // MOBIKE off: IKEv2 builds a new IKE SA
      const query = '?v=1&event=change&rtt=65&mobike=0';
      await expect.poll(() => totalsOnPage(page)).toEqual(expectedTotals(query));
      await expect(page.locator('svg[data-panel="ikev2"] title').first().textContent()).resolves.toBe(modelFor(query).diagram.panels[0].ariaLabel);
      await page.focus('.timeline__details summary');
      await page.keyboard.press('Enter');
      const table = page.locator('.messages').first();
      await table.waitFor({ state: 'visible', timeout: 5000 }); // the tables are rendered when the details open
      await expect(table.locator('tbody tr').count()).resolves.toBe(modelFor(query).comparison.ikev2.messages.length);
      await close();
    });

    it.each([
      { query: '', why: 'defaults' },
      { query: '?v=1&event=change&detect=dpd&l2detect=lcp', why: 'two cuts in the axis' },
      { query: '?v=1&rtt=abc&auth=cert&chain=-5', why: 'refused input' },
    ])('is axe clean and fits a 360 px phone with the tables open: $why', async ({ query }) => {
      for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
        const { page, close, problems } = await open(query, viewport);
        await page.$$eval('.timeline details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect({ axe: await axeViolations(page), fits: (await fitsViewport(page)).fits, ...problems }).toEqual({
          axe: [],
          fits: true,
          consoleErrors: [],
          foreignRequests: [],
          failedRequests: [],
        });
        await close();
      }
    });
  }

  it.each([
    { chapter: 'performance', event: 'connect' },
    { chapter: 'mobility', event: 'change' },
  ] as const)('the static embed in the $chapter chapter loads no timeline code and links to the full tool', async ({ chapter, event }) => {
    const { page, close, problems } = await site.openPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${site.url}guide/${chapter}/`);
    const island = page.locator('.timeline--compact');
    await expect(island.locator('input, select').count()).resolves.toBe(0);
    const state: TimelineState = { ...TIMELINE_URL_STATE.defaults, event };
    expect(await totalsOnPage(page)).toEqual(expectedTotals(`?${timelineQuery(state)}`));
    await expect(island.locator('a', { hasText: 'full handshake timeline' }).getAttribute('href')).resolves.toBe(
      `${build.base}tools/handshake/?${timelineQuery(state)}`,
    );
    const islands = await page.$$eval('astro-island', (all) => all.map((el) => el.getAttribute('component-url') ?? ''));
    expect(islands.some((url) => url.includes('HandshakeTimeline'))).toBe(false);
    expect(await fitsViewport(page)).toMatchObject({ fits: true });
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await close();
  });
});
