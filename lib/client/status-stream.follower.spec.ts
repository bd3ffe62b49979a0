import {
  envelopeAnswer,
  eventStreamAnswer,
  fakeFetch,
  never,
  stateEvent,
  type FetchCall,
} from '../../test/support/fake-fetch';
import { MindoffCallRefused } from './mindoff-call-refused.error';
import { MindoffClientError } from './mindoff-client.error';
import { followStatusStream } from './status-stream.follower';
import type { TaskProgress } from './task-progress.type';
import { Transport } from './transport';

const BASE = 'http://api.test';
const TASK = '/api/mindoff/queue/task-1/';

/** A fake task server: tickets on POST, then the scripted answer of each stream connection. */
function server(streams: Array<(call: FetchCall) => Response | Promise<Response>>) {
  let tickets = 0;
  let connection = 0;
  return fakeFetch((call) => {
    if (call.method === 'POST' && call.url === `${BASE}${TASK}stream-ticket/`) {
      tickets++;
      return envelopeAnswer('SUCCESS', { queue_id: 'task-1', ticket: `ticket-${tickets}` });
    }
    if (call.url.startsWith(`${BASE}${TASK}stream/?ticket=`)) {
      const next = streams[connection++];
      if (next) return next(call);
    }
    return envelopeAnswer('ROUTE_NOT_FOUND', [], 404);
  });
}

function follow(
  fetch: ReturnType<typeof fakeFetch>['fetch'],
  options: { retries?: number; signal?: AbortSignal; timeoutMs?: number } = {},
) {
  return followStatusStream({
    transport: new Transport({ baseUrl: BASE, fetch, token: 'tok', timeoutMs: options.timeoutMs }),
    taskId: 'task-1',
    taskPath: async () => TASK,
    retries: options.retries ?? 3,
    signal: options.signal,
  });
}

async function all(states: AsyncIterable<TaskProgress>): Promise<TaskProgress[]> {
  const seen: TaskProgress[] = [];
  for await (const state of states) seen.push(state);
  return seen;
}

const streamCalls = (calls: FetchCall[]) => calls.filter((c) => c.url.includes('/stream/?'));

describe('following a status stream', () => {
  it('asks for a ticket with the credentials, then yields each state until the final one', async () => {
    const { fetch, calls } = server([
      () =>
        eventStreamAnswer(
          [
            ': heartbeat\n\n',
            stateEvent(10, 'running', 20, 'collect'),
            stateEvent(11, 'running', 70, 'summarize'),
            stateEvent(12, 'completed', 100, 'finish'),
            stateEvent(13, 'completed', 100, 'after the end'),
          ],
          { hang: true },
        ),
    ]);
    const states = await all(follow(fetch));
    expect(states.map((s) => [s.status, s.percent, s.step])).toEqual([
      ['running', 20, 'collect'],
      ['running', 70, 'summarize'],
      ['completed', 100, 'finish'],
    ]);
    expect(states[0]).toEqual({
      status: 'running',
      percent: 20,
      step: 'collect',
      message: 'collect',
      cancelRequested: false,
      updatedAt: new Date(10).toISOString(),
    });
    expect(calls[0]).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer tok' } });
    expect(calls[1]).toMatchObject({
      method: 'GET',
      url: `${BASE}${TASK}stream/?ticket=ticket-1`,
      headers: { accept: 'text/event-stream' },
    });
    expect(calls[1].headers['last-event-id']).toBeUndefined();
    // The connection is closed once the end was seen.
    expect(calls[1].signal?.aborted).toBe(true);
  });

  it('resumes a dropped stream with Last-Event-ID and a fresh ticket, losing and repeating nothing', async () => {
    const { fetch, calls } = server([
      () =>
        eventStreamAnswer([stateEvent(10, 'running', 20), 'id: 11\ndata: {"job_st'], {
          fail: true,
        }),
      () =>
        eventStreamAnswer([
          stateEvent(10, 'running', 20),
          stateEvent(11, 'running', 70),
          stateEvent(12, 'completed', 100),
        ]),
    ]);
    const states = await all(follow(fetch));
    expect(states.map((s) => s.percent)).toEqual([20, 70, 100]);
    const streams = streamCalls(calls);
    expect(streams.map((c) => c.url)).toEqual([
      `${BASE}${TASK}stream/?ticket=ticket-1`,
      `${BASE}${TASK}stream/?ticket=ticket-2`,
    ]);
    expect(streams[1].headers['last-event-id']).toBe('10');
  });

  it('reopens a stream that closed before the end', async () => {
    const { fetch, calls } = server([
      () => eventStreamAnswer([stateEvent(10, 'queued', 0)]),
      () => eventStreamAnswer([stateEvent(20, 'cancelled', 0)]),
    ]);
    const states = await all(follow(fetch));
    expect(states.map((s) => s.status)).toEqual(['queued', 'cancelled']);
    expect(streamCalls(calls)[1].headers['last-event-id']).toBe('10');
  });

  it('ends when a resumed stream answers 204 (its end was seen already)', async () => {
    const { fetch } = server([
      () => eventStreamAnswer([stateEvent(10, 'running', 90)], { fail: true }),
      () => new Response(null, { status: 204 }),
    ]);
    expect((await all(follow(fetch))).map((s) => s.percent)).toEqual([90]);
  });

  it('reopens a stream that stays silent past the timeout', async () => {
    const { fetch, calls } = server([
      (call) =>
        eventStreamAnswer([stateEvent(10, 'running', 20)], { hang: true, signal: call.signal }),
      () => eventStreamAnswer([stateEvent(11, 'completed', 100)]),
    ]);
    const states = await all(follow(fetch, { timeoutMs: 50 }));
    expect(states.map((s) => s.percent)).toEqual([20, 100]);
    expect(streamCalls(calls)[0].signal?.aborted).toBe(true);
  });

  it('rejects with MindoffCallRefused when the stream is refused in an envelope', async () => {
    const { fetch } = server([() => envelopeAnswer('RATE_LIMITED', [], 429)]);
    const error = await all(follow(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffCallRefused);
    expect((error as MindoffCallRefused).result).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      status: 429,
    });
  });

  it('rejects with MindoffCallRefused when the ticket is refused (unknown task)', async () => {
    const { fetch } = fakeFetch(() => envelopeAnswer('QUEUE_TASK_NOT_FOUND', [], 404));
    const error = await all(follow(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffCallRefused);
    expect((error as MindoffCallRefused).code).toBe('QUEUE_TASK_NOT_FOUND');
  });

  it('gives up with a network error after `retries` drops in a row', async () => {
    const { fetch, calls } = server(
      Array.from({ length: 5 }, () => () => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = await all(follow(fetch, { retries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffClientError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toContain('dropped 3 times in a row');
    expect(streamCalls(calls)).toHaveLength(3);
  });

  it('keeps reopening a stream that delivers heartbeats between drops', async () => {
    const heartbeatThenDrop = () => eventStreamAnswer([': heartbeat\n\n'], { fail: true });
    const { fetch, calls } = server([
      ...Array.from({ length: 4 }, () => heartbeatThenDrop),
      () => eventStreamAnswer([stateEvent(30, 'completed', 100)]),
    ]);
    const states = await all(follow(fetch, { retries: 1 }));
    expect(states.map((s) => s.status)).toEqual(['completed']);
    expect(streamCalls(calls)).toHaveLength(5);
  });

  it('stops with aborted when the signal fires, closing the connection', async () => {
    const controller = new AbortController();
    const { fetch, calls } = server([
      (call) =>
        eventStreamAnswer([stateEvent(10, 'running', 20)], { hang: true, signal: call.signal }),
    ]);
    const states: number[] = [];
    const error = await (async () => {
      for await (const state of follow(fetch, { signal: controller.signal })) {
        states.push(state.percent);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(states).toEqual([20]);
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(streamCalls(calls)[0].signal?.aborted).toBe(true);
  });

  it('closes the connection when the caller stops early', async () => {
    const { fetch, calls } = server([
      (call) =>
        eventStreamAnswer([stateEvent(10, 'running', 20)], { hang: true, signal: call.signal }),
    ]);
    for await (const state of follow(fetch)) {
      expect(state.percent).toBe(20);
      break;
    }
    expect(streamCalls(calls)[0].signal?.aborted).toBe(true);
  });

  it('waits for headers no longer than the timeout', async () => {
    const { fetch } = server([never, () => eventStreamAnswer([stateEvent(5, 'completed', 100)])]);
    expect((await all(follow(fetch, { timeoutMs: 30 }))).map((s) => s.status)).toEqual([
      'completed',
    ]);
  });
});
