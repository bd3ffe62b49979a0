import { randomUUID } from 'node:crypto';
import type { MindoffModuleOptions } from 'mindoff';
import { queueLab } from '../fixtures/queue.module';
import { call, startApp, type RunningApp } from '../support/http-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const DRIVERS: { name: string; queue: () => MindoffModuleOptions['queue'] }[] = [
  { name: 'embedded', queue: () => ({ embeddedMaxMegabytes: 64 }) },
  {
    name: 'bullmq',
    queue: () => ({ connection: REDIS_URL, prefix: `mindoff-cost-${randomUUID().slice(0, 8)}` }),
  },
];

const bearer = { authorization: 'Bearer user-reader' };
/** About 3 MB of JSON in many small objects. */
const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: i, name: `row-${i}`, tags: ['a'] }));

/** The longest text JSON.parse is handed while `reads` runs, in this process (the app's too). */
async function longestParsed(reads: () => Promise<unknown>): Promise<number> {
  const parse = jest.spyOn(JSON, 'parse');
  try {
    await reads();
    return Math.max(0, ...parse.mock.calls.map(([text]) => String(text).length));
  } finally {
    parse.mockRestore();
  }
}

describe.each(DRIVERS)('reading a task with a 3 MB payload ($name)', (driver) => {
  let app: RunningApp;
  let queued: string;
  let cancelled: string;

  beforeAll(async () => {
    app = await startApp(queueLab({ ...driver.queue(), worker: false }), 'express');
    const enqueue = async (name: string) => {
      const ack = await call(app.url, 'POST', '/v1/jobs/dedup/', {
        json: { name, rows },
        headers: bearer,
      });
      expect(ack.body.message.code).toBe('QUEUED');
      return ack.body.data.queue_id as string;
    };
    queued = await enqueue('cost-queued');
    cancelled = await enqueue('cost-cancelled');
    const cancel = await call(app.url, 'POST', `/mindoff/queue/${cancelled}/cancel/`, {
      headers: bearer,
    });
    expect(cancel.status).toBe(200);
  });
  afterAll(() => app?.close());

  it('answers details and lists without parsing the payload, queued or cancelled', async () => {
    const statuses: string[] = [];
    const longest = await longestParsed(async () => {
      for (let i = 0; i < 10; i++) {
        for (const id of [queued, cancelled]) {
          const detail = await call(app.url, 'GET', `/mindoff/queue/${id}/`, { headers: bearer });
          statuses.push(detail.body.data.job_status);
        }
        const list = await call(app.url, 'GET', '/mindoff/queue/list/', { headers: bearer });
        expect(list.body.data.tasks).toHaveLength(2);
      }
    });
    expect(new Set(statuses)).toEqual(new Set(['queued', 'cancelled']));
    // Every parse is of a record or an answer, never of the 3 MB inputs.
    expect(longest).toBeLessThan(16 * 1024);
  });
});
