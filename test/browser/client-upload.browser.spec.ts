import type { Browser } from 'playwright-core';
import { buildClientEsm } from '../support/client-esm';
import { startSampleInChromium, type SampleInChromium } from '../support/sample-in-chromium';

/**
 * mindoff/client's ES module build, as the sample serves it, uploading a file from a page in real
 * headless Chromium: the browser's own File and FormData, the route table from the manifest.
 */
describe('an upload from a page in Chromium through mindoff/client', () => {
  let sample: SampleInChromium;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    buildClientEsm();
    sample = await startSampleInChromium('express', '');
    ({ url, browser } = sample);
  });
  afterAll(() => sample?.close());

  it('sends the payload and a File as multipart/form-data, and the app reads both', async () => {
    const page = await browser.newPage();
    const sent: (string | null)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(request.headers()['content-type'] ?? null);
    });
    await page.goto(`${url}/`);
    // The page's own script, as a string: it runs in the browser, importing the served module.
    const result = await page.evaluate(`(async () => {
      const { createMindoffClient } = await import('/mindoff-client/index.js');
      const client = createMindoffClient({ manifestPath: '/mindoff/apis/' });
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
      const avatar = new File([png], 'me.png', { type: 'image/png' });
      const answer = await client.call('files__upload_avatar', {
        version: 1,
        payload: { user_name: 'asha' },
        files: { avatar },
      });
      return { ok: answer.ok, code: answer.code, data: answer.data };
    })()`);
    expect(result).toEqual({
      ok: true,
      code: 'SUCCESS',
      data: { user_name: 'asha', file_name: 'me.png', content_type: 'image/png', size: 12 },
    });
    expect(sent).toEqual([expect.stringMatching(/^multipart\/form-data; boundary=/)]);
  });
});
