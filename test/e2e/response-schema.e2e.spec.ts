import type { LoggerService } from '@nestjs/common';
import { ResponseSchemaModule } from '../fixtures/response-schema.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { codeOf, untilTask } from '../support/task-poll';

/** Keeps what the app logs at error level, to read the mismatch report. */
class ErrorLog implements LoggerService {
  readonly errors: string[] = [];
  error(message: unknown, ...rest: unknown[]) {
    this.errors.push([message, ...rest].map(String).join(' '));
  }
  log() {}
  warn() {}
  debug() {}
  verbose() {}
}

const SUCCESS_HEAD =
  '{"status":"ok","message":{"code":"SUCCESS","title":"Success",' +
  '"description":"Operation completed successfully.","category":"success"},"data":';

describe.each(ADAPTERS)('responseSchema on %s', (adapter) => {
  let server: RunningApp;
  const log = new ErrorLog();
  beforeAll(async () => {
    server = await startApp(ResponseSchemaModule, adapter, { options: { logger: log } });
  });
  afterAll(() => server.close());

  it('sends the declared keys only, in schema order, as application/json; charset=utf-8', async () => {
    const res = await call(server.url, 'GET', '/v1/shaped/order/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(
      SUCCESS_HEAD +
        '{"id":"ord_1","total":12.5,"status":"paid","lines":[{"sku":"tea","qty":2},' +
        '{"sku":"cup","qty":1}],"note":null,"customer":{"id":"c_1"}}}',
    );
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(res.text)));
  });

  it('sends data as JSON.stringify writes it when no responseSchema is declared', async () => {
    const res = await call(server.url, 'GET', '/v1/shaped/raw_order/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.text.startsWith(SUCCESS_HEAD)).toBe(true);
    expect(res.body.data.customer.email).toBe('private@example.com');
    expect(res.text).toBe(JSON.stringify(res.body));
  });

  it('sends the same header set with and without a responseSchema', async () => {
    const names = (headers: Headers) =>
      [...headers.keys()].filter((name) => !['date', 'content-length', 'etag'].includes(name));
    const shaped = await call(server.url, 'GET', '/v1/shaped/order/');
    const raw = await call(server.url, 'GET', '/v1/shaped/raw_order/');
    expect(names(shaped.headers)).toEqual(names(raw.headers));
    expect(shaped.headers.has('etag')).toBe(raw.headers.has('etag'));
  });

  it('answers data the schema does not describe with 500 UNEXPECTED_ERR, logging the class and the place', async () => {
    const res = await call(server.url, 'GET', '/v1/shaped/broken/');
    expect(res.status).toBe(500);
    expect(codeOf(res)).toBe('UNEXPECTED_ERR');
    expect(res.body.data).toEqual([]);
    expect(res.text).not.toContain('qty');
    const report = log.errors.find((line) => line.includes('BrokenDataV1'));
    expect(report).toContain(
      'BrokenDataV1: run() returned data that does not match its responseSchema (answered UNEXPECTED_ERR): data.qty: expected integer, got string',
    );
    expect(report).toContain(res.headers.get('x-request-id'));
  });

  it('writes hostile keys as JSON and keeps an own __proto__ key as data', async () => {
    const res = await call(server.url, 'GET', '/v1/shaped/hostile/');
    expect(res.status).toBe(200);
    const data = JSON.parse(res.text.slice(SUCCESS_HEAD.length, -1)) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['</script>"\u2028\\', '__proto__', 'tags']);
    expect(data['</script>"\u2028\\']).toBe('</script>"\u2028\\');
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('own');
    expect(data.tags).toEqual({ '"a"': 1 });
  });

  it("sends a Standard Schema's output: unknown keys dropped, defaults applied", async () => {
    const res = await call(server.url, 'GET', '/v1/shaped/zod/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(`${SUCCESS_HEAD}{"id":"z_1","shown":true}}`);
  });

  it('sends MindoffResponse.json() data as given: the schema describes SUCCESS data', async () => {
    const res = await call(server.url, 'POST', '/v1/shaped/created/', { json: { a: 1 } });
    expect(codeOf(res)).toBe('CREATED');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.data).toEqual({ id: 'o_9', echo: { a: 1 } });
  });

  it("stores a queued task's result written by its responseSchema", async () => {
    const ack = await call(server.url, 'POST', '/v1/shaped/report/', { json: {} });
    expect(codeOf(ack)).toBe('QUEUED');
    const done = await untilTask(server, ack.body.data.queue_id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ rows: 3 });
  });
});

describe("express's json settings", () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(ResponseSchemaModule, 'express', {
      setup: (app) => {
        const express = app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void };
        express.set('json spaces', 2);
      },
    });
  });
  afterAll(() => server.close());

  it('are still applied to envelopes when the app sets them, responseSchema or not', async () => {
    for (const path of ['/v1/shaped/order/', '/v1/shaped/raw_order/']) {
      const res = await call(server.url, 'GET', path);
      expect(res.text).toBe(JSON.stringify(res.body, null, 2));
    }
    const shaped = await call(server.url, 'GET', '/v1/shaped/order/');
    expect(shaped.body.data.customer).toEqual({ id: 'c_1' });
  });
});
