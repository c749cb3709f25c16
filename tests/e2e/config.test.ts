/**
 * The configuration builder page (/tools/config/) in both builds: the server render and a
 * link give the files (data-file, text exactly the file), edits and field errors, a generated
 * pre-shared key that never enters the address, the matrix, axe, phone width, no JavaScript.
 * Literal expectations check what the files say; equality with the model checks that the page
 * shows each file exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig, CONFIG_URL_STATE, DEFAULT_CONFIG_STATE, type ConfigState } from '../../src/lib/config';
import { BUILDS, VIEWPORTS, axeViolations, fitsViewport, splitWords, startSite, type Problems, type Site, openIsland } from './harness';

const PATH = 'tools/config/';
const noProblems: Problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };

const openBuilder = (site: Site, query: string, options: { viewport?: { width: number; height: number }; javaScript?: boolean } = {}) =>
  openIsland(site, `${PATH}${query === '' ? '' : `?${query}`}`, '.config', { ...options, ready: 'data-ready' });

const fileText = (page: import('playwright-core').Page, name: string) =>
  page.locator(`[data-file="${name}"]`).evaluate((el) => el.textContent ?? '');

describe.each(BUILDS)('configuration builder in $dir (base $base)', (build) => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(build);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows every file of the default inputs, each exactly as the model writes it', async () => {
    const { page, close, problems } = await openBuilder(site, '');
    const names = await page.$$eval('[data-file]', (els) => els.map((e) => e.getAttribute('data-file')));
    expect(names).toEqual(['swanctl.conf', 'make-certs.sh', 'vpn-input.nft', 'vpn-forward.nft', 'example-vpn.ps1', 'example-vpn.mobileconfig', 'example-vpn.sswan', 'android-settings.txt', 'example-vpn-nmcli.sh', 'chromeos-settings.txt']);
    const swanctl = await fileText(page, 'swanctl.conf');
    expect(swanctl).toContain('auth = eap-mschapv2');
    expect(swanctl).toContain('id = vpn.example.com');
    for (const file of buildConfig(DEFAULT_CONFIG_STATE).files) expect(await fileText(page, file.name)).toBe(file.text);
    const rows = await page.$$eval('[data-client]', (els) => els.map((e) => [e.getAttribute('data-client'), e.getAttribute('data-connect'), e.getAttribute('data-rekey')]));
    expect(rows).toEqual([['windows-ps', 'yes', 'yes'], ['apple-profile', 'yes', 'yes'], ['android-native', 'yes', 'yes'], ['sswan-android', 'yes', 'yes'], ['chromeos', 'yes', 'yes'], ['linux-nm', 'yes', 'yes']]);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('applies a link: an IP address gets both SANs, routes make a split tunnel', async () => {
    const state: ConfigState = { ...DEFAULT_CONFIG_STATE, gateway: '203.0.113.10', routes: '192.0.2.0/24', clients: 'windows-ps' };
    const { page, close, problems } = await openBuilder(site, CONFIG_URL_STATE.encode(state).toString());
    await page.locator('[data-file="example-vpn.ps1"]').waitFor();
    expect(await fileText(page, 'make-certs.sh')).toContain('--san dns:203.0.113.10 \\\n        --san 203.0.113.10 \\');
    expect(await fileText(page, 'example-vpn.ps1')).toContain('-DestinationPrefix 192.0.2.0/24');
    expect(await fileText(page, 'swanctl.conf')).toContain('local_ts = 192.0.2.0/24');
    expect(await page.$$eval('[data-client]', (els) => els.map((e) => e.getAttribute('data-client')))).toEqual(['windows-ps']);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('reports a bad value at its field and keeps it in the address', async () => {
    const { page, close, problems } = await openBuilder(site, '');
    const gateway = page.getByLabel('Server name or address');
    await gateway.fill('not a host!');
    await page.locator('[data-result="error"]').first().waitFor();
    await expect(gateway.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.locator('[data-result="error"]').first().innerText()).toContain('neither a DNS name');
    expect(await page.locator('[data-file]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('gateway')).toBe('not a host!');
    await gateway.fill('vpn.example.net');
    await page.locator('[data-file="swanctl.conf"]').waitFor();
    expect(await fileText(page, 'swanctl.conf')).toContain('id = vpn.example.net');
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('generates a pre-shared key in the page, puts it in both ends, and never in the address', async () => {
    const { page, close, problems } = await openBuilder(site, '');
    await page.getByLabel('Pre-shared key (site-to-site and tests)').check();
    await page.getByRole('button', { name: 'Generate a key' }).click();
    const swanctl = await fileText(page, 'swanctl.conf');
    const key = /secret = "([A-Za-z0-9+/=]{44})"/.exec(swanctl)?.[1];
    expect(key).toBeDefined();
    expect(await fileText(page, 'example-vpn.mobileconfig')).toContain(`<string>${key}</string>`);
    expect(page.url()).not.toContain(encodeURIComponent(key!));
    expect(page.url()).not.toContain(key!);
    expect(new URL(page.url()).searchParams.get('auth')).toBe('psk');
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('switches to libreswan: EAP is refused at the server choice, a pre-shared key gives ipsec.conf and ipsec.secrets', async () => {
    const { page, close, problems } = await openBuilder(site, '');
    await page.getByLabel('libreswan (ipsec.conf; pre-shared key only)').check();
    const error = page.locator('[data-result="error"]').first();
    await error.waitFor();
    expect(await error.innerText()).toContain('libreswan has no EAP-MSCHAPv2 server');
    expect(new URL(page.url()).searchParams.get('server')).toBe('libreswan');
    await page.getByLabel('Pre-shared key (site-to-site and tests)').check();
    await page.locator('[data-file="ipsec.conf"]').waitFor();
    const names = await page.$$eval('[data-file]', (els) => els.map((e) => e.getAttribute('data-file')));
    expect(names).toContain('ipsec.secrets');
    expect(names).not.toContain('swanctl.conf');
    expect(await fileText(page, 'ipsec.conf')).toContain('authby=secret');
    expect(problems).toEqual(noProblems);
    await close();
  });

  if (build.base === '/') {
    // Layout, accessibility and keyboard use cannot depend on the base path, which changes only
    // URLs: they are checked on the root build, the URLs on both.
    it.each([VIEWPORTS.phone, VIEWPORTS.desktop])('is axe-clean and fits $width px', async (viewport) => {
      const { page, close } = await openBuilder(site, '', { viewport });
      expect(await axeViolations(page)).toEqual([]);
      expect((await fitsViewport(page)).fits).toBe(true);
      // Client names break between words (on a phone each client is a card).
      expect(await splitWords(page, '.config__table tbody :is(th, td)')).toEqual([]);
      await close();
    });
  }

  it('without JavaScript shows the default files and says the form needs JavaScript', async () => {
    const { page, close } = await openBuilder(site, 'gateway=ignored.example', { javaScript: false });
    expect(await page.locator('noscript').first().innerHTML()).toContain('JavaScript is off');
    expect(await fileText(page, 'swanctl.conf')).toContain('id = vpn.example.com');
    await close();
  });

  it('downloads every file in one archive that Python\'s zipfile reads back', async () => {
    const { page, close, problems } = await openBuilder(site, '');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download-all]').click()]);
    expect(download.suggestedFilename()).toBe('example-vpn-config.zip');
    // The shared browser runs as a server (tests/e2e/global-setup.ts): save the download explicitly.
    const path = join(mkdtempSync(join(tmpdir(), 'config-zip-')), 'all.zip');
    await download.saveAs(path);
    const run = spawnSync('python3', ['-c', 'import json, sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps([z.testzip(), z.namelist(), z.read("swanctl.conf").decode()]))', path], { encoding: 'utf8' });
    const files = buildConfig(DEFAULT_CONFIG_STATE).files;
    expect(JSON.parse(run.stdout)).toEqual([null, files.map((f) => f.name), files[0]!.text]);
    expect(problems).toEqual(noProblems);
    await close();
  });

  it('the setup chapter shows the files the builder writes for its default inputs, line for line', async () => {
    const { page, close, problems } = await site.openPage({ javaScript: false });
    await page.goto(`${site.url}guide/setup/`);
    // Expressive Code renders one .ec-line per line, an empty line as a newline character, and a tab
    // as two spaces (its tabWidth default; the profile's indentation is insignificant).
    const shown = await page.$$eval('[data-config-file]', (els) =>
      els.map((e) => [e.getAttribute('data-config-file'), [...e.querySelectorAll('pre code .ec-line')].map((l) => (l.textContent ?? '').replace(/\n$/, '')).join('\n')]),
    );
    expect(shown.map(([name]) => name)).toEqual(['make-certs.sh', 'swanctl.conf', 'example-vpn.ps1', 'example-vpn.mobileconfig', 'example-vpn-nmcli.sh']);
    const files = buildConfig(DEFAULT_CONFIG_STATE).files;
    for (const [name, text] of shown) {
      const expected = files.find((f) => f.name === name)!.text.replace(/\r\n/g, '\n').replace(/\n$/, '').replace(/\t/g, '  ');
      expect(text, name!).toBe(expected);
    }
    expect(shown[1]![1]).toContain('auth = eap-mschapv2');
    expect(problems).toEqual(noProblems);
    await close();
  });
});
