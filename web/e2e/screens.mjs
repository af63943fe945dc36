// Every screen, as the role it is for, at a large and a phone width: it shows its content,
// axe-core finds no WCAG 2.1 A or AA violation, and a screenshot of it is kept.
import {
  assert,
  checkAccessibility,
  consoleErrors,
  desktop,
  expectText,
  phone,
  screenshot,
  settled,
  signedIn,
  watchConsole,
} from './harness.mjs';

// [role, path, screenshot name, text the screen must show]
const visits = [
  ['kd', '/', 'mitt-uppdrag-kd', 'Mitt uppdrag'],
  ['sektorschef', '/', 'mitt-uppdrag-sektorschef', 'AVV-2025-0006'],
  ['medarbetare', '/', 'mitt-uppdrag-medarbetare', 'Till mig och mina enheter'],
  ['ledamot', '/', 'mitt-uppdrag-ledamot', 'Mitt uppdrag'],
  ['kd', '/styrkedjan', 'styrkedjan', 'Styrkedjan'],
  ['kd', '/uppdrag/VP25-U01', 'uppdrag', 'VP25-U01'],
  ['kd', '/uppdrag/VP25-U01/nytt', 'uppdrag-nytt', 'VP25-U01'],
  ['kd', '/uppfoljning', 'uppfoljning', 'Uppföljning'],
  ['controller', '/uppfoljning/2025-KS-10', 'uppfoljning-oversikt', 'Månadsuppföljning oktober 2025'],
  ['controller', '/uppfoljning/2025-KS-04', 'uppfoljning-matris', 'VP25-U01'],
  ['sektorschef', '/uppfoljning/2025-DELAR', 'uppfoljning-matris-sektor', 'VOM-M01'],
  ['kd', '/uppfoljning/2025-KS-10/SEK-IFO', 'aterrapportering-godkanna', 'Individ- och familjeomsorg'],
  ['enhetschef', '/uppfoljning/2025-AR/LAR-E01', 'aterrapportering-skriva', 'Grundskola Aspenäs'],
  ['kd', '/indikatorer', 'indikatorer', 'Indikatorer'],
  ['kd', '/indikatorer/BEHORIGHET', 'indikator', 'BEHORIGHET'],
  ['sektorschef', '/avvikelser', 'avvikelser-inkorg', 'AVV-2025-0006'],
  ['medarbetare', '/avvikelser/ny', 'avvikelse-rapportera', 'Allvarlighetsgrad'],
  ['kd', '/avvikelser/AVV-2025-0004', 'avvikelse-tidslinje', 'AVV-2025-0004'],
  ['kd', '/kalender', 'kalender', 'Kalender'],
  ['sektorschef', '/notiser', 'notiser', 'AVV-2025-0006'],
  ['admin', '/administration', 'administration', 'Administration'],
  ['admin', '/administration/enheter', 'administration-enheter', 'Kommunfullmäktige'],
  ['admin', '/administration/personer?sok=Tilda', 'administration-personer', 'Persson, Tilda'],
  ['admin', '/administration/personer/P00003', 'administration-person', 'Tilda Persson'],
  ['controller', '/administration/import', 'administration-import', 'Import'],
  ['admin', '/administration/nycklar', 'administration-nycklar', 'API'],
  ['kd', '/finns-inte', 'sidan-finns-inte', 'Sidan finns inte'],
];

async function visit(page, path, name, text, viewport) {
  await page.setViewportSize(viewport);
  await page.goto(path);
  await settled(page);
  await expectText(page.locator('#innehall'), text, `${path} as shown`);
  await checkAccessibility(page, `${path} at ${viewport.width} px`);
  await screenshot(page, `${name}-${viewport.width}`);
}

export const tests = [];

const roles = [...new Set(visits.map(([role]) => role))];
for (const role of roles) {
  tests.push([
    `${role}'s screens pass axe at 1280 and 360 px`,
    async ({ browser, baseUrl }) => {
      const { context, page } = await signedIn(browser, baseUrl, role);
      try {
        for (const [who, path, name, text] of visits) {
          if (who !== role) continue;
          await visit(page, `${baseUrl}${path}`, name, text, desktop);
          await visit(page, `${baseUrl}${path}`, name, text, phone);
        }
        const errors = consoleErrors(page);
        assert(errors.length === 0, `the browser reported errors:\n${errors.join('\n')}`);
      } finally {
        await context.close();
      }
    },
  ]);
}

tests.push([
  'the public pages: sign-in and the accessibility statement',
  async ({ browser, baseUrl }) => {
    const context = await browser.newContext({ viewport: desktop, locale: 'sv-SE' });
    const page = await context.newPage();
    watchConsole(page);
    try {
      await visit(page, `${baseUrl}/logga-in`, 'logga-in', 'Logga in', desktop);
      await visit(page, `${baseUrl}/logga-in`, 'logga-in', 'Logga in', phone);
      await visit(page, `${baseUrl}/tillganglighet`, 'tillganglighet', 'Tillgänglighetsredogörelse', desktop);
      await visit(page, `${baseUrl}/tillganglighet`, 'tillganglighet', 'Tillgänglighetsredogörelse', phone);
      // A page that needs a session sends the visitor to sign in, and back afterwards.
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/kalender`);
      await page.waitForURL(/\/logga-in\?tillbaka=%2Fkalender/);
      await page.getByLabel('Användarnamn').fill('kd');
      await page.getByLabel('Lösenord').fill('demo');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL(`${baseUrl}/kalender`);
      await settled(page);
    } finally {
      await context.close();
    }
  },
]);

tests.push([
  'a wrong password is announced and nobody is signed in',
  async ({ browser, baseUrl }) => {
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/logga-in`);
      await page.getByLabel('Användarnamn').fill('kd');
      await page.getByLabel('Lösenord').fill('fel');
      await page.getByRole('button', { name: 'Logga in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expectText(alert, 'Användarnamnet eller lösenordet stämmer inte.', 'the alert');
      assert((await page.getByLabel('Användarnamn').getAttribute('aria-invalid')) === 'true', 'the field is marked invalid');
      await checkAccessibility(page, 'sign-in with an error');
      await screenshot(page, 'logga-in-fel-1280');
      assert(page.url().endsWith('/logga-in'), 'still on the sign-in page');
    } finally {
      await context.close();
    }
  },
]);

tests.push([
  'keyboard only: skip link first, focus visible, the menu works at 360 px',
  async ({ browser, baseUrl }) => {
    const { context, page } = await signedIn(browser, baseUrl, 'kd', phone);
    try {
      await page.goto(`${baseUrl}/`);
      await settled(page);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert(first === 'Hoppa till innehållet', `the first Tab reaches the skip link, not "${first}"`);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert(outline !== 'none', 'the focused skip link shows a focus outline');
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert(focused === 'innehall', `Enter on the skip link moves focus to the content, not ${focused}`);
      // At 360 px the menu is behind a button; the keyboard opens it and follows a link.
      const menu = page.getByRole('button', { name: 'Meny' });
      await menu.focus();
      await page.keyboard.press('Enter');
      assert((await menu.getAttribute('aria-expanded')) === 'true', 'the menu button says it is open');
      await page.getByRole('link', { name: 'Kalender' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}/kalender`);
      await settled(page);
      const heading = await page.evaluate(() => document.activeElement?.tagName);
      assert(heading === 'H1', `after navigating, focus is on the page's heading, not ${heading}`);
      await screenshot(page, 'tangentbord-meny-360');
    } finally {
      await context.close();
    }
  },
]);

tests.push([
  'English is one click away and stays chosen',
  async ({ browser, baseUrl }) => {
    const { context, page } = await signedIn(browser, baseUrl, 'sektorschef');
    try {
      await settled(page);
      await page.getByRole('button', { name: 'In English' }).click();
      await expectText(page.locator('#innehall h1'), 'My assignments', 'the heading in English');
      assert((await page.evaluate(() => document.documentElement.lang)) === 'en', 'the page says it is in English');
      await page.reload();
      await settled(page);
      await expectText(page.locator('nav'), 'Steering chain', 'the menu after a reload');
      await checkAccessibility(page, 'my assignments in English');
      await screenshot(page, 'my-assignments-english-1280');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await expectText(page.locator('#innehall h1'), 'Mitt uppdrag', 'back in Swedish');
    } finally {
      await context.close();
    }
  },
]);

tests.push([
  'the unread notifications open from the start page and are marked read',
  async ({ browser, baseUrl }) => {
    const { context, page } = await signedIn(browser, baseUrl, 'enhetschef');
    try {
      await settled(page);
      await page.getByRole('link', { name: /olästa notiser/ }).click();
      await page.waitForURL(`${baseUrl}/notiser?olasta=1`);
      await settled(page);
      const cards = page.locator('ul.notifications > li');
      const before = await cards.count();
      assert(before > 0, 'the unit manager has unread notifications in the demo');
      await cards.first().getByRole('button', { name: 'Visa hela meddelandet' }).click();
      await checkAccessibility(page, 'notifications with a message open');
      await screenshot(page, 'notiser-olasta-1280');
      await cards.first().getByRole('button', { name: 'Markera som läst' }).click();
      await expectText(page.getByRole('status').first(), 'Markerad som läst.', 'the notice');
      assert((await cards.count()) === before - 1, 'the one read leaves the unread list');
      await page.goto(`${baseUrl}/`);
      await settled(page);
      await expectText(page.locator('.counts'), `${before - 1} olästa notiser`, 'the start page count');
    } finally {
      await context.close();
    }
  },
]);
