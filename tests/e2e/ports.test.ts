/**
 * The port checklist page (/tools/ports/) in both builds: URL state round-trip against the
 * model (flows, rules, ticks), ticking with mouse and keyboard, notices for bad links, axe,
 * phone width, print, and the server-rendered checklist without JavaScript.
 * Expected results are computed by calling the model (src/lib/reachability), never typed in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIds, flowSummary, portsToolHref, progressText } from '../../src/lib/reachability/checklist-view';
import { DEFAULT_SCENARIO, decodeChecklist, encodeChecklist, reachability, type ChecklistState, type Scenario } from '../../src/lib/reachability/index';
import { approach, BUILDS, VIEWPORTS, axeViolations, fitsViewport, startSite, type Problems, type Site } from './harness';

const PATH = 'tools/ports/';

const scenario = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...overrides });

/** Rows: a state to load, and why the row is there. */
const STATES: { state: ChecklistState; why: string }[] = [
  { state: { scenario: DEFAULT_SCENARIO, done: [] }, why: 'the default scenario' },
  {
    state: { scenario: scenario({ protocol: 'both', family: 'both', firewall: 'iptables' }), done: ['ike.client.nmap', 'l2tp.server.policy'] },
    why: 'L2TP adds the UDP 1701 flow; iptables writes rules.v4 and rules.v6',
  },
  {
    state: { scenario: scenario({ protocol: 'ikev2', serverNat: true, clientNat: false, tcpEncapsulation: true, firewall: 'windows' }), done: [] },
    why: 'server behind NAT: no plain ESP, a NAT-device check; TCP 4500 flow',
  },
  {
    state: { scenario: scenario({ protocol: 'l2tp', serverNat: true, family: 6, firewall: 'routeros' }), done: ['nat-t.client.windows-registry'] },
    why: 'IPv6 only, RouterOS, the Windows registry check for L2TP behind NAT',
  },
];

async function openChecklist(site: Site, query: string, options: { viewport?: { width: number; height: number }; javaScript?: boolean } = {}) {
  const opened = await site.openPage(options);
  await opened.page.goto(`${site.url}${PATH}${query === '' ? '' : `?${query}`}`);
  await approach(opened.page.locator('.ports'));
  if (options.javaScript !== false) await opened.page.locator('.ports[data-ready="true"]').waitFor();
  return opened;
}

const ticked = (page: Page) => page.$$eval('[data-check] input:checked', (inputs) => inputs.map((i) => i.closest('[data-check]')?.getAttribute('data-check')));
const urlState = (page: Page) => {
  const decoded = decodeChecklist(new URL(page.url()).search);
  return { ...decoded.state, notices: decoded.notices };
};

async function tabUntil(page: Page, matches: (el: Element) => boolean, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const found = await focused.evaluate(matches);
    await focused.dispose();
    if (found) return;
  }
  throw new Error(`focus did not reach the element in ${max} presses of Tab`);
}

const noProblems: Problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };

describe.each(BUILDS)('port checklist in $dir (base $base)', (build) => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(STATES)('renders what the model gives for a link: $why', async ({ state }) => {
    const { page, close, problems } = await openChecklist(site, encodeChecklist(state).toString());
    const result = reachability(state.scenario);
    const flows = await page.$$eval('[data-result="flows"] [data-flow]', (els) => els.map((e) => [e.getAttribute('data-flow'), e.getAttribute('data-need')]));
    expect(flows).toEqual(result.flows.map((f) => [f.id, f.need]));
    await expect(page.locator('[data-result="summary"]').innerText()).resolves.toBe(`${flowSummary(result.flows)} ${progressText(state)}.`);
    // Every check of the model is on the list, ticked as the link says.
    const checks = await page.$$eval('[data-check]', (els) => els.map((e) => e.getAttribute('data-check')));
    expect([...checks].sort()).toEqual(checkIds(state.scenario).sort());
    expect(await ticked(page)).toEqual(state.done);
    // One code block per rule file, titled with its name, holding exactly the generated text.
    const files = await page.$$eval('[data-result="rules"] [data-file]', (els) =>
      els.map((e) => [e.getAttribute('data-file'), e.querySelector('pre')?.textContent ?? '']),
    );
    expect(files).toEqual(result.rules.files.map((f) => [f.name, f.content.replace(/\n$/, '')]));
    await expect(page.locator('[data-result="rules"] figcaption').first().innerText()).resolves.toContain(result.rules.files[0]!.name);
    expect(urlState(page)).toEqual({ ...state, notices: [] });
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('keeps ticks and scenario changes in the address', async () => {
    const { page, close, problems } = await openChecklist(site, '');
    await page.locator('[data-check="ike.server.tcpdump"] input').check();
    await page.locator('[data-check="esp.server.tcpdump"] input').check();
    await page.locator('[data-check="ike.client.nmap"] input').check();
    let expected: ChecklistState = { scenario: DEFAULT_SCENARIO, done: ['ike.client.nmap', 'ike.server.tcpdump', 'esp.server.tcpdump'] };
    await expect.poll(() => urlState(page)).toEqual({ ...expected, notices: [] });
    // Behind NAT the server sees no plain ESP, so the ESP check and its tick go away.
    await page.locator('fieldset', { hasText: 'Is the server behind NAT?' }).getByLabel('Yes').check();
    expected = { scenario: scenario({ serverNat: true }), done: ['ike.client.nmap', 'ike.server.tcpdump'] };
    await expect.poll(() => urlState(page)).toEqual({ ...expected, notices: [] });
    expect(await ticked(page)).toEqual(expected.done);
    await expect(page.locator('[data-flow="esp"]').count()).resolves.toBe(0);
    // Unticking removes the id again.
    await page.locator('[data-check="ike.client.nmap"] input').uncheck();
    await expect.poll(() => urlState(page).done).toEqual(['ike.server.tcpdump']);
    await expect(page.locator('[data-result="summary"]').innerText()).resolves.toContain(progressText({ scenario: scenario({ serverNat: true }), done: ['ike.server.tcpdump'] }));
    expect(problems).toEqual(noProblems);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('can be used with the keyboard alone: choose a firewall, tick a check', async () => {
      const { page, close, problems } = await openChecklist(site, '');
      await tabUntil(page, (el) => el.id.endsWith('-firewall-nftables'));
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => urlState(page).scenario.firewall).toBe('iptables');
      await tabUntil(page, (el) => el.closest('[data-check]')?.getAttribute('data-check') === 'ike.server.tcpdump' && el.tagName === 'INPUT');
      await page.keyboard.press('Space');
      await expect.poll(() => urlState(page)).toEqual({ scenario: scenario({ firewall: 'iptables' }), done: ['ike.server.tcpdump'], notices: [] });
      const files = await page.$$eval('[data-result="rules"] [data-file]', (els) => els.map((e) => e.getAttribute('data-file')));
      expect(files).toEqual(reachability(scenario({ firewall: 'iptables' })).rules.files.map((f) => f.name));
      expect(problems).toEqual(noProblems);
      await close();
    });
  }

  it('shows a notice for a bad link, falls back to defaults, and stays axe clean', async () => {
    const query = 'v=1&proto=ipsec&fw=pf&done=ike.client.nmap,nonsense&colour=blue';
    const { page, close, problems } = await openChecklist(site, query);
    const decoded = decodeChecklist(query);
    const notice = page.locator('.notice[role="status"]');
    await expect(notice.locator('li').count()).resolves.toBe(decoded.notices.length);
    await expect(notice.innerText()).resolves.toMatch(/ipsec/);
    const noticeId = await notice.getAttribute('id');
    await expect(page.locator('fieldset', { hasText: 'VPN protocol the server offers' }).getAttribute('aria-describedby')).resolves.toBe(noticeId);
    expect(await ticked(page)).toEqual(decoded.state.done);
    expect(urlState(page).scenario).toEqual(decoded.state.scenario);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(noProblems);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('is axe clean for the default and for a large scenario', async () => {
      for (const { state } of [STATES[0]!, STATES[1]!]) {
        const { page, close, problems } = await openChecklist(site, encodeChecklist(state).toString());
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual(noProblems);
        await close();
      }
    });

    it('fits a 360 px screen without sideways scrolling, long rules included', async () => {
      for (const state of [STATES[1]!.state, { scenario: scenario({ protocol: 'both', family: 'both', firewall: 'routeros', tcpEncapsulation: true }), done: [] }]) {
        const { page, close, problems } = await openChecklist(site, encodeChecklist(state).toString(), { viewport: VIEWPORTS.phone });
        expect(await fitsViewport(page)).toMatchObject({ fits: true });
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual(noProblems);
        await close();
      }
    });
  }

  it('prints the scenario, the task list and the rules, not the controls', async () => {
    const state = STATES[1]!.state;
    const { page, close } = await openChecklist(site, encodeChecklist(state).toString());
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ports__form').isVisible()).resolves.toBe(false);
    await expect(page.locator('.copy').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.ports__scenario').isVisible()).resolves.toBe(true);
    await expect(page.locator('.ports__scenario').innerText()).resolves.toContain('iptables / ip6tables (Linux)');
    await expect(page.locator('[data-check="ike.client.nmap"] input').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-result="rules"]').isVisible()).resolves.toBe(true);
    await close();
  });

  it('copies a rule file exactly as generated', async () => {
    const state: ChecklistState = { scenario: scenario({ firewall: 'windows', protocol: 'both' }), done: [] };
    const { page, close, problems } = await openChecklist(site, encodeChecklist(state).toString());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const file = reachability(state.scenario).rules.files[0]!;
    await page.getByRole('button', { name: `Copy ${file.name}` }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(file.content);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('the compact embed in the NAT chapter lists the flows and links to the full checklist with its scenario', async () => {
    const { page, close, problems } = await site.openPage();
    const chapterUrl = `${site.url}guide/nat-firewalls/`;
    await page.goto(chapterUrl);
    const embed = page.locator('.ports--compact');
    await approach(embed);
    await page.locator('.ports--compact[data-ready="true"]').waitFor();
    const rows = () => page.$$eval('.ports--compact [data-result="flows"] tr[data-flow]', (trs) => trs.map((tr) => tr.getAttribute('data-flow')));
    expect(await rows()).toEqual(reachability(DEFAULT_SCENARIO).flows.map((f) => f.id));
    await embed.locator('fieldset', { hasText: 'VPN protocol the server offers' }).getByLabel('Both').check();
    const state: ChecklistState = { scenario: scenario({ protocol: 'both' }), done: [] };
    expect(await rows()).toEqual(reachability(state.scenario).flows.map((f) => f.id));
    const link = embed.getByRole('link', { name: 'Open the full checklist for this scenario' });
    await expect(link.getAttribute('href')).resolves.toBe(portsToolHref(build.base, state));
    // The chapter's own address is left alone.
    expect(page.url()).toBe(chapterUrl);
    await link.click();
    await page.locator('.ports[data-ready="true"]').waitFor();
    expect(urlState(page)).toEqual({ ...state, notices: [] });
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('renders the default checklist without JavaScript, a tick box for every check', async () => {
    const { page, close } = await openChecklist(site, 'v=1&proto=l2tp', { javaScript: false });
    const result = reachability(DEFAULT_SCENARIO);
    const flows = await page.$$eval('[data-result="flows"] [data-flow]', (els) => els.map((e) => e.getAttribute('data-flow')));
    expect(flows).toEqual(result.flows.map((f) => f.id));
    const boxes = page.locator('[data-check] input[type="checkbox"]');
    await expect(boxes.count()).resolves.toBe(result.checklist.length);
    await expect(page.locator('[data-result="rules"] pre').first().textContent()).resolves.toBe(result.rules.files[0]!.content.replace(/\n$/, ''));
    await close();
  });
});
