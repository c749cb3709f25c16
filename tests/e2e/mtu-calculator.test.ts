/**
 * The MTU and overhead calculator in Chromium, on both builds: links with known states show the
 * model's numbers (computed here by calling the model), edits rewrite the link, bad links show
 * an error or a notice and never NaN, and the page works by keyboard, at 360 px, axe-clean,
 * without console errors and without moving when the island hydrates. The compact embed in the
 * performance chapter links to the full calculator with its state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { approach, BUILDS, VIEWPORTS, axeViolations, fitsViewport, startSite, type Problems, type Site } from './harness';
import { maxInnerPacket, mssClamp, packetSize, type TunnelSpec } from '../../src/lib/overhead';

const NO_PROBLEMS: Problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };
const DEFAULT_SPEC: TunnelSpec = { protocol: 'ikev2', outer: 4, inner: 4, esp: 'aes256gcm16', encapsulation: 'udp' };

type Results = Record<'outer-bytes' | 'overhead-bytes' | 'padding-bytes' | 'max-inner' | 'mss', string>;

/** What the page must show, from the model itself. WireGuard's interface MTU follows the path. */
function expectedResults(spec: TunnelSpec, mtu: number, size: number): Results {
  const sized = spec.protocol === 'wireguard' ? { ...spec, wireguardMtu: maxInnerPacket(spec, mtu) } : spec;
  const packet = packetSize(sized, size);
  return {
    'outer-bytes': String(packet.outerBytes),
    'overhead-bytes': String(packet.overheadBytes),
    'padding-bytes': String(packet.paddingBytes),
    'max-inner': String(maxInnerPacket(spec, mtu)),
    mss: String(mssClamp(spec, mtu)),
  };
}

/** Every numeric data-result on the page (or inside `root`), by name; the error box is read on its own. */
async function readResults(page: Page, root = 'body'): Promise<Record<string, string>> {
  return page.evaluate(
    (selector) =>
      Object.fromEntries(
        [...document.querySelector(selector)!.querySelectorAll<HTMLElement>('[data-result]:not([data-result="error"])')].map((el) => [
          el.dataset.result,
          el.textContent ?? '',
        ]),
      ),
    root,
  );
}

const waitForHydration = (page: Page) =>
  page.waitForFunction(() => {
    const islands = [...document.querySelectorAll('astro-island')];
    return islands.length > 0 && islands.every((island) => !island.hasAttribute('ssr'));
  });

const calculatorPath = (site: Site, query = '') => `${site.url}tools/mtu-calculator/${query === '' ? '' : `?${query}`}`;

async function openCalculator(site: Site, query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  const opened = await site.openPage({ viewport });
  await opened.page.goto(calculatorPath(site, query));
  await approach(opened.page.locator('.mtu'));
  await waitForHydration(opened.page);
  return opened;
}

const KNOWN_STATES: { why: string; query: string; spec: TunnelSpec; mtu: number; size: number }[] = [
  { why: 'no query: the IKEv2 road warrior default', query: '', spec: DEFAULT_SPEC, mtu: 1500, size: 1400 },
  {
    why: 'L2TP/IPsec with the Length and Ns/Nr fields, ACFC and PFC, PPPoE path',
    query: 'v=1&proto=l2tp&outer=4&inner=4&esp=aes128-sha1&encap=udp&mtu=1492&size=1000&l2tplen=1&l2tpseq=1&acfc=1&pfc=1',
    spec: { protocol: 'l2tp', outer: 4, inner: 4, esp: 'aes128-sha1', encapsulation: 'udp', l2tp: { length: true, sequence: true }, ppp: { acfc: true, pfc: true } },
    mtu: 1492,
    size: 1000,
  },
  {
    why: 'IPv6 in IPv6, plain ESP, AES-CBC, IPv6 minimum path',
    query: 'v=1&proto=ikev2&outer=6&inner=6&esp=aes256-sha256&encap=none&mtu=1280&size=1200',
    spec: { protocol: 'ikev2', outer: 6, inner: 6, esp: 'aes256-sha256', encapsulation: 'none' },
    mtu: 1280,
    size: 1200,
  },
  {
    why: 'ESP in TCP with ChaCha20-Poly1305, Google Cloud path',
    query: 'v=1&proto=ikev2&esp=chacha20poly1305&encap=tcp&mtu=1460&size=576',
    spec: { protocol: 'ikev2', outer: 4, inner: 4, esp: 'chacha20poly1305', encapsulation: 'tcp' },
    mtu: 1460,
    size: 576,
  },
  {
    why: 'L2TP/IPsec over TCP carrying IPv6, with ACFC',
    query: 'v=1&proto=l2tp&inner=6&esp=aes256gcm16&encap=tcp&size=100&acfc=1',
    spec: { protocol: 'l2tp', outer: 4, inner: 6, esp: 'aes256gcm16', encapsulation: 'tcp', l2tp: { length: false, sequence: false }, ppp: { acfc: true, pfc: false } },
    mtu: 1500,
    size: 100,
  },
  {
    why: 'WireGuard over an IPv6 PPPoE path',
    query: 'v=1&proto=wireguard&outer=6&mtu=1492&size=1280',
    spec: { protocol: 'wireguard', outer: 6, inner: 4 },
    mtu: 1492,
    size: 1280,
  },
  {
    why: 'OpenVPN over TCP, small packet',
    query: 'v=1&proto=openvpn&encap=tcp&size=64',
    spec: { protocol: 'openvpn', outer: 4, inner: 4, encapsulation: 'tcp' },
    mtu: 1500,
    size: 64,
  },
];

describe.each(BUILDS)('MTU calculator in $dir (base $base)', (build) => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(KNOWN_STATES)('shows the model’s numbers for a link: $why', async ({ query, spec, mtu, size }) => {
    const { page, close, problems } = await openCalculator(site, query);
    const expected = expectedResults(spec, mtu, size);
    await expect.poll(() => readResults(page)).toEqual(expected);
    for (const value of Object.values(await readResults(page))) expect(value).toMatch(/^\d+$/);
    await expect(page.getByRole('textbox', { name: /^Path MTU/ }).inputValue()).resolves.toBe(String(mtu));
    await expect(page.getByRole('textbox', { name: /^Inner packet size/ }).inputValue()).resolves.toBe(String(size));
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/\bNaN\b|undefined/);
    expect(problems).toEqual(NO_PROBLEMS);
    await close();
  });

  it('embeds a compact calculator in the performance chapter that links to the full one with its state', async () => {
    const { page, close, problems } = await site.openPage();
    const chapter = `${site.url}guide/performance/`;
    await page.goto(chapter);
    const embed = page.locator('.mtu--compact');
    await approach(embed);
    await waitForHydration(page);
    await expect.poll(() => readResults(page, '.mtu--compact')).toEqual(expectedResults(DEFAULT_SPEC, 1500, 1400));

    await embed.getByRole('textbox', { name: /^Path MTU/ }).fill('1280');
    await expect.poll(() => readResults(page, '.mtu--compact')).toEqual(expectedResults(DEFAULT_SPEC, 1280, 1400));
    // The chapter's own address is left alone; the link carries the state, under the base path.
    expect(page.url()).toBe(chapter);
    const link = embed.getByRole('link', { name: 'Open in the full calculator' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${build.base}tools/mtu-calculator/\\?v=1&`));
    expect(new URL(href!, site.origin).searchParams.get('mtu')).toBe('1280');
    expect(await embed.locator('.snippet, .chart').count()).toBe(0);

    await link.click();
    await waitForHydration(page);
    await expect.poll(() => readResults(page)).toEqual(expectedResults(DEFAULT_SPEC, 1280, 1400));
    expect(problems).toEqual(NO_PROBLEMS);
    await close();
  });

  if (build.base === '/') {
    // Behaviour, layout and keyboard use cannot depend on the base path, which changes only URLs:
    // they are checked on the root build, the links and numbers above on both.
    it('rewrites the link and the results on every edit', async () => {
      const { page, close, problems } = await openCalculator(site);
      const param = (name: string) => new URL(page.url()).searchParams.get(name);

      await page.getByRole('textbox', { name: /^Path MTU/ }).fill('1492');
      await expect.poll(() => param('mtu')).toBe('1492');
      await expect.poll(() => readResults(page)).toEqual(expectedResults(DEFAULT_SPEC, 1492, 1400));

      await page.getByRole('combobox', { name: 'Protocol' }).selectOption('l2tp');
      await expect.poll(() => param('proto')).toBe('l2tp');
      const l2tp: TunnelSpec = { ...DEFAULT_SPEC, protocol: 'l2tp' };
      await expect.poll(() => readResults(page)).toEqual(expectedResults(l2tp, 1492, 1400));

      await page.getByRole('checkbox', { name: /PPP protocol field compression/ }).check();
      await page.getByRole('checkbox', { name: /L2TP sequence numbers/ }).check();
      await expect.poll(() => [param('pfc'), param('l2tpseq')]).toEqual(['1', '1']);
      const flags: TunnelSpec = { ...l2tp, l2tp: { sequence: true }, ppp: { pfc: true } };
      await expect.poll(() => readResults(page)).toEqual(expectedResults(flags, 1492, 1400));

      await page.getByRole('combobox', { name: /^ESP proposal/ }).fill('aes256-sha512');
      await page.getByRole('combobox', { name: 'Inside the tunnel' }).selectOption('6');
      await page.getByRole('textbox', { name: /^Inner packet size/ }).fill('576');
      await expect.poll(() => [param('esp'), param('inner'), param('size')]).toEqual(['aes256-sha512', '6', '576']);
      await expect.poll(() => readResults(page)).toEqual(expectedResults({ ...flags, esp: 'aes256-sha512', inner: 6 }, 1492, 576));

      await page.getByRole('button', { name: 'Jumbo frames 9000' }).click();
      await expect.poll(() => param('mtu')).toBe('9000');
      await page.getByRole('combobox', { name: 'Setup' }).selectOption('wireguard');
      await expect.poll(() => [param('proto'), param('encap')]).toEqual(['wireguard', 'udp']);
      await expect.poll(() => readResults(page)).toEqual(expectedResults({ protocol: 'wireguard', outer: 4, inner: 4 }, 9000, 576));

      // The share field holds the page's own address, which reloads to the same numbers.
      const shared = await page.getByRole('textbox', { name: 'Link to this calculation' }).inputValue();
      expect(shared).toBe(page.url());
      const numbers = await readResults(page);
      await page.goto(shared);
      await waitForHydration(page);
      await expect.poll(() => readResults(page)).toEqual(numbers);
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it.each([
      { query: 'v=1&mtu=abc', field: /^Path MTU/, name: 'Path MTU', message: /“abc” is not a number/ },
      { query: 'v=1&esp=aes129', field: /^ESP proposal/, name: 'ESP proposal', message: /Unknown ESP token 'aes129'/, role: 'combobox' as const },
      { query: 'v=1&size=-5', field: /^Inner packet size/, name: 'Inner packet size', message: /you entered -5/ },
    ])('shows the error for $query at its field and in data-result="error", never NaN', async ({ query, field, name, message, role }) => {
      const { page, close, problems } = await openCalculator(site, query);
      const error = page.locator('[data-result="error"]');
      await error.waitFor();
      await expect(error.innerText()).resolves.toMatch(new RegExp(`${name}:[\\s\\S]*${message.source}`));
      // The proposal field offers suggestions (a datalist), which makes it a combobox.
      const input = page.getByRole(role ?? 'textbox', { name: field });
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
      const described = await input.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      );
      expect(described).toMatch(message);
      await expect(page.locator('main').innerText()).resolves.not.toMatch(/\bNaN\b|undefined|Infinity/);
      for (const value of Object.values(await readResults(page))) expect(value).toMatch(/^\d+$|^$/);
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it('shows literal figures for the default link, worked out by hand (tests/unit/mtu-calculator/result.test.ts)', async () => {
      const { page, close, problems } = await openCalculator(site, 'v=1');
      await expect
        .poll(() => readResults(page))
        .toEqual({ 'outer-bytes': '1464', 'overhead-bytes': '64', 'padding-bytes': '2', 'max-inner': '1438', mss: '1398' });
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it('falls back to the default protocol with a notice for proto=pptp', async () => {
      const { page, close, problems } = await openCalculator(site, 'v=1&proto=pptp');
      await expect(page.getByRole('status').filter({ hasText: 'pptp' }).innerText()).resolves.toMatch(/protocol “pptp”.*showing ikev2/);
      await expect.poll(() => readResults(page)).toEqual(expectedResults(DEFAULT_SPEC, 1500, 1400));
      expect(await page.locator('[data-result="error"]').count()).toBe(0);
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it('works by keyboard: fields in order, typing, the chart readout, and copy buttons', async () => {
      const { page, close, problems } = await openCalculator(site);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
          return { id: el.id, role: el.getAttribute('role'), label: el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent?.trim() ?? el.textContent?.trim() ?? '' };
        });
      const tabUntil = async (test: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 120) => {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          const f = await focused();
          if (test(f)) return f;
        }
        throw new Error('Tab never reached the control');
      };

      await tabUntil((f) => f.label === 'Setup');
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        order.push((await focused()).label);
      }
      expect(order).toEqual(['Protocol', 'Path (outer) IP', 'Inside the tunnel', 'ESP proposal (strongSwan syntax)', 'Encapsulation', 'Path MTU (bytes)']);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('1280');
      await expect.poll(() => readResults(page)).toEqual(expectedResults(DEFAULT_SPEC, 1280, 1400));

      // The chart: a slider whose readout follows the arrow keys.
      const slider = await tabUntil((f) => f.role === 'slider');
      expect(slider.label).toMatch(/Efficiency chart/);
      const chart = page.getByRole('slider');
      const readout = page.locator('.chart__readout');
      const now = async () => Number(await chart.getAttribute('aria-valuenow'));
      const start = await now();
      expect(start).toBe(576); // the reader's 1400 bytes no longer fit at 1280, so the readout starts at 576
      await page.keyboard.press('Home');
      await expect.poll(now).toBe(20);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(now).toBe(37);
      const outer37 = packetSize(DEFAULT_SPEC, 37).outerBytes;
      await expect(readout.innerText()).resolves.toContain(`37-byte inner packet: IKEv2/IPsec ${((37 / outer37) * 100).toFixed(1)} % (${outer37} bytes on the path)`);
      await page.keyboard.press('End');
      await expect.poll(now).toBe(maxInnerPacket({ protocol: 'openvpn', outer: 4, inner: 4 }, 1280));
      await expect(chart.getAttribute('aria-valuetext')).resolves.toBe(`${await now()} bytes`);

      // Copy buttons are reachable and copy exactly what the block shows.
      const copy = await tabUntil((f) => /^Copy the .* settings$/.test(f.label));
      await page.keyboard.press('Enter');
      const block = page.locator('pre[data-snippet]').first();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await block.textContent());
      expect(copy.label).toBe('Copy the iptables (IPv4) settings');
      expect(await block.textContent()).toContain(`--set-mss ${mssClamp(DEFAULT_SPEC, 1280)}`);
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it.each([
      { why: 'the default state', query: '' },
      { why: 'errors shown at three fields', query: 'v=1&mtu=abc&esp=aes129&size=-5' },
      { why: 'a notice and the L2TP header options', query: 'v=1&proto=l2tp&colour=red&acfc=1' },
      { why: 'a WireGuard packet too large for its interface', query: 'v=1&proto=wireguard&size=1460' },
    ])('is axe-clean and fits 360 px with $why', async ({ query }) => {
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        const { page, close, problems } = await openCalculator(site, query, viewport);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await axeViolations(page), `axe at ${viewport.width} px`).toEqual([]);
        expect((await fitsViewport(page)).fits, `no sideways scrolling at ${viewport.width} px`).toBe(true);
        // The comparison is a scroll region only for screens narrower than a phone: at 360 px all
        // of it shows, and no header runs into the next.
        const comparison = await page.locator('.mtu-comparison').evaluate((region) => {
          const heads = [...region.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
          return {
            scrolls: region.scrollWidth > region.clientWidth ? `${region.scrollWidth} px in ${region.clientWidth}` : false,
            overlaps: heads.some((box, i) => i > 0 && box.left < (heads[i - 1]?.right ?? 0) - 0.5),
          };
        });
        expect(comparison, `comparison at ${viewport.width} px`).toEqual({ scrolls: false, overlaps: false });
        if (viewport === VIEWPORTS.phone && (await page.locator('.chart').count()) > 0) {
          // Once the panels run, a phone gets the chart's narrow drawing, which fits (an input
          // error leaves no chart to draw).
          await page.locator('.chart').scrollIntoViewIfNeeded();
          await page.locator('.chart--phone').waitFor();
          const chart = await page.locator('.chart__scroll').evaluate((region) => ({ width: region.scrollWidth, room: region.clientWidth }));
          expect(chart.width).toBeLessThanOrEqual(chart.room);
        }
        expect(problems).toEqual(NO_PROBLEMS);
        await close();
      }
    });

    it('hydrates without moving the results', async () => {
      const { page, close, problems } = await site.openPage();
      // The island waits for the reader's first interaction, so the server-rendered page can be measured first.
      await page.goto(calculatorPath(site));
      const boxes = () =>
        page.evaluate(() =>
          ['.mtu', '.mtu__results', '.mtu__form', '.packet__bar', ...['outer-bytes', 'overhead-bytes', 'padding-bytes', 'max-inner', 'mss'].map((r) => `[data-result="${r}"]`)].map(
            (selector) => {
              const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
              return { selector, x, y, width, height };
            },
          ),
        );
      await page.locator('.mtu__results').waitFor();
      const before = await boxes();
      const beforeResults = await readResults(page);
      expect(await page.locator('astro-island[ssr]').count()).toBe(1);
      const hydrationStart = await page.evaluate(() => performance.now());
      await page.mouse.move(1, 1); // over the site title, away from the calculator
      await waitForHydration(page);
      await page.waitForTimeout(300);
      expect(await boxes()).toEqual(before);
      expect(await readResults(page)).toEqual(beforeResults);
      // The browser's own record agrees: from the interaction on, no layout shift touches the
      // calculator. (Shifts while the page loads are the load's, which Lighthouse's CLS audit judges.)
      const shifts = await page.evaluate(
        (since) =>
          new Promise<number>((resolve) => {
            const island = document.querySelector('.mtu')!.getBoundingClientRect();
            const touches = (r: DOMRectReadOnly) =>
              r.right > island.left && r.left < island.right && r.bottom > island.top && r.top < island.bottom;
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
                if (entry.startTime >= since && entry.sources.some((s) => touches(s.previousRect) || touches(s.currentRect))) total += entry.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 200);
          }),
        hydrationStart,
      );
      expect(shifts).toBe(0);
      expect(problems).toEqual(NO_PROBLEMS);
      await close();
    });

    it('is readable without JavaScript: the server-rendered default result', async () => {
      const { page, close } = await site.openPage({ javaScript: false });
      await page.goto(calculatorPath(site, 'v=1&mtu=1280'));
      expect(await readResults(page)).toEqual(expectedResults(DEFAULT_SPEC, 1500, 1400));
      await expect(page.locator('pre[data-snippet="strongswan"]').innerText()).resolves.toContain(`mss = ${mssClamp(DEFAULT_SPEC, 1500)}`);
      await expect(page.locator('main').innerText()).resolves.toMatch(/JavaScript is off/);
      await close();
    });
  }
});
