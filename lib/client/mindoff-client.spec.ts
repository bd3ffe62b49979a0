import type { ApiContext } from '../interfaces/api-context.type';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import type { MindoffContext } from '../interfaces/mindoff-context.interface';
import { MindoffResponse } from '../responses';
import { Int, Optional } from '../validation';
import type { MindoffVersionMap } from '../versioning/mindoff-versions';
import {
  envelopeAnswer,
  eventStreamAnswer,
  fakeFetch,
  stateEvent,
  type FetchCall,
} from '../../test/support/fake-fetch';
import { assertType, type Equal } from '../../test/support/type-equal';
import {
  createMindoffClient,
  MindoffCallRefused,
  MindoffClientError,
  type CallResult,
  type MindoffApisOf,
  type MindoffRouteTable,
  type TaskHandle,
} from './index';

// Type-level checks: `npx tsc -p tsconfig.json --noEmit` fails if any of these is wrong; the same
// calls run below against a fake server. (The API classes and maps are exported only so that the
// linter sees them used: they exist for their types.)

export const getOrder = {
  urlName: 'orders__get_order',
  name: 'Get Order',
  method: 'GET',
  params: { order_id: Int },
  query: { include_items: Optional(Boolean) },
} satisfies MindoffApiOptions;

export class GetOrderV1Api {
  async run({ params }: ApiContext<typeof getOrder>) {
    return {
      order_id: params.order_id,
      placed_at: new Date(0),
      note: undefined as string | undefined,
    };
  }
}
export class CreateOrderV1Api {
  async run({
    payload,
  }: MindoffContext<{ customer_id: string; items: { sku: string; qty: number }[] }>) {
    return { order_id: 'ord_1', total_qty: payload.items.length };
  }
}
export class CreateOrderV2Api {
  async run({ payload }: MindoffContext<{ customer_id: string; note?: string }>) {
    if (payload.customer_id === '') return MindoffResponse.json({ code: 'VALIDATION_ERR' });
    return { order_id: 'ord_2', note: payload.note ?? null };
  }
}
export class ShopCreateOrderV1Api {
  async run() {
    return MindoffResponse.json({ code: 'ORDER_CREATED', data: { order_id: 'ord_3' } });
  }
}
export class GetProfileV1Api {
  run() {
    return { name: 'Asha' };
  }
}
export class PingV1Api {
  async run(): Promise<void> {}
}
export class ReportV1Api {
  async run({ payload }: MindoffContext<{ report_name: string }>) {
    return { report_name: payload.report_name, rows: 3 };
  }
}

export declare const GetOrderVersions: MindoffVersionMap<{ 1: typeof GetOrderV1Api }>;
export declare const CreateOrderVersions: MindoffVersionMap<{
  1: typeof CreateOrderV1Api;
  2: typeof CreateOrderV2Api;
}>;
export declare const ShopCreateOrderVersions: MindoffVersionMap<{ 1: typeof ShopCreateOrderV1Api }>;
export declare const GetProfileVersions: MindoffVersionMap<{ 1: typeof GetProfileV1Api }>;
export declare const PingVersions: MindoffVersionMap<{ 1: typeof PingV1Api }>;
export declare const ReportVersions: MindoffVersionMap<{ 1: typeof ReportV1Api }>;

type Apis = MindoffApisOf<{
  orders__get_order: typeof GetOrderVersions;
  orders__create_order: typeof CreateOrderVersions;
  shop__create_order: typeof ShopCreateOrderVersions;
  shop__get_profile: typeof GetProfileVersions;
  ping: typeof PingVersions;
  jobs__report: typeof ReportVersions;
}>;

// What each version takes and answers, as inferred from its class.
assertType<
  Equal<
    keyof Apis,
    | 'orders__get_order'
    | 'orders__create_order'
    | 'shop__create_order'
    | 'shop__get_profile'
    | 'ping'
    | 'jobs__report'
  >
>(true);
assertType<Equal<keyof Apis['orders__create_order'], 1 | 2>>(true);
assertType<Equal<Apis['orders__get_order'][1]['params'], { order_id: number }>>(true);
assertType<
  Equal<
    Apis['orders__get_order'][1]['data'],
    { order_id: number; placed_at: string; note: string | undefined }
  >
>(true);
assertType<
  Equal<Apis['orders__create_order'][2]['data'], { order_id: string; note: string | null }>
>(true);
assertType<Equal<Apis['shop__create_order'][1]['data'], unknown>>(true);
assertType<Equal<Apis['shop__get_profile'][1]['payload'], unknown>>(true);
assertType<Equal<Apis['shop__get_profile'][1]['data'], { name: string }>>(true);
assertType<Equal<Apis['ping'][1]['data'], []>>(true);

const ROUTES: MindoffRouteTable = {
  orders__get_order: {
    '1': {
      method: 'GET',
      paths: ['/api/v1/orders/get_order/:order_id/', '/api/v1/orders/:order_id/'],
      queued: false,
    },
  },
  orders__create_order: {
    '1': { method: 'POST', paths: ['/api/v1/orders/create_order/'], queued: false },
    '2': { method: 'POST', paths: ['/api/v2/orders/create_order/'], queued: false },
  },
  shop__get_profile: {
    '1': { method: 'GET', paths: ['/api/v1/shop/get_profile/'], queued: false },
  },
  jobs__report: { '1': { method: 'POST', paths: ['/api/v1/jobs/report/'], queued: true } },
};

/** The typed calls that must compile, and those that must not (each `@ts-expect-error`). */
async function typedCalls(client: ReturnType<typeof createMindoffClient<Apis>>) {
  const order = await client.call('orders__get_order', {
    version: 1,
    params: { order_id: 42 },
    query: { include_items: true },
  });
  if (order.ok) {
    assertType<Equal<typeof order.data.order_id, number>>(true);
    // @ts-expect-error data has no field 'total'
    void order.data.total;
  } else {
    assertType<Equal<typeof order.data, unknown>>(true);
    switch (order.code) {
      case 'NOT_AUTHENTICATED':
      case 'INVALID_PAYLOAD':
        break;
    }
  }
  const created = await client.call('orders__create_order', {
    version: 2,
    payload: { customer_id: 'c1' },
  });
  if (created.ok) assertType<Equal<typeof created.data.note, string | null>>(true);
  await client.call('orders__create_order', {
    version: 1,
    // @ts-expect-error 'item' is not a field of version 1's payload
    payload: { customer_id: 'c1', item: [] },
  });
  // @ts-expect-error version 1 requires items
  await client.call('orders__create_order', { version: 1, payload: { customer_id: 'c1' } });
  // @ts-expect-error orders__create_order has no version 3
  await client.call('orders__create_order', { version: 3, payload: { customer_id: 'c1' } });
  // @ts-expect-error the order_id parameter is missing
  await client.call('orders__get_order', { version: 1, params: {} });
  // @ts-expect-error order_id is an Int
  await client.call('orders__get_order', { version: 1, params: { order_id: 'x' } });
  // @ts-expect-error no such API
  await client.call('orders__nope', { version: 1 });
  // @ts-expect-error a payload is required
  await client.call('orders__create_order', { version: 1 });
  await client.call('shop__get_profile', { version: 1 });
  const task = await client.enqueue('jobs__report', { version: 1, payload: { report_name: 'w' } });
  assertType<Equal<typeof task, TaskHandle<{ report_name: string; rows: number }>>>(true);
  const outcome = await task.result();
  if (outcome.ok) assertType<Equal<typeof outcome.data.rows, number>>(true);
  const again = client.task(task.id, { urlName: 'jobs__report', version: 1 });
  assertType<Equal<typeof again, typeof task>>(true);
  void again;
  assertType<Equal<ReturnType<typeof client.task<'jobs__report', 1>>, typeof task>>(true);
  // Re-attached without naming its API, the result is untyped.
  const loose = client.task(task.id);
  assertType<Equal<typeof loose, TaskHandle<unknown>>>(true);
  void loose;
}
void typedCalls;

const BASE = 'http://api.test';

function serve(answer: (call: FetchCall) => Response | Promise<Response>) {
  const { fetch, calls } = fakeFetch(answer);
  const client = createMindoffClient<Apis>({
    baseUrl: BASE,
    fetch,
    routes: ROUTES,
    taskBase: '/api/mindoff/queue',
  });
  return { client, calls };
}

describe('createMindoffClient', () => {
  it('calls with the declared method at the pattern the params fill, with the query', async () => {
    const { client, calls } = serve(() => envelopeAnswer('SUCCESS', { order_id: 42 }));
    const result = await client.call('orders__get_order', {
      version: 1,
      params: { order_id: 42 },
      query: { include_items: true },
      headers: { 'x-trace': '1' },
    });
    expect(result).toMatchObject({
      ok: true,
      code: 'SUCCESS',
      status: 200,
      data: { order_id: 42 },
    });
    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: `${BASE}/api/v1/orders/get_order/42/?include_items=true`,
      headers: { 'x-trace': '1' },
      body: undefined,
    });
  });

  it('sends the payload as JSON with a body method', async () => {
    const { client, calls } = serve(() =>
      envelopeAnswer('SUCCESS', { order_id: 'ord_1', total_qty: 1 }),
    );
    await client.call('orders__create_order', {
      version: 1,
      payload: { customer_id: 'c1', items: [{ sku: 'A', qty: 1 }] },
    });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/api/v1/orders/create_order/`,
      body: '{"customer_id":"c1","items":[{"sku":"A","qty":1}]}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('resolves refusals as failures with their code and data', async () => {
    const issues = [{ path: 'payload.items', code: 'required' }];
    const { client } = serve(() => envelopeAnswer('INVALID_PAYLOAD', issues, 400));
    const result: CallResult<unknown> = await client.call('orders__create_order', {
      version: 2,
      payload: { customer_id: '' },
    });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_PAYLOAD',
      status: 400,
      data: issues,
      envelope: expect.objectContaining({ status: 'fail' }),
      headers: expect.any(Headers),
    });
  });

  it('refuses an API or version not in the table before any request', async () => {
    const { client, calls } = serve(() => envelopeAnswer('SUCCESS'));
    const untyped = client as unknown as ReturnType<typeof createMindoffClient>;
    await expect(untyped.call('shop__create_order', { version: 1 })).rejects.toMatchObject({
      kind: 'not_served',
    });
    await expect(untyped.call('orders__create_order', { version: 9 })).rejects.toBeInstanceOf(
      MindoffClientError,
    );
    expect(calls).toEqual([]);
  });

  it('refuses a payload for a GET API (its values go in the query)', async () => {
    const { client, calls } = serve(() => envelopeAnswer('SUCCESS'));
    await expect(
      client.call('shop__get_profile', { version: 1, payload: { a: 1 } }),
    ).rejects.toThrow(
      'shop__get_profile v1 is a GET API, which reads no payload; send the values as query.',
    );
    expect(calls).toEqual([]);
  });

  it('enqueues a queue-mode API and follows its task to the typed result', async () => {
    const ack = { queue_id: 'task-1' };
    const result = { report_name: 'w', rows: 3 };
    const { client, calls } = serve((call) => {
      if (call.url === `${BASE}/api/v1/jobs/report/`) return envelopeAnswer('QUEUED', ack);
      if (call.url.endsWith('/stream-ticket/')) return envelopeAnswer('SUCCESS', { ticket: 't' });
      if (call.url.includes('/stream/')) {
        return eventStreamAnswer([
          stateEvent(1, 'running', 50, 'half'),
          stateEvent(2, 'completed', 100),
        ]);
      }
      const done = calls.some((c) => c.url.includes('/stream/'));
      return done
        ? envelopeAnswer('SUCCESS', result)
        : envelopeAnswer('QUEUE_TASK_RUNNING', { queue_id: 'task-1', job_status: 'running' });
    });
    const task = await client.enqueue('jobs__report', {
      version: 1,
      payload: { report_name: 'w' },
    });
    expect(task.id).toBe('task-1');
    const percents: number[] = [];
    for await (const progress of task.progress()) percents.push(progress.percent);
    expect(percents).toEqual([50, 100]);
    await expect(task.result()).resolves.toMatchObject({ ok: true, code: 'SUCCESS', data: result });
    await expect(
      client.call('jobs__report', { version: 1, payload: { report_name: 'w' } }),
    ).resolves.toMatchObject({ ok: true, data: result });
    expect(calls.map((c) => `${c.method} ${c.url.replace(BASE, '')}`).slice(0, 5)).toEqual([
      'POST /api/v1/jobs/report/',
      'POST /api/mindoff/queue/task-1/stream-ticket/',
      'GET /api/mindoff/queue/task-1/stream/?ticket=t',
      'GET /api/mindoff/queue/task-1/',
      'POST /api/v1/jobs/report/',
    ]);
  });

  it('rejects enqueue with MindoffCallRefused carrying the refusal', async () => {
    const { client } = serve(() => envelopeAnswer('NOT_AUTHENTICATED', [], 401));
    const error = await client
      .enqueue('jobs__report', { version: 1, payload: { report_name: 'w' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffCallRefused);
    expect((error as MindoffCallRefused).result).toMatchObject({
      ok: false,
      code: 'NOT_AUTHENTICATED',
      status: 401,
    });
  });

  it('refuses to enqueue a direct API', async () => {
    const { client } = serve(() => envelopeAnswer('SUCCESS'));
    await expect(client.enqueue('shop__get_profile', { version: 1 })).rejects.toMatchObject({
      kind: 'not_served',
      message: 'shop__get_profile v1 is not a queue-mode API; use call().',
    });
  });

  it('cancels and retries a task, and reads a failed task as a failure', async () => {
    const { client, calls } = serve((call) => {
      if (call.url.endsWith('/cancel/')) {
        return envelopeAnswer('SUCCESS', { queue_id: 'task-9', job_status: 'cancel_requested' });
      }
      if (call.url.endsWith('/retry/')) return envelopeAnswer('QUEUE_TASK_NOT_RETRIABLE', {}, 400);
      return envelopeAnswer('QUEUE_TASK_FAILED', {
        queue_id: 'task-9',
        job_status: 'failed',
        error: { code: 'UNEXPECTED_ERR', message: 'boom' },
      });
    });
    const task = client.task('task-9');
    await expect(task.cancel()).resolves.toMatchObject({
      ok: true,
      data: { job_status: 'cancel_requested' },
    });
    await expect(task.retry()).resolves.toMatchObject({
      ok: false,
      code: 'QUEUE_TASK_NOT_RETRIABLE',
    });
    await expect(task.result()).resolves.toMatchObject({
      ok: false,
      code: 'QUEUE_TASK_FAILED',
      status: 200,
      data: { error: { code: 'UNEXPECTED_ERR' } },
    });
    expect(calls.map((c) => `${c.method} ${c.url.replace(BASE, '')}`)).toEqual([
      'POST /api/mindoff/queue/task-9/cancel/',
      'POST /api/mindoff/queue/task-9/retry/',
      'GET /api/mindoff/queue/task-9/',
    ]);
  });
});
