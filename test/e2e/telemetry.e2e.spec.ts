import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { MindoffQueue } from '../../lib/queue/mindoff-queue.service';
import { telemetryLab } from '../fixtures/telemetry.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { startOtel, type OtelHarness } from '../support/otel-harness';

const greet = {
  'http.request.method': 'POST',
  'http.route': '/v1/tel/greet',
  'mindoff.api': 'tel__greet',
  'mindoff.version': 1,
};

describe.each(ADAPTERS)('metrics and traces with an OpenTelemetry SDK on %s', (adapter) => {
  let otel: OtelHarness;
  let server: RunningApp;
  beforeAll(async () => {
    otel = startOtel();
    server = await startApp(telemetryLab(), adapter);
  });
  afterAll(async () => {
    await server.close();
    await otel.stop();
  });
  beforeEach(() => otel.reset());

  /** The data point of `name` whose attributes are exactly `attributes`. */
  async function point(name: string, attributes: Record<string, unknown>) {
    await otel.collect();
    return otel.points(name).find((p) => isEqual(p.attributes, attributes));
  }

  it('records a span per request named after the route, with the pipeline steps as events', async () => {
    const res = await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'ada' } });
    expect(res.status).toBe(200);
    const [span] = otel.spans();
    expect(span.name).toBe('POST /v1/tel/greet');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.attributes).toEqual({
      ...greet,
      'http.response.status_code': 200,
      'mindoff.code': 'SUCCESS',
      'mindoff.request_id': res.headers.get('x-request-id'),
    });
    expect(span.events.map((e) => e.name)).toEqual([
      'auth',
      'permissions',
      'method',
      'rate_limit',
      'payload',
      'run',
    ]);
    // run() ran with the request span active, so its own spans are children of it.
    expect(res.body.data.activeSpanId).toBe(span.spanContext().spanId);
  });

  it('counts requests by code and HTTP status and measures their duration in seconds', async () => {
    const before =
      (
        await point('mindoff.requests', {
          ...greet,
          'http.response.status_code': 200,
          'mindoff.code': 'SUCCESS',
        })
      )?.value ?? 0;
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'a' } });
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'b' } });
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 3 } });
    const ok = { ...greet, 'http.response.status_code': 200, 'mindoff.code': 'SUCCESS' };
    expect((await point('mindoff.requests', ok))?.value).toBe((before as number) + 2);
    const invalid = {
      ...greet,
      'http.response.status_code': 400,
      'mindoff.code': 'INVALID_PAYLOAD',
    };
    expect((await point('mindoff.requests', invalid))?.value).toBeGreaterThanOrEqual(1);
    const duration = await point('mindoff.request.duration', ok);
    const histogram = duration?.value as Histogram;
    expect(histogram.count).toBe((before as number) + 2);
    expect(histogram.sum).toBeGreaterThan(0);
    await otel.collect();
    expect(otel.points('mindoff.request.duration').length).toBeGreaterThan(0);
  });

  it('records a refusal of the guard with its code, and a 5xx span as an error', async () => {
    await call(server.url, 'GET', '/v1/tel/greet/');
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'boom' } });
    const [wrongMethod, crash] = otel.spans();
    expect(wrongMethod.attributes['mindoff.code']).toBe('INVALID_METHOD');
    expect(wrongMethod.attributes['http.response.status_code']).toBe(405);
    expect(wrongMethod.status.code).toBe(SpanStatusCode.UNSET);
    expect(wrongMethod.events.map((e) => e.name)).toEqual(['auth', 'permissions']);
    expect(crash.attributes['mindoff.code']).toBe('UNEXPECTED_ERR');
    expect(crash.attributes['http.response.status_code']).toBe(500);
    expect(crash.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('records a text answer with its status and no code', async () => {
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'text' } });
    const [span] = otel.spans();
    expect(span.attributes['http.response.status_code']).toBe(200);
    expect(span.attributes).not.toHaveProperty('mindoff.code');
  });

  it('counts rate-limited requests', async () => {
    const limited = {
      'http.request.method': 'GET',
      'http.route': '/v1/tel/limited',
      'mindoff.api': 'tel__limited',
      'mindoff.version': 1,
    };
    const before = ((await point('mindoff.rate_limited', limited))?.value as number) ?? 0;
    await call(server.url, 'GET', '/v1/tel/limited/');
    const res = await call(server.url, 'GET', '/v1/tel/limited/');
    expect(res.status).toBe(429);
    expect((await point('mindoff.rate_limited', limited))?.value).toBe(before + 1);
  });

  it.each([
    ['size', { json: { name: 'x'.repeat(1_000) } }],
    ['depth', { json: { name: 'a', tags: [{ label: { deep: { deeper: 1 } } }] } }],
    ['schema', { json: { name: 5 } }],
    ['malformed', { body: '{"name":', headers: { 'content-type': 'application/json' } }],
    ['media_type', { body: 'name=a', headers: { 'content-type': 'text/plain' } }],
  ])('counts a payload refused for its %s', async (reason, request) => {
    const rejected = { ...greet, 'mindoff.reason': reason };
    const before = ((await point('mindoff.payload.rejected', rejected))?.value as number) ?? 0;
    const res = await call(server.url, 'POST', '/v1/tel/greet/', request);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await point('mindoff.payload.rejected', rejected))?.value).toBe(before + 1);
  });

  it('does not count a code run() answers as a payload refusal', async () => {
    await otel.collect();
    const total = () =>
      otel.points('mindoff.payload.rejected').reduce((sum, p) => sum + (p.value as number), 0);
    const before = total();
    await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'boom' } });
    await otel.collect();
    expect(total()).toBe(before);
  });

  it('runs a task in its own span, linked to the request that enqueued it, and measures it', async () => {
    const res = await call(server.url, 'POST', '/v1/tel/job/', { json: { name: 'first' } });
    expect(res.status).toBe(200);
    const task = await server.app.get(MindoffQueue).waitForTask(res.body.data.queue_id);
    expect(task?.status).toBe('completed');
    const request = otel.spans().find((s) => s.kind === SpanKind.SERVER);
    const run = otel.spans().find((s) => s.kind === SpanKind.CONSUMER);
    expect(request?.events.map((e) => e.name)).toContain('enqueue');
    expect(request?.attributes['mindoff.code']).toBe('QUEUED');
    expect(run?.name).toBe('process tel__job v1');
    expect(run?.attributes).toEqual({
      'mindoff.api': 'tel__job',
      'mindoff.version': 1,
      'mindoff.task.id': res.body.data.queue_id,
      'mindoff.task.state': 'completed',
      'mindoff.request_id': res.headers.get('x-request-id'),
    });
    expect(run?.links.map((l) => l.context.spanId)).toEqual([request?.spanContext().spanId]);
    expect(run?.links[0].context.traceId).toBe(request?.spanContext().traceId);
    expect((task?.response?.body as { data: { activeSpanId: string } }).data.activeSpanId).toBe(
      run?.spanContext().spanId,
    );
    const job = { 'mindoff.api': 'tel__job', 'mindoff.version': 1 };
    expect((await point('mindoff.task.wait', job))?.value).toMatchObject({
      count: expect.any(Number),
    });
    const completed = { ...job, 'mindoff.task.state': 'completed' };
    expect(
      ((await point('mindoff.tasks', completed))?.value as number) ?? 0,
    ).toBeGreaterThanOrEqual(1);
    expect(
      ((await point('mindoff.task.run', completed))?.value as Histogram).count,
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts a failed task by its final state and code, its span an error', async () => {
    const job = { 'mindoff.api': 'tel__job', 'mindoff.version': 1 };
    const failed = { ...job, 'mindoff.task.state': 'failed', 'mindoff.code': 'UNEXPECTED_ERR' };
    const before = ((await point('mindoff.tasks', failed))?.value as number) ?? 0;
    const res = await call(server.url, 'POST', '/v1/tel/job/', { json: { name: 'fail' } });
    const task = await server.app.get(MindoffQueue).waitForTask(res.body.data.queue_id);
    expect(task?.status).toBe('failed');
    expect((await point('mindoff.tasks', failed))?.value).toBe(before + 1);
    const run = otel.spans().find((s) => s.kind === SpanKind.CONSUMER);
    expect(run?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('reports the queue depth as an observable gauge by state', async () => {
    await otel.collect();
    const depth = otel.points('mindoff.queue.depth');
    expect(depth.map((p) => p.attributes)).toEqual([
      { 'mindoff.task.state': 'waiting' },
      { 'mindoff.task.state': 'active' },
    ]);
    expect(depth.map((p) => p.value)).toEqual([0, 0]);
  });
});

describe('mindoff.queue.depth', () => {
  let otel: OtelHarness;
  let server: RunningApp;
  beforeAll(async () => {
    otel = startOtel();
    server = await startApp(telemetryLab({ queue: { worker: false } }), 'express');
  });
  afterAll(async () => {
    await server.close();
    await otel.stop();
  });

  it('reports the tasks waiting for a worker', async () => {
    for (const name of ['a', 'b']) {
      expect((await call(server.url, 'POST', '/v1/tel/job/', { json: { name } })).status).toBe(200);
    }
    await otel.collect();
    const waiting = otel
      .points('mindoff.queue.depth')
      .find((p) => p.attributes['mindoff.task.state'] === 'waiting');
    expect(waiting?.value).toBe(2);
  });

  it('counts a task cancelled before any worker took it as cancelled', async () => {
    const cancelled = {
      'mindoff.api': 'tel__job',
      'mindoff.version': 1,
      'mindoff.task.state': 'cancelled',
    };
    await otel.collect();
    const before =
      (otel.points('mindoff.tasks').find((p) => isEqual(p.attributes, cancelled))
        ?.value as number) ?? 0;
    const res = await call(server.url, 'POST', '/v1/tel/job/', { json: { name: 'c' } });
    const cancel = await call(
      server.url,
      'POST',
      `/mindoff/queue/${res.body.data.queue_id}/cancel/`,
    );
    expect(cancel.body.data.job_status).toBe('cancelled');
    await otel.collect();
    const after = otel.points('mindoff.tasks').find((p) => isEqual(p.attributes, cancelled))?.value;
    expect(after).toBe(before + 1);
  });
});

describe.each(ADAPTERS)('http.route under a global prefix on %s', (adapter) => {
  let otel: OtelHarness;
  let server: RunningApp;
  beforeAll(async () => {
    otel = startOtel();
    server = await startApp(telemetryLab(), adapter, {
      setup: (app) => void app.setGlobalPrefix('api'),
    });
  });
  afterAll(async () => {
    await server.close();
    await otel.stop();
  });

  it('is the route the client called, prefix included', async () => {
    const res = await call(server.url, 'POST', '/api/v1/tel/greet/', { json: { name: 'ada' } });
    expect(res.status).toBe(200);
    const [span] = otel.spans();
    expect(span.name).toBe('POST /api/v1/tel/greet');
    expect(span.attributes['http.route']).toBe('/api/v1/tel/greet');
    await otel.collect();
    const routes = otel.points('mindoff.requests').map((p) => p.attributes['http.route']);
    expect(routes).toContain('/api/v1/tel/greet');
  });
});

describe('metrics and traces without an OpenTelemetry SDK', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(telemetryLab(), 'express');
  });
  afterAll(() => server.close());

  it('answers as usual, runs run() outside any span and stores no trace context with a task', async () => {
    const res = await call(server.url, 'POST', '/v1/tel/greet/', { json: { name: 'ada' } });
    expect(res.body.data).toEqual({ hello: 'ada', activeSpanId: null });
    const queued = await call(server.url, 'POST', '/v1/tel/job/', { json: { name: 'plain' } });
    const task = await server.app.get(MindoffQueue).waitForTask(queued.body.data.queue_id);
    expect(task?.status).toBe('completed');
    expect(task?.request).not.toHaveProperty('traceContext');
  });
});

function isEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
