import type { Browser } from 'playwright-core';
import { ADAPTERS } from '../support/http-app';
import { startSampleInChromium, type SampleInChromium } from '../support/sample-in-chromium';

/** The sample's Swagger UI in real headless Chromium. */
describe.each(ADAPTERS)("the sample's /docs page in Chromium, on %s", (adapter) => {
  let sample: SampleInChromium;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    sample = await startSampleInChromium(adapter);
    ({ url, browser } = sample);
  });
  afterAll(() => sample?.close());

  it('shows the create_order operation, and its responses and rate limit when opened', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/docs`);
    const operation = page
      .locator('.opblock-post')
      .filter({ has: page.locator('[data-path="/v1/orders/create_order/"]') });
    await operation.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await operation.locator('.opblock-summary-description').textContent()).toBe(
      'Create Order',
    );

    await operation.locator('.opblock-summary-control').click();
    const responses = operation.locator('.responses-table .response-col_status');
    await responses.first().waitFor({ state: 'visible' });
    expect((await responses.allTextContents()).map((s) => s.trim())).toEqual(
      expect.arrayContaining(['200', '400', '405', '413', '415', '429', '500']),
    );
    const extension = operation.locator('tr', { hasText: 'x-ratelimit' });
    await extension.waitFor({ state: 'visible' });
    expect(await extension.textContent()).toContain('30/m');
  });
});
