import { chromium, type Browser } from 'playwright-core';
import { AppModule } from '../../sample/app.module';
import { startApp, type RunningApp } from '../support/http-app';

/** The sample's home page in real headless Chromium: a report started and followed live to the end. */
describe('the sample progress page in Chromium', () => {
  let server: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApp(AppModule, 'express');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts a report, follows it over EventSource to 100 % and shows the summary', async () => {
    const page = await browser.newPage();
    const percents: number[] = [];
    await page.exposeFunction('recordPercent', (p: number) => percents.push(p));
    await page.goto(`${server.url}/`);
    // Records every value the page shows (the page's own DOM, so as a script string).
    await page.evaluate(`
      const target = document.getElementById('percent');
      new MutationObserver(() => window.recordPercent(Number(target.textContent)))
        .observe(target, { childList: true, characterData: true, subtree: true });
    `);
    await page.click('#start');
    await page.waitForSelector('#summary:not([hidden])', { timeout: 20_000 });

    expect(await page.textContent('#status')).toBe('completed');
    expect(await page.getAttribute('#bar', 'aria-valuenow')).toBe('100');
    const summary = JSON.parse((await page.textContent('#summary'))!) as Record<string, unknown>;
    expect(summary).toEqual({
      report_name: 'Weekly stock',
      status: 'completed',
      summary: { total_products: 5, total_stock: 87, average_price: 17.63 },
    });
    expect(percents).toEqual(expect.arrayContaining([20, 70, 90, 100]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });
});
