// Runs the end-to-end suites against a real styr serve on the demo, in Debian's Chromium.
//   node e2e/run.mjs [--styr PATH] [--web DIR] [suite ...]
// Exit status 0 when every test passed. Screenshots go to test-output/screenshots.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { launchBrowser, repoDir, startServer, webDir } from './harness.mjs';

const { values, positionals } = parseArgs({
  options: { styr: { type: 'string' }, web: { type: 'string' } },
  allowPositionals: true,
});
const styr = values.styr ?? join(repoDir, 'build/styr');
const web = values.web ?? join(webDir, 'dist');
const suites = positionals.length > 0 ? positionals : ['screens', 'cycle'];

const server = await startServer({ styr, web });
const browser = await launchBrowser();
let failed = 0;
let passed = 0;
try {
  for (const name of suites) {
    const suite = await import(`./${name}.mjs`);
    for (const [title, body] of suite.tests) {
      const started = Date.now();
      try {
        await body({ browser, baseUrl: server.url });
        passed++;
        console.log(`ok   ${name}: ${title} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${name}: ${title} (${Date.now() - started} ms)\n     ${String(error?.stack ?? error).split('\n').join('\n     ')}`);
      }
    }
  }
} finally {
  await browser.close();
  const unclean = await server.stop();
  if (unclean) {
    failed++;
    console.log(`FAIL the server: ${unclean}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
