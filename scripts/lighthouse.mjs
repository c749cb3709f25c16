// `npm run lighthouse [path ...]`: Lighthouse (mobile preset) on pages of the built site, served
// locally. Prints the four category scores per page and exits 1 if any is below 100.
// Default pages: the home page, a prose chapter and each calculator page that exists.
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { findBrowser } from './find-browser.mjs';
import { startStaticServer } from './static-server.mjs';

const root = process.env.OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built site in ${root}/; run \`npm run build\` first.`);
  process.exit(1);
}
const requested = process.argv.slice(2);
const candidates = ['', 'guide/ikev2/', 'guide/performance/', 'tools/mtu-calculator/', 'tools/handshake/', 'tools/decision/', 'tools/ports/'];
const paths = requested.length > 0 ? requested : candidates.filter((p) => existsSync(`${root}/${p}index.html`));

const server = await startStaticServer({ root });
const chrome = await chromeLauncher.launch({
  chromePath: findBrowser(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
let failed = false;
try {
  console.log(`${'page'.padEnd(28)} ${categories.map((c) => c.padStart(15)).join('')}`);
  for (const path of paths) {
    const result = await lighthouse(server.url + path, { port: chrome.port, onlyCategories: categories, logLevel: 'error' });
    const scores = categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
    failed ||= scores.some((s) => s < 100);
    console.log(`${('/' + path).padEnd(28)} ${scores.map((s) => String(s).padStart(15)).join('')}`);
    for (const audit of Object.values(result?.lhr.audits ?? {})) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual') {
        console.log(`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
