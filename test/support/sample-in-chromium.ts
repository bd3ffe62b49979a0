import type { Browser } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { createSampleApp } from '../../sample/bootstrap';
import type { AdapterName } from './http-app';
import { launchChromium } from './chromium';

/** The sample app listening on a spare port, and a headless Chromium to open its pages. */
export interface SampleInChromium {
  url: string;
  browser: Browser;
  /** Closes the browser, then the app. */
  close(): Promise<void>;
}

/**
 * Starts the sample on `adapter` (its APIs under `prefix`) and launches Chromium.
 *
 * @example
 * const sample = await startSampleInChromium('express');
 * const page = await sample.browser.newPage();
 * await page.goto(`${sample.url}/docs`);
 * await sample.close();
 */
export async function startSampleInChromium(
  adapter: AdapterName,
  prefix?: string,
): Promise<SampleInChromium> {
  const app = await createSampleApp(adapter, { logger: false }, prefix);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}
