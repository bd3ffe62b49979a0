import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { createSampleApp } from '../../sample/bootstrap';
import { launchChromium } from '../support/chromium';
import { ADAPTERS } from '../support/http-app';

/** The sample's Swagger UI in real headless Chromium. */
describe.each(ADAPTERS)("the sample's /docs page in Chromium, on %s", (adapter) => {
  let app: INestApplication;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    app = await createSampleApp(adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

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
