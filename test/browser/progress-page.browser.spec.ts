import type { Browser } from 'playwright-core';
import { buildClientEsm } from '../support/client-esm';
import { startSampleInChromium, type SampleInChromium } from '../support/sample-in-chromium';

/**
 * The sample's home page in real headless Chromium: a report started and followed live to the
 * end through mindoff/client (its ES module build, as the sample serves it).
 */
describe.each([
  ['at the root', ''],
  ["under the global prefix 'api'", 'api'],
])('the sample progress page in Chromium, APIs served %s', (_where, prefix) => {
  let server: SampleInChromium;
  let browser: Browser;

  beforeAll(async () => {
    buildClientEsm();
    server = await startSampleInChromium('express', prefix);
    ({ browser } = server);
  });
  afterAll(() => server?.close());

  it('starts a report, follows its status stream to 100 % and shows the summary', async () => {
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
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
    });
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
    const base = prefix ? `/${prefix}` : '';
    expect(posted[0]).toBe(`${base}/v1/jobs/generate_inventory_report/`);
    expect(posted[1]).toMatch(new RegExp(`^${base}/mindoff/queue/[^/]+/stream-ticket/$`));
  });

  it('re-attaches to the running report after a reload and follows it to the end', async () => {
    const page = await browser.newPage();
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/`);
    await page.click('#start');
    await page.waitForFunction("Number(document.getElementById('percent').textContent) >= 20");
    await page.reload();
    await page.waitForSelector('#summary:not([hidden])', { timeout: 20_000 });

    expect(await page.textContent('#status')).toBe('completed');
    expect(JSON.parse((await page.textContent('#summary'))!)).toMatchObject({
      report_name: 'Weekly stock',
      status: 'completed',
    });
    const base = prefix ? `/${prefix}` : '';
    const reports = posted.filter((path) => path === `${base}/v1/jobs/generate_inventory_report/`);
    const tickets = posted.filter((path) => path.endsWith('/stream-ticket/'));
    expect(reports).toHaveLength(1);
    expect(tickets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tickets.map((path) => path.split('/').at(-3))).size).toBe(1);
  });
});
