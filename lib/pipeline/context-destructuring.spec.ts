import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { DirectContext } from './direct-context';
import { QueueContext } from '../queue/queue-context';
import type { TaskProgress, TaskRecord } from '../queue/task.types';
import type { ResultRenderer } from '../rendering/result.renderer';

// `run({ payload, checkpoint, signal })` destructures the context: its functions must not need `this`.
describe('the context run() gets can be destructured', () => {
  it('direct mode: checkpoint is bound and resolves', async () => {
    const response = new EventEmitter() as unknown as ServerResponse;
    const ctx = new DirectContext(
      { a: 1 },
      undefined,
      {},
      null,
      1,
      'shop__x',
      {},
      {},
      response,
      {} as ResultRenderer,
      'req-1',
    );
    // An own, bound function: a prototype method would trip `unbound-method` in the app's lint.
    expect(Object.getOwnPropertyNames(ctx)).toContain('checkpoint');
    const { checkpoint, payload } = ctx;
    await expect(checkpoint('any', 'message')).resolves.toBeUndefined();
    expect(payload).toEqual({ a: 1 });
  });

  it('queue mode: checkpoint is bound and reports the declared step', async () => {
    const reported: TaskProgress[] = [];
    const task = {
      id: 't1',
      request: {
        payload: {},
        query: {},
        params: {},
        user: null,
        version: 1,
        urlName: 'jobs__x',
        requestId: 'r',
      },
    } as unknown as TaskRecord;
    const ctx = new QueueContext(
      't1',
      task,
      {
        signal: new AbortController().signal,
        progress: (progress) => {
          reported.push(progress);
          return Promise.resolve();
        },
      },
      { half: { percent: 50, label: 'Half way' } },
    );
    expect(Object.getOwnPropertyNames(ctx)).toContain('checkpoint');
    const { checkpoint } = ctx;
    await checkpoint('half');
    expect(reported).toEqual([{ percent: 50, current_step: 'half', current_message: 'Half way' }]);
  });
});
