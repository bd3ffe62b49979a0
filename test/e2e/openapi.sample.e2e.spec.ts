import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createSampleApp } from '../../sample/bootstrap';
import { ADAPTERS, call } from '../support/http-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

describe.each(ADAPTERS)("the sample's API docs on %s", (adapter) => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await createSampleApp(adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('serves the OpenAPI 3.1 document at /docs-json with every sample API', async () => {
    const res = await call(url, 'GET', '/docs-json');
    expect(res.status).toBe(200);
    const doc: Json = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([, operation]) => String(operation.operationId).includes('__'))
        .map(([method, operation]) => `${method} ${path} ${operation.operationId}`),
    );
    expect(operations).toEqual([
      'post /v1/orders/create_order/ orders__create_order_v1',
      'get /v1/orders/get_order/{order_id}/ orders__get_order_v1',
      'get /v1/orders/{order_id}/ orders__get_order_v1_2',
      'get /v1/shop/get_profile/ shop__get_profile_v1',
      'post /v1/shop/create_order/ shop__create_order_v1',
      'post /v2/shop/create_order/ shop__create_order_v2',
      'get /v1/shop/get_my_orders/ shop__get_my_orders_v1',
      'post /v1/jobs/generate_inventory_report/ jobs__generate_inventory_report_v1',
      'post /v1/jobs/export_my_orders/ jobs__export_my_orders_v1',
      'post /v1/files/upload_avatar/ files__upload_avatar_v1',
      'post /v1/payments/charge/ payments__charge_v1',
    ]);
    const getOrder = doc.paths['/v1/orders/{order_id}/'].get;
    expect(
      getOrder.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
    ).toEqual(['path:order_id', 'query:include_items']);
    expect(doc.paths['/v1/shop/create_order/'].post.deprecated).toBe(true);
    expect(doc.paths['/v2/shop/create_order/'].post).not.toHaveProperty('deprecated');
    expect(doc.paths['/v1/shop/get_my_orders/'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer.description).toBe('demo-token-asha');
    const job = doc.paths['/v1/jobs/generate_inventory_report/'].post;
    expect(Object.keys(job.responses)).toEqual(expect.arrayContaining(['200', '503']));
    expect(job.responses['200'].content['application/json'].examples).toHaveProperty('QUEUED');
    expect(Object.keys(doc.paths).filter((path) => !path.startsWith('/v'))).toEqual([
      '/health',
      '/mindoff/queue/{queue_id}/',
      '/mindoff/queue/list/',
      '/mindoff/queue/{queue_id}/stream/',
      '/mindoff/queue/{queue_id}/stream-ticket/',
      '/mindoff/queue/{queue_id}/cancel/',
      '/mindoff/queue/{queue_id}/retry/',
    ]);
    const detail = doc.paths['/mindoff/queue/{queue_id}/'].get;
    expect(detail.tags).toEqual(['mindoff queue']);
    expect(Object.keys(detail.responses)).toEqual(['200', '404', '429', '503']);
    expect(Object.keys(detail.responses['200'].content['application/json'].examples)).toEqual([
      'QUEUE_TASK_PENDING',
      'QUEUE_TASK_RUNNING',
      'QUEUE_TASK_FAILED',
      'QUEUE_TASK_CANCELLED',
    ]);
    expect(
      doc.paths['/mindoff/queue/{queue_id}/stream/'].get.responses['200'].content,
    ).toHaveProperty('text/event-stream');
    expect(doc.paths['/mindoff/queue/{queue_id}/cancel/'].post.responses['400']).toBeDefined();
    for (const version of ['v1', 'v2']) {
      const order = doc.paths[`/${version}/shop/create_order/`].post;
      expect(order.responses['201'].content['application/json'].examples).toHaveProperty(
        'ORDER_CREATED',
      );
    }
  });

  it('serves Swagger UI at /docs with the files it loads', async () => {
    const page = await call(url, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui');
    const css = await call(url, 'GET', '/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const bundle = await call(url, 'GET', '/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });
});
