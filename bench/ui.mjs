// The UI's figures: initial JavaScript (gzipped) and time to content of "Mitt uppdrag".
// Run through bench/ui.sh, which builds what it needs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { launchBrowser, signedIn, startServer } from '../web/e2e/harness.mjs';

const { values } = parseArgs({ options: { styr: { type: 'string' }, web: { type: 'string' } } });
const web = resolve(values.web ?? 'web/dist');
const runs = Number(process.env.STYR_BENCH_RUNS ?? 20);

// The initial JavaScript: the entry script and what index.html preloads with it, i.e. what
// a browser fetches before the first screen can show. Screens loaded on demand and ECharts
// are not in it.
const index = readFileSync(join(web, 'index.html'), 'utf8');
const initial = [...index.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
  (match) => match[1],
);
let gzipped = 0;
let raw = 0;
for (const path of initial) {
  const bytes = readFileSync(join(web, path));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(`Initial JavaScript: ${initial.length} files, ${kb(raw)} KB, ${kb(gzipped)} KB gzipped (target 250 KB): ${gzipped <= 250 * 1024 ? 'MET' : 'MISSED'}`);

const server = await startServer({ styr: resolve(values.styr ?? 'build-bench/styr'), web });
const browser = await launchBrowser();
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
let worst = 0;
try {
  for (const role of ['kd', 'sektorschef', 'enhetschef', 'medarbetare', 'controller', 'ledamot']) {
    const { context, page } = await signedIn(browser, server.url, role);
    const times = [];
    for (let run = 0; run < runs + 2; run++) {
      // A full navigation (not a click inside the UI): the page, its scripts and the API read.
      const started = Date.now();
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      await page.locator('#mottaget h2').waitFor();
      const took = Date.now() - started;
      if (run >= 2) times.push(took); // the first two warm the caches, as a returning user has
    }
    times.sort((a, b) => a - b);
    worst = Math.max(worst, times[times.length - 1]);
    console.log(
      `Mitt uppdrag as ${role.padEnd(12)} median ${quantile(times, 0.5)} ms, p95 ${quantile(times, 0.95)} ms, max ${times[times.length - 1]} ms (${runs} navigations)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`Time to content of Mitt uppdrag, slowest of all: ${worst} ms (target 1000 ms): ${worst <= 1000 ? 'MET' : 'MISSED'}`);
