import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createSampleApp } from '../../sample/bootstrap';
import { ADAPTERS, call } from '../support/http-app';

describe.each(ADAPTERS)("the sample's /metrics with METRICS=prometheus on %s", (adapter) => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    process.env.METRICS = 'prometheus';
    app = await createSampleApp(adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.METRICS;
    await app.close();
  });

  it("serves mindoff's request counter and duration histogram in the Prometheus text format", async () => {
    expect((await call(url, 'GET', '/v1/shop/get_profile/')).status).toBe(200);
    const res = await call(url, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const labels =
      'http_request_method="GET",http_route="/v1/shop/get_profile",mindoff_api="shop__get_profile",mindoff_version="1",http_response_status_code="200",mindoff_code="SUCCESS",otel_scope_name="mindoff"';
    expect(res.text).toContain(`mindoff_requests_total{${labels}} 1`);
    expect(res.text).toContain(`mindoff_request_duration_count{${labels}} 1`);
  });

  it('is not in the API docs', async () => {
    const doc = (await call(url, 'GET', '/docs-json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});
