import { randomUUID } from 'node:crypto';
import { BodyRulesModule } from '../fixtures/body-rules.module';
import { nested, rawPost } from '../support/body-post';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { codeOf, untilTask } from '../support/task-poll';

describe.each(ADAPTERS)('payload depth on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(BodyRulesModule.with(), adapter);
  });
  afterAll(() => server.close());

  describe('maxPayloadDepth', () => {
    it('defaults to 20: 20 levels pass, 21 are refused as too deep', async () => {
      const ok = await rawPost(server, '/v1/body/default_depth/', nested(20), [
        'Content-Type: application/json',
      ]);
      expect([ok.status, ok.envelope.data]).toEqual([200, { depth: 20 }]);
      const deep = await rawPost(server, '/v1/body/default_depth/', nested(21), [
        'Content-Type: application/json',
      ]);
      expect([deep.status, deep.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(deep.envelope.data).toEqual([
        expect.objectContaining({
          code: 'too_deep',
          message: 'payload is nested deeper than 20 level(s)',
        }),
      ]);
    });

    it('is off with null in direct mode: a 100,000-deep body reaches run()', async () => {
      const res = await call(server.url, 'POST', '/v1/body/no_depth/', {
        body: nested(100_000),
        headers: { 'content-type': 'application/json' },
      });
      expect([res.status, res.body.data]).toEqual([200, { depth: 100_000 }]);
    });

    it('refuses a 100,000-deep body holding a __proto__ key as too deep, with no internal error text', async () => {
      const body = `{"__proto__":{"polluted":1},${nested(100_000).slice(1)}`;
      const res = await call(server.url, 'POST', '/v1/body/default_depth/', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect([res.status, res.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(res.body.data).toEqual([expect.objectContaining({ code: 'too_deep' })]);
      expect(res.text).not.toMatch(/Maximum call stack|RangeError/);
    });

    it('drops the __proto__ key of a 100,000-deep body with the depth rule off, without running out of stack', async () => {
      const body = `{"__proto__":{"polluted":1},${nested(100_000).slice(1)}`;
      const res = await call(server.url, 'POST', '/v1/body/no_depth/', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect([res.status, res.body.data]).toEqual([200, { depth: 100_000 }]);
    });

    it('answers a schema that cannot follow a 100,000-deep body with 400 INVALID_PAYLOAD, not 500', async () => {
      const res = await call(server.url, 'POST', '/v1/body/recursive_schema/', {
        body: nested(100_000),
        headers: { 'content-type': 'application/json' },
      });
      expect([res.status, res.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(res.body.data).toEqual([expect.objectContaining({ path: '', code: 'too_deep' })]);
      const shallow = await call(server.url, 'POST', '/v1/body/recursive_schema/', {
        body: nested(50),
        headers: { 'content-type': 'application/json' },
      });
      expect([shallow.status, shallow.body.data]).toEqual([200, { depth: 50 }]);
    });

    describe('in queue mode with null', () => {
      it('refuses a 100,000-deep body with 400 INVALID_PAYLOAD at the queue ceiling of 1,000', async () => {
        const res = await call(server.url, 'POST', '/v1/body/queued/', {
          body: nested(100_000),
          headers: { 'content-type': 'application/json' },
        });
        expect([res.status, res.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
        expect(res.body.data[0]).toMatchObject({
          code: 'too_deep',
          message: 'payload is nested deeper than 1000 level(s)',
        });
        const over = await call(server.url, 'POST', '/v1/body/queued/', {
          body: nested(1001),
          headers: { 'content-type': 'application/json' },
        });
        expect(over.status).toBe(400);
      });

      it('enqueues and runs a body at the ceiling', async () => {
        const ack = await call(server.url, 'POST', '/v1/body/queued/', {
          body: nested(1000),
          headers: { 'content-type': 'application/json' },
        });
        expect([ack.status, codeOf(ack)]).toEqual([200, 'QUEUED']);
        const done = await untilTask(
          server,
          ack.body.data.queue_id,
          (a) => codeOf(a) === 'SUCCESS',
        );
        expect(done.body.data).toEqual({ depth: 1000 });
      });

      it('computes the dedup key of a body at the ceiling for an identified owner', async () => {
        const auth = { authorization: 'Bearer user-deep' };
        const send = () =>
          call(server.url, 'POST', '/v1/body/queued_dedup/', {
            body: nested(1000),
            headers: { 'content-type': 'application/json', ...auth },
          });
        const [first, second] = [await send(), await send()];
        expect([first.status, codeOf(first), second.status, codeOf(second)]).toEqual([
          200,
          'QUEUED',
          200,
          'QUEUED',
        ]);
        const done = await untilTask(
          server,
          first.body.data.queue_id,
          (a) => codeOf(a) === 'SUCCESS',
          auth,
        );
        expect(done.body.data).toEqual({ depth: 1000 });
      });
    });
  });
});

describe('a body at the queue ceiling on the BullMQ driver', () => {
  let server: RunningApp;
  beforeAll(async () => {
    const connection = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const prefix = `mindoff-test-${randomUUID().slice(0, 8)}`;
    server = await startApp(BodyRulesModule.with({}, { connection, prefix }), 'express');
  });
  afterAll(() => server.close());

  it('is stored, run and answered like any other task', async () => {
    const ack = await call(server.url, 'POST', '/v1/body/queued/', {
      body: nested(1000),
      headers: { 'content-type': 'application/json' },
    });
    expect([ack.status, codeOf(ack)]).toEqual([200, 'QUEUED']);
    const done = await untilTask(server, ack.body.data.queue_id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ depth: 1000 });
  });
});

describe.each(ADAPTERS)('module defaults for maxPayloadDepth on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(BodyRulesModule.with({ maxPayloadDepth: 3 }), adapter);
  });
  afterAll(() => server.close());

  const post = (path: string, levels: number) =>
    call(server.url, 'POST', path, {
      body: nested(levels),
      headers: { 'content-type': 'application/json' },
    });

  it('applies forRoot({ defaults: { maxPayloadDepth } }) to APIs that do not set it', async () => {
    expect((await post('/v1/body/default_depth/', 3)).status).toBe(200);
    const deep = await post('/v1/body/default_depth/', 4);
    expect([deep.status, deep.body.data[0].message]).toEqual([
      400,
      'payload is nested deeper than 3 level(s)',
    ]);
  });

  it("lets an API's own null win over the module default", async () => {
    const res = await post('/v1/body/no_depth/', 500);
    expect([res.status, res.body.data]).toEqual([200, { depth: 500 }]);
  });
});
