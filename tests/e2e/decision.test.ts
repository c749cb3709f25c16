/**
 * The decision wizard page (/tools/decision/) in both builds: URL state round-trip against the
 * model, live updates, notices for bad links, keyboard-only use in both display modes, axe,
 * phone width, print, and the server-rendered result without JavaScript.
 * Expected results are computed by calling the model (src/lib/decision), never typed in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/decision/evaluate';
import type { Answers } from '../../src/lib/decision/questions';
import { decisionToolHref, resultSummary } from '../../src/lib/decision/wizard-view';
import { readWizardQuery, wizardQuery } from '../../src/lib/decision/url-state';
import { approach, BUILDS, VIEWPORTS, axeViolations, fitsViewport, splitWords, startSite, type Problems, type Site } from './harness';

const PATH = 'tools/decision/';

/** Rows: answers to load, and why the row is there. */
const ANSWER_SETS: { answers: Answers; why: string }[] = [
  { answers: {}, why: 'nothing answered: mainstream platforms assumed, IKEv2 first (verdict chapter)' },
  {
    answers: { platforms: ['windows', 'ios', 'legacy'], udpBlocked: 'sometimes', roaming: 'yes' },
    why: 'legacy L2TP-only devices need an additional entry; blocked UDP adds a TCP fallback',
  },
  {
    answers: { platforms: ['android10', 'macos'], appInstall: 'no', auth: 'psk', security: 'current' },
    why: 'Android 10 has no built-in IKEv2 and apps are ruled out',
  },
  { answers: { platforms: ['linux', 'chromeos'], udpBlocked: 'yes', security: 'pq', serverNat: 'yes', clientNat: 'no' }, why: 'TCP and post-quantum requirements' },
];

async function openWizard(site: Site, query: string, options: { viewport?: { width: number; height: number }; javaScript?: boolean } = {}) {
  const opened = await site.openPage(options);
  await opened.page.goto(`${site.url}${PATH}${query === '' ? '' : `?${query}`}`);
  const root = opened.page.locator('.wizard');
  await approach(root);
  if (options.javaScript !== false) await opened.page.locator('.wizard[data-ready="true"]').waitFor();
  return opened;
}

/** What the page shows as the plan: one [option, role, platforms] per entry. */
function renderedPlan(page: Page) {
  return page.$$eval('[data-result="plan"] > li', (items) =>
    items.map((li) => [li.getAttribute('data-option'), li.getAttribute('data-role'), li.getAttribute('data-platforms')]),
  );
}

function expectedPlan(answers: Answers) {
  return evaluate(answers).plan.map((e) => [e.option, e.role, e.platforms.join(',')]);
}

/** Presses Tab until the focused element matches, as a keyboard-only reader would. */
async function tabUntil(page: Page, matches: (el: Element) => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const found = await focused.evaluate(matches);
    await focused.dispose();
    if (found) return;
  }
  throw new Error(`focus did not reach the element in ${max} presses of Tab`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const noProblems: Problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };

describe.each(BUILDS)('decision wizard in $dir (base $base)', (build) => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(ANSWER_SETS)('renders what the model recommends for a link: $why', async ({ answers }) => {
    const query = wizardQuery(answers, 'all');
    const { page, close, problems } = await openWizard(site, query);
    const result = evaluate(answers);
    await expect(page.locator('[data-result="recommendation"]').getAttribute('data-option')).resolves.toBe(result.recommendation.option);
    await expect(page.locator('[data-result="summary"]').innerText()).resolves.toBe(resultSummary(result));
    expect(await renderedPlan(page)).toEqual(expectedPlan(answers));
    // The form shows the link's answers, and the address still says the same after hydration.
    const checked = await page.$$eval('.wizard__form input:checked', (inputs) =>
      inputs.map((i) => `${(i as HTMLInputElement).name.replace(/^.*-q-/, '')}=${(i as HTMLInputElement).value}`),
    );
    for (const [key, value] of Object.entries(answers)) {
      for (const v of Array.isArray(value) ? value : [value]) expect(checked).toContain(`${key}=${v}`);
    }
    expect(readWizardQuery(new URL(page.url()).search)).toEqual({ state: { answers, mode: 'all' }, notices: [], noticeParams: [] });
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('updates the result and the address live as answers change', async () => {
    const { page, close, problems } = await openWizard(site, '');
    await page.getByLabel('Routers and legacy devices that only do L2TP/IPsec').check();
    await page.getByLabel('Windows', { exact: true }).check();
    await page.getByLabel('Sometimes (travellers, guest networks)').check();
    const answers: Answers = { platforms: ['windows', 'legacy'], udpBlocked: 'sometimes' };
    await expect.poll(() => readWizardQuery(new URL(page.url()).search).state.answers).toEqual(answers);
    expect(await renderedPlan(page)).toEqual(expectedPlan(answers));
    await expect(page.locator('[data-result="summary"]').getAttribute('aria-live')).resolves.toBe('polite');
    // "Not answered" clears the answer again.
    await page.locator('fieldset[id$="-q-udpBlocked"]').getByLabel('Not answered').check();
    await expect.poll(() => readWizardQuery(new URL(page.url()).search).state.answers).toEqual({ platforms: ['windows', 'legacy'] });
    expect(await renderedPlan(page)).toEqual(expectedPlan({ platforms: ['windows', 'legacy'] }));
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('shows a notice for a bad link, falls back to unanswered, and stays axe clean', async () => {
    const { page, close, problems } = await openWizard(site, 'v=1&roaming=sometimes&colour=blue&mode=cards&platforms=windows,amiga');
    const notice = page.locator('.notice[role="status"]');
    await expect(notice.locator('li').count()).resolves.toBe(readWizardQuery('v=1&roaming=sometimes&colour=blue&mode=cards&platforms=windows,amiga').notices.length);
    await expect(notice.innerText()).resolves.toMatch(/roaming|colour|mode|amiga/);
    // The question the notice concerns points at it.
    const noticeId = await notice.getAttribute('id');
    await expect(page.locator('fieldset[id$="-q-roaming"]').getAttribute('aria-describedby')).resolves.toContain(noticeId);
    expect(await renderedPlan(page)).toEqual(expectedPlan({ platforms: ['windows'] }));
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(noProblems);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('is axe clean with no answers, with answers, and one question at a time', async () => {
      for (const query of ['', wizardQuery(ANSWER_SETS[1]!.answers, 'all'), wizardQuery(ANSWER_SETS[1]!.answers, 'step')]) {
        const { page, close, problems } = await openWizard(site, query);
        await page.locator('details.ranking > summary').click();
        expect(await axeViolations(page), query).toEqual([]);
        expect(problems).toEqual(noProblems);
        await close();
      }
    });

    it('can be used with the keyboard alone, all questions at once', async () => {
      const { page, close, problems } = await openWizard(site, '');
      await tabUntil(page, (el) => el.id.endsWith('-q-platforms-windows'));
      await page.keyboard.press('Space');
      // Into the roaming group (its checked radio is "Not answered"), then up to "No" and "Yes".
      await tabUntil(page, (el) => (el as HTMLInputElement).name?.endsWith('-q-roaming') === true);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => readWizardQuery(new URL(page.url()).search).state.answers).toEqual({ platforms: ['windows'], roaming: 'yes' });
      expect(await renderedPlan(page)).toEqual(expectedPlan({ platforms: ['windows'], roaming: 'yes' }));
      expect(problems).toEqual(noProblems);
      await close();
    });

    it('can be used with the keyboard alone, one question at a time, with focus moved to each question', async () => {
      const { page, close, problems } = await openWizard(site, '');
      await tabUntil(page, (el) => el.id.endsWith('-mode-all'));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => readWizardQuery(new URL(page.url()).search).state.mode).toBe('step');
      await expect(page.locator('.wizard__position').innerText()).resolves.toBe('Question 1 of 8');
      await tabUntil(page, (el) => el.textContent === 'Next question');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toMatch(/-q-roaming-legend$/);
      await expect(page.locator('.wizard__position').innerText()).resolves.toBe('Question 2 of 8');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => readWizardQuery(new URL(page.url()).search)).toEqual({ state: { answers: { roaming: 'yes' }, mode: 'step' }, notices: [], noticeParams: [] });
      // Back to question 1, then forward to the last question and on to the result.
      await tabUntil(page, (el) => el.textContent === 'Previous question');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toMatch(/-q-platforms-legend$/);
      for (let i = 1; i < 8; i++) {
        await tabUntil(page, (el) => el.textContent === 'Next question');
        await page.keyboard.press('Enter');
      }
      await expect(page.locator('.wizard__position').innerText()).resolves.toBe('Question 8 of 8');
      await expect.poll(() => focusedId(page)).toMatch(/-q-appInstall-legend$/);
      await tabUntil(page, (el) => el.textContent === 'Show the recommendation');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toMatch(/-result-title$/);
      expect(await renderedPlan(page)).toEqual(expectedPlan({ roaming: 'yes' }));
      expect(problems).toEqual(noProblems);
      await close();
    });
  }

  it('a reason links to the question whose answer caused it, also in one-at-a-time mode', async () => {
    const answers: Answers = { roaming: 'yes' };
    const { page, close, problems } = await openWizard(site, wizardQuery(answers, 'step'));
    const cause = page.locator('[data-cause="roaming=yes"] a').first();
    await cause.click();
    await expect.poll(() => focusedId(page)).toMatch(/-q-roaming-legend$/);
    await expect(page.locator('.wizard__position').innerText()).resolves.toBe('Question 2 of 8');
    expect(problems).toEqual(noProblems);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it('fits a 360 px screen without sideways scrolling or split words, in both modes', async () => {
      for (const mode of ['all', 'step'] as const) {
        const { page, close, problems } = await openWizard(site, wizardQuery(ANSWER_SETS[1]!.answers, mode), { viewport: VIEWPORTS.phone });
        await page.locator('details.ranking > summary').click();
        expect(await fitsViewport(page)).toMatchObject({ fits: true });
        expect(await splitWords(page, '[data-result="ranking"] :is(th, td)')).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual(noProblems);
        await close();
      }
    });
  }

  it('prints the answers and the result, not the controls', async () => {
    const answers = ANSWER_SETS[1]!.answers;
    const { page, close } = await openWizard(site, wizardQuery(answers, 'all'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.wizard__form').isVisible()).resolves.toBe(false);
    await expect(page.locator('.wizard__share').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-result="recommendation"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-result="plan"]').isVisible()).resolves.toBe(true);
    const printedAnswers = await page.locator('.wizard__answers').innerText();
    expect(printedAnswers).toContain('Sometimes (travellers, guest networks)');
    expect(printedAnswers).toContain('Routers and legacy devices that only do L2TP/IPsec');
    // Reasons behind the additional plan entries print even though they are collapsed on screen.
    await expect(page.locator('.plan__details .reasons').first().isVisible()).resolves.toBe(true);
    await close();
  });

  it('copies a link that brings the same answers back', async () => {
    const answers: Answers = { platforms: ['macos'], auth: 'eap' };
    const { page, close, problems } = await openWizard(site, wizardQuery(answers, 'all'));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.getByRole('button', { name: 'Copy link to these answers' }).click();
    // The clipboard write is asynchronous; the status says when it is done.
    await expect.poll(() => page.locator('.wizard__share [role="status"]').innerText()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(readWizardQuery(new URL(copied).search).state.answers).toEqual(answers);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('links chapters under the base path and RFCs to their sections', async () => {
    const { page, close } = await openWizard(site, wizardQuery(ANSWER_SETS[1]!.answers, 'all'));
    const hrefs = await page.$$eval('.wizard .sources a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^(https://|${build.base.replace(/\//g, '\\/')}guide/)`));
    expect(hrefs).toContain('https://www.rfc-editor.org/rfc/rfc7296#section-1.2');
    await close();
  });

  it('renders the recommendation for unanswered questions without JavaScript', async () => {
    const { page, close } = await openWizard(site, 'v=1&roaming=yes', { javaScript: false });
    const result = evaluate({});
    await expect(page.locator('[data-result="recommendation"]').getAttribute('data-option')).resolves.toBe(result.recommendation.option);
    expect(await renderedPlan(page)).toEqual(expectedPlan({}));
    await expect(page.locator('noscript').first().textContent()).resolves.toContain('JavaScript is off');
    await close();
  });

  // The verdict chapter embeds the compact wizard in "Decide for your situation".
  it('the compact embed in the verdict chapter links to the full wizard with its answers', async () => {
    const { page, close, problems } = await site.openPage();
    const chapterUrl = `${site.url}guide/verdict/`;
    await page.goto(chapterUrl);
    const embed = page.locator('.wizard--compact');
    await approach(embed);
    await page.locator('.wizard--compact[data-ready="true"]').waitFor();
    await embed.getByLabel('Sometimes (travellers, guest networks)').check();
    const answers: Answers = { udpBlocked: 'sometimes' };
    await expect(embed.locator('[data-result="summary"]').innerText()).resolves.toBe(resultSummary(evaluate(answers)));
    const link = embed.getByRole('link', { name: 'Open the full wizard with these answers' });
    await expect(link.getAttribute('href')).resolves.toBe(decisionToolHref(build.base, answers));
    expect(page.url()).toBe(chapterUrl);
    await link.click();
    await page.locator('.wizard[data-ready="true"]').waitFor();
    expect(readWizardQuery(new URL(page.url()).search)).toEqual({ state: { answers, mode: 'all' }, notices: [], noticeParams: [] });
    expect(problems).toEqual(noProblems);
    await close();
  });
});
