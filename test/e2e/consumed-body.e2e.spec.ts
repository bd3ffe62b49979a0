import type { INestApplication } from '@nestjs/common';
import { json } from 'express';
import { RoutingModule } from '../fixtures/routing.module';
import { call, startApp, type RunningApp } from '../support/http-app';
import { ownParser } from '../support/own-body-parser';
import { rawRequest } from '../support/raw-http';

const ORDER = { customer_id: 'c_42', items: [{ sku: 'tea', qty: 2 }] };

function chunked(server: RunningApp, path: string, body: string) {
  const { port } = new URL(server.url);
  return rawRequest(
    server.url,
    `POST ${path} HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n`,
    [`${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`],
  );
}

async function withParser(use: (app: INestApplication) => void): Promise<RunningApp> {
  return startApp(RoutingModule.with({ queue: false }), 'express', {
    setup: (app) => {
      app.setGlobalPrefix('api');
      use(app);
    },
  });
}

describe('a body read by another parser before mindoff (express)', () => {
  describe("the app's own parser, keeping only the parsed value", () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await withParser((app) => app.use(ownParser({ keepBytes: false, jsonOnly: true })));
    });
    afterAll(() => server.close());

    it('uses the parsed value when Content-Length proves the size', async () => {
      const res = await call(server.url, 'POST', '/api/v1/shop/create_order/', { json: ORDER });
      expect([res.status, res.body?.data]).toEqual([200, { customer_id: 'c_42', total_qty: 2 }]);
    });

    it('still refuses a declared size over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const big = { ...ORDER, pad: 'x'.repeat(20_000) };
      const res = await call(server.url, 'POST', '/api/v1/shop/create_order/', { json: big });
      expect([res.status, res.body?.message?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('refuses a chunked body it cannot measure with API_CONFIG_ERR naming the cause, never an empty payload', async () => {
      const res = await chunked(server, '/api/v1/shop/create_order/', JSON.stringify(ORDER));
      const envelope = JSON.parse(res.body);
      expect([res.status, envelope.message.code]).toEqual([500, 'API_CONFIG_ERR']);
      expect(envelope.data.reason).toMatch(/read by another parser before mindoff/);
      expect(envelope.data.reason).toMatch(/Content-Length/);
    });
  });

  describe("the app's own parser, keeping the raw bytes", () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await withParser((app) => app.use(ownParser({ keepBytes: true, jsonOnly: true })));
    });
    afterAll(() => server.close());

    it('measures and parses the kept bytes, chunked or not', async () => {
      const res = await chunked(server, '/api/v1/shop/create_order/', JSON.stringify(ORDER));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data).toEqual({ customer_id: 'c_42', total_qty: 2 });
    });

    it('refuses kept bytes over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const big = JSON.stringify({ ...ORDER, pad: 'x'.repeat(20_000) });
      const res = await chunked(server, '/api/v1/shop/create_order/', big);
      expect([res.status, JSON.parse(res.body).message.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });
  });

  describe("the app's own express.json() mounted on the prefix", () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await withParser((app) => app.use('/api', json({ limit: '5mb' })));
    });
    afterAll(() => server.close());

    it('is kept off mindoff routes too, though it sees the path without its mount', async () => {
      const res = await chunked(server, '/api/v1/shop/create_order/', JSON.stringify(ORDER));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data).toEqual({ customer_id: 'c_42', total_qty: 2 });
      const malformed = await call(server.url, 'POST', '/api/v1/shop/create_order/', {
        body: '{"customer_id":',
        headers: { 'content-type': 'application/json' },
      });
      expect([malformed.status, malformed.body?.message?.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
    });
  });

  describe("the app's own app.use(express.json())", () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await withParser((app) => app.use(json()));
    });
    afterAll(() => server.close());

    it('is kept off mindoff routes, so mindoff reads even a chunked body itself', async () => {
      const res = await chunked(server, '/api/v1/shop/create_order/', JSON.stringify(ORDER));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data).toEqual({ customer_id: 'c_42', total_qty: 2 });
    });

    it("still parses the app's own routes", async () => {
      const res = await call(server.url, 'POST', '/api/plain/echo', { json: { a: 1 } });
      expect([res.status, res.body]).toEqual([201, { body: { a: 1 } }]);
    });
  });
});
