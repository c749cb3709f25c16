// `npm run lighthouse [-- --runs N] [path ...]`: Lighthouse (mobile preset, simulated throttling)
// on every page of the built site's sitemap, served locally with its security headers. Prints the
// four category scores and Total Blocking Time per page, then the audits that lost points; exits 1
// if any score is below 100 or any page blocks the main thread for more than 50 ms (design.md
// budgets). With --runs N each page is measured N times and judged on the medians: on a shared
// machine one run's TBT can differ from the next by 100 ms.
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { findBrowser } from './find-browser.mjs';
import { sitemapPaths } from './sitemap.mjs';
import { startStaticServer } from './static-server.mjs';

const MAX_TBT_MS = 50;
/** The middle value (the lower of the two middle ones for an even count, so it is one that was measured). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const root = process.env.OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built site in ${root}/; run \`npm run build\` first.`);
  process.exit(1);
}
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 1 : Number(args.splice(runsAt, 2)[1]);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number of runs per page, 1 or more.');
  process.exit(1);
}
const requested = args;
const paths = requested.length > 0 ? requested : sitemapPaths({ dir: root, base: '/' });

const server = await startStaticServer({ root });
const chrome = await chromeLauncher.launch({
  chromePath: findBrowser(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const short = ['perf', 'a11y', 'best', 'seo'];
const failures = [];
try {
  console.log(`${'page'.padEnd(34)}${short.map((c) => c.padStart(6)).join('')}${'TBT ms'.padStart(9)}`);
  for (const path of paths) {
    const reports = [];
    for (let run = 0; run < runs; run++) {
      reports.push((await lighthouse(server.url + path, { port: chrome.port, onlyCategories: categories, logLevel: 'error' }))?.lhr);
    }
    const scores = categories.map((c) => median(reports.map((lhr) => Math.round((lhr?.categories[c]?.score ?? 0) * 100))));
    const tbts = reports.map((lhr) => Math.round(lhr?.audits['total-blocking-time']?.numericValue ?? Infinity));
    const tbt = median(tbts);
    // The audits listed are those of the run whose TBT is the median.
    const lhr = reports[tbts.indexOf(tbt)];
    if (scores.some((s) => s < 100) || tbt > MAX_TBT_MS) failures.push(`/${path}`);
    const spread = runs > 1 ? `  (runs: ${tbts.join(', ')})` : '';
    console.log(`${('/' + path).padEnd(34)}${scores.map((s) => String(s).padStart(6)).join('')}${String(tbt).padStart(9)}${spread}`);
    for (const audit of Object.values(lhr?.audits ?? {})) {
      if (audit.score !== null && audit.score < 1 && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) {
        console.log(`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
if (failures.length > 0) console.log(`\nBelow 100 or over ${MAX_TBT_MS} ms TBT: ${failures.join(', ')}`);
process.exit(failures.length > 0 ? 1 : 0);
