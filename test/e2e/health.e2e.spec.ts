import { randomUUID } from 'node:crypto';
import { healthLab } from '../fixtures/health.module';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';

const COMMAND_TIMEOUT_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks `GET /health` until `done` holds (at most `tries` times), and returns the last answer. */
async function healthWhen(
  app: RunningApp,
  done: (answer: Answer) => boolean,
  tries = 200,
): Promise<Answer> {
  let answer = await call(app.url, 'GET', '/health');
  for (let i = 1; i < tries && !done(answer); i++) {
    await sleep(50);
    answer = await call(app.url, 'GET', '/health');
  }
  return answer;
}

const healthUntil = (app: RunningApp, status: number) =>
  healthWhen(app, (answer) => answer.status === status);

describe.each(ADAPTERS)('MindoffHealthIndicator with @nestjs/terminus on %s', (adapter) => {
  describe('with no infrastructure (embedded queue, in-memory rate limits)', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(healthLab({}, { workerSeenWithinSeconds: 30 }), adapter);
    });
    afterAll(() => app.close());

    it('answers 200 with the embedded queue and its live worker, and the memory store', async () => {
      const answer = await call(app.url, 'GET', '/health');
      expect(answer.status).toBe(200);
      expect(answer.body.details).toEqual({
        queue: {
          status: 'up',
          driver: 'embedded',
          waiting: 0,
          active: 0,
          oldestWaitingSeconds: null,
          workerSeenSecondsAgo: 0,
        },
        rateLimit: { status: 'up', store: 'memory' },
      });
    });
  });

  describe('in an app with no queue-mode API', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(healthLab({}, {}, { queued: false }), adapter);
    });
    afterAll(() => app.close());

    it('says the queue check is down because there is no queue, naming the fix', async () => {
      const answer = await call(app.url, 'GET', '/health');
      expect(answer.status).toBe(503);
      expect(answer.body.error.queue).toEqual({
        status: 'down',
        message: expect.stringContaining('no MindoffVersions map holds a queue-mode API'),
      });
      expect(answer.body.info.rateLimit).toEqual({ status: 'up', store: 'memory' });
    });
  });

  describe('on Redis (BullMQ queue, Redis rate limits)', () => {
    let redis: PrivateRedis;
    const unhandled: unknown[] = [];
    const record = (error: unknown) => unhandled.push(error);
    beforeAll(async () => {
      redis = await startPrivateRedis();
      process.on('unhandledRejection', record);
    });
    afterAll(async () => {
      await redis.kill();
      process.off('unhandledRejection', record);
    });

    const options = (worker: boolean) => ({
      queue: {
        connection: redis.url,
        prefix: `mindoff-test-health-${randomUUID()}`,
        commandTimeoutMs: COMMAND_TIMEOUT_MS,
        worker,
      },
      rateLimit: {
        redis: redis.url,
        prefix: `mindoff-test:health:${randomUUID()}:`,
        commandTimeoutMs: COMMAND_TIMEOUT_MS,
      },
    });

    describe('an API process with a worker', () => {
      let app: RunningApp;
      beforeAll(async () => {
        app = await startApp(
          healthLab(options(true), { maxWaitingAgeSeconds: 60, workerSeenWithinSeconds: 30 }),
          adapter,
        );
      });
      afterAll(() => app.close());

      it('is healthy, goes down within the command timeout when Redis stops, and recovers when it is back', async () => {
        const healthy = await healthUntil(app, 200);
        expect(healthy.status).toBe(200);
        expect(healthy.body.details.queue).toMatchObject({
          status: 'up',
          driver: 'bullmq',
          waiting: 0,
          active: 0,
          oldestWaitingSeconds: null,
        });
        expect(healthy.body.details.queue.workerSeenSecondsAgo).toBeLessThanOrEqual(30);
        expect(healthy.body.details.rateLimit).toEqual({ status: 'up', store: 'redis' });

        await redis.kill();
        const started = performance.now();
        const down = await call(app.url, 'GET', '/health');
        const ms = Math.round(performance.now() - started);
        console.log(
          `${adapter}: /health answered ${down.status} ${ms} ms after Redis stopped (command timeout ${COMMAND_TIMEOUT_MS} ms)`,
        );
        expect(down.status).toBe(503);
        expect(down.body.error.queue).toEqual({
          status: 'down',
          driver: 'bullmq',
          message: expect.stringContaining("the queue's broker did not answer"),
        });
        expect(down.body.error.rateLimit).toEqual({
          status: 'down',
          store: 'redis',
          message: expect.stringContaining('the rate-limit store did not answer'),
        });

        await redis.restart();
        const recovered = await healthUntil(app, 200);
        expect(recovered.status).toBe(200);
        expect(recovered.body.details.queue).toMatchObject({ status: 'up', driver: 'bullmq' });
        expect(recovered.body.details.rateLimit).toEqual({ status: 'up', store: 'redis' });
        expect(unhandled).toEqual([]);
      });
    });

    describe('an API process without a worker, with a task waiting', () => {
      let app: RunningApp;
      beforeAll(async () => {
        app = await startApp(
          healthLab(options(false), { maxWaitingAgeSeconds: 0, workerSeenWithinSeconds: 30 }),
          adapter,
        );
      });
      afterAll(() => app.close());

      it('is down, saying no worker was seen and the oldest task waited too long', async () => {
        // Once both stores are connected (the rate-limit store answers, the queue reports counts).
        const before = await healthWhen(
          app,
          ({ body }) =>
            body?.details?.rateLimit?.status === 'up' && 'waiting' in body.details.queue,
        );
        expect(before.body.details.queue.waiting).toBe(0);
        const queued = await call(app.url, 'POST', '/v1/lab/slow/', { json: {} });
        expect(queued.body.message.code).toBe('QUEUED');
        // The task's age must pass the 0 s threshold (it is compared in ms).
        await sleep(5);
        const answer = await call(app.url, 'GET', '/health');
        expect(answer.status).toBe(503);
        expect(answer.body.error.queue).toMatchObject({
          status: 'down',
          driver: 'bullmq',
          waiting: 1,
          active: 0,
          workerSeenSecondsAgo: null,
        });
        expect(answer.body.error.queue.message).toContain('no worker of this queue has been seen');
        expect(answer.body.error.queue.message).toContain('the oldest waiting task has waited');
        expect(answer.body.info.rateLimit).toEqual({ status: 'up', store: 'redis' });
      });
    });
  });
});
