// The end-to-end harness: a real `styr serve --demo` on a fresh database and a free port,
// Debian's Chromium driven by playwright-core, axe-core on every screen, screenshots.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const webDir = resolve(import.meta.dirname, '..');
export const repoDir = resolve(webDir, '..');
const axeSource = readFileSync(join(webDir, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Starts styr serve on the demo; resolves with { url, stop }. */
export async function startServer({ styr, web }) {
  const folder = mkdtempSync(join(tmpdir(), 'styr-e2e-'));
  const child = spawn(
    styr,
    ['serve', '--demo', '--db', join(folder, 'demo.db'), '--port', '0', '--web', web, '--threads', '4'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`styr serve did not start:\n${output}`)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const found = /Styr is serving (http:\/\/[^\s]+)/.exec(output);
      if (found && output.includes('The demo runs on its own date')) {
        clearTimeout(timer);
        resolveUrl(found[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk) => (output += chunk));
    // Keep reading: a full pipe would block the server.
    child.stdout.on('data', () => {});
    child.on('exit', (code) => reject(new Error(`styr serve ended (${code}):\n${output}`)));
  });
  return {
    url,
    /** Stops the server as an operator would (SIGTERM); resolves with what it wrote when it
     * did not end cleanly (a sanitizer's report, say), else with null. */
    stop: async () => {
      const ended = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
      child.kill('SIGTERM');
      const { code, signal } = await ended;
      rmSync(folder, { recursive: true, force: true });
      return code === 0 ? null : `styr serve ended with ${code ?? signal}:\n${output.slice(-4000)}`;
    },
  };
}

/** Chromium as the issue asks: headless, no sandbox (root in CI), no background traffic; a
 * fresh user-data dir (playwright creates and removes one per launch). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.STYR_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 360, height: 740 };

/** A browser context signed in as `username` (password demo) through the sign-in form. */
export async function signedIn(browser, baseUrl, username, viewport = desktop) {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  watchConsole(page);
  await page.goto(`${baseUrl}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('demo');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
  return { context, page };
}

/** Errors the page logs fail the test that caused them. */
const pageErrors = new WeakMap();
export function watchConsole(page) {
  const errors = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) {
      errors.push(`console error: ${message.text()}`);
    }
  });
}
export function consoleErrors(page) {
  return pageErrors.get(page) ?? [];
}

/** Waits until the screen has shown its heading and nothing is loading any more. */
export async function settled(page) {
  await page.locator('#innehall h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, null, { timeout: 15_000 });
}

/** axe-core over the whole page; throws listing every WCAG 2.1 A/AA violation. */
export async function checkAccessibility(page, screen) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly)
  // refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`)
          .join('\n    ')}`,
    );
    throw new Error(`axe found ${result.violations.length} WCAG 2.1 A/AA violations on ${screen}:\n  ${lines.join('\n  ')}`);
  }
  return result.passes.length;
}

export const outputDir = resolve(process.env.STYR_TEST_OUTPUT ?? join(repoDir, 'test-output'));
export function screenshotPath(name) {
  const folder = join(outputDir, 'screenshots');
  mkdirSync(folder, { recursive: true });
  return join(folder, `${name}.png`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits (up to 10 s) until `locator` shows `text`; throws with what it showed instead. */
export async function expectText(locator, text, what) {
  let actual = '';
  for (let waited = 0; waited <= 10_000; waited += 100) {
    actual = (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ');
    if (actual.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: expected "${text}" in "${actual.slice(0, 400)}"`);
}
