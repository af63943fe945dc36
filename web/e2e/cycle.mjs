// The full cycle across roles, through the screens as each person uses them: the chief
// executive issues an assignment to a sector; the sector head acknowledges it with a plan and
// issues one to a unit; the unit manager reports back; the sector head approves; an employee
// reports a gravity 3 deviation that reaches the chief executive's inbox, who acknowledges it.
// One test: each step builds on the one before. axe runs at every new state.
import { assert, checkAccessibility, consoleErrors, expectText, screenshot, settled, signedIn } from './harness.mjs';

const title = 'Inför digitala närvarorapporter i alla skolor';
const unitTitle = 'Digitala närvarorapporter på Aspenäs';
const deviationTitle = 'Brandlarmet utlöstes under nationella proven';

async function as(browser, baseUrl, username, work) {
  const { context, page } = await signedIn(browser, baseUrl, username);
  try {
    await settled(page);
    await work(page);
    const errors = consoleErrors(page);
    assert(errors.length === 0, `the browser reported errors for ${username}:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

async function step(page, name) {
  await settled(page);
  await checkAccessibility(page, name);
  await screenshot(page, `kedjan-${name}`);
}

export const tests = [
  [
    'an assignment goes down the chain, is reported on and approved; a deviation reaches the chief executive',
    async ({ browser, baseUrl }) => {
      let sectorItem = '';
      let unitItem = '';

      await as(browser, baseUrl, 'kd', async (page) => {
        await page.goto(`${baseUrl}/uppdrag/VP25-U01`);
        await settled(page);
        await page.getByRole('link', { name: 'Utfärda ett uppdrag utifrån detta' }).click();
        await settled(page);
        await page.getByLabel('Mottagare').selectOption('SEK-LAR');
        await page.getByLabel('Rubrik').fill(title);
        await page.getByLabel('Beskrivning').fill('Alla skolor ska rapportera närvaro digitalt från höstterminen 2026.');
        await step(page, '1-kd-utfardar');
        await page.getByRole('button', { name: 'Utfärda uppdraget' }).click();
        await page.waitForURL(/utfardat=1/);
        sectorItem = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
        await step(page, '2-kd-utfardat');
        await expectText(page.locator('#innehall'), 'Utfärdat, ej kvitterat', 'the new item as issued');
      });

      await as(browser, baseUrl, 'sektorschef', async (page) => {
        // First on the start page: it needs acknowledging.
        const first = page.locator('#mottaget tbody tr').first();
        await expectText(first, title, "the sector head's first received item");
        await expectText(first, 'Utfärdat, ej kvitterat', 'its state');
        await step(page, '3-sektorschef-mitt-uppdrag');
        await first.getByRole('link', { name: title }).click();
        await settled(page);
        await page.getByLabel('Plan – hur uppdraget ska genomföras').fill('Pilot i tre skolor under våren, sedan alla skolor till hösten.');
        await page.getByRole('button', { name: 'Kvittera uppdraget' }).click();
        await expectText(page.locator('#innehall'), 'Kvitterat', 'the item once acknowledged');
        await step(page, '4-sektorschef-kvitterat');
        await page.getByRole('link', { name: 'Utfärda ett uppdrag utifrån detta' }).click();
        await settled(page);
        await page.getByLabel('Mottagare').selectOption('LAR-E01');
        await page.getByLabel('Rubrik').fill(unitTitle);
        await page.getByRole('button', { name: 'Utfärda uppdraget' }).click();
        await page.waitForURL(/utfardat=1/);
        unitItem = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
        await step(page, '5-sektorschef-utfardat');
      });
      assert(sectorItem && unitItem && sectorItem !== unitItem, `two new items (${sectorItem}, ${unitItem})`);

      await as(browser, baseUrl, 'enhetschef', async (page) => {
        await expectText(page.locator('#mottaget'), unitTitle, "the unit manager's received items");
        await page.goto(`${baseUrl}/uppfoljning`);
        await settled(page);
        await page.getByRole('link', { name: 'Grundskola Aspenäs, Årsredovisning 2025' }).first().click();
        await settled(page);
        const items = page.getByRole('group').filter({ has: page.getByRole('heading', { level: 3 }) });
        const count = await items.count();
        assert(count > 0, 'the report-back lists the items to assess');
        for (let i = 0; i < count; i++) {
          await items.nth(i).getByLabel('Uppfyllt', { exact: true }).check();
          await items.nth(i).getByLabel('Oförändrat').check();
        }
        for (const topic of ['Ekonomi', 'Verksamhet', 'Mål och kvalitet', 'Personal', 'Intern kontroll']) {
          await page.getByLabel(topic).fill(`${topic}: enligt plan under året.`);
        }
        await step(page, '6-enhetschef-skriver');
        await page.getByRole('button', { name: 'Skicka in' }).click();
        await expectText(page.locator('#rb-notice'), 'Återrapporteringen är inskickad till Lärande.', 'the notice');
        await step(page, '7-enhetschef-inskickad');
      });

      await as(browser, baseUrl, 'sektorschef', async (page) => {
        await expectText(page.locator('#godkanna'), 'Grundskola Aspenäs', 'what waits for approval');
        await page.goto(`${baseUrl}/uppfoljning`);
        await settled(page);
        await page.getByRole('link', { name: 'Grundskola Aspenäs, Årsredovisning 2025' }).first().click();
        await settled(page);
        await page.getByRole('button', { name: 'Godkänn' }).click();
        await expectText(page.locator('#innehall'), 'Återrapporteringen är godkänd.', 'the decision');
        await step(page, '8-sektorschef-godkant');
      });

      let deviation = '';
      await as(browser, baseUrl, 'medarbetare', async (page) => {
        await page.goto(`${baseUrl}/avvikelser`);
        await settled(page);
        await page.getByRole('link', { name: 'Rapportera en avvikelse' }).click();
        await settled(page);
        await page.getByLabel('Kategori').selectOption({ label: 'Verksamhet' });
        await page.getByLabel('3 – allvarlig').check();
        await page.getByLabel('Rubrik').fill(deviationTitle);
        await page.getByLabel('Vad hände?').fill('Skolan utrymdes mitt under provet; 120 elever fick avbryta.');
        await step(page, '9-medarbetare-rapporterar');
        await page.getByRole('button', { name: 'Rapportera avvikelsen' }).click();
        await page.waitForURL(/\/avvikelser\/AVV-\d{4}-\d{4}\?rapporterad=1/);
        deviation = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
        await step(page, '10-medarbetare-rapporterad');
      });

      await as(browser, baseUrl, 'kd', async (page) => {
        await expectText(page.locator('#avvikelser'), deviation, "the chief executive's start page");
        await page.goto(`${baseUrl}/avvikelser`);
        await settled(page);
        await expectText(page.locator('#innehall'), 'Väntar på mig', 'the inbox tab');
        await page.getByRole('link', { name: deviationTitle }).click();
        await settled(page);
        await page.getByRole('button', { name: 'Jag känner till' }).click();
        await expectText(page.locator('#innehall'), 'Du har kvitterat att du känner till avvikelsen.', 'the acknowledgement');
        await step(page, '11-kd-kvitterar-avvikelse');
        await page.goto(`${baseUrl}/`);
        await settled(page);
        await expectText(page.locator('#avvikelser'), 'Inga avvikelser väntar på din kvittens.', 'the inbox afterwards');
      });
    },
  ],
];
