import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { CounterModule } from '../fixtures/counter.module';
import { call, startApp, type RunningApp } from '../support/http-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('MindoffModule options', () => {
  describe('rateLimit.redis', () => {
    const prefix = `mindoff-test:${randomUUID()}:`;
    let first: RunningApp;
    let second: RunningApp;
    beforeAll(async () => {
      first = await startApp(
        CounterModule.with({ rateLimit: { redis: REDIS_URL, prefix } }),
        'express',
      );
      second = await startApp(
        CounterModule.with({ rateLimit: { redis: REDIS_URL, prefix } }, true),
        'fastify',
      );
    });
    afterAll(async () => {
      await Promise.all([first.close(), second.close()]);
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    it('shares one counter between two instances, so the limit holds across them', async () => {
      const statuses = [];
      for (const server of [first, second, first, second]) {
        statuses.push((await call(server.url, 'GET', '/v1/lab/counted/')).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('keeps the counters in Redis under the configured prefix', async () => {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      await redis.quit();
      expect(keys.length).toBeGreaterThan(0);
    });
  });

  describe('responsesPath', () => {
    it('refuses to start on a broken responses.csv, naming the file, the line and the fix', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mindoff-csv-'));
      const file = join(dir, 'responses.csv');
      writeFileSync(
        file,
        'code,title,description,http_status\nX_ONE,One,First,200\nX_ONE,Again,Dupe,200\n',
      );
      const ref = Test.createTestingModule({
        imports: [CounterModule.with({ responsesPath: file })],
      });
      await expect(ref.compile()).rejects.toThrow(
        /line 3: duplicate code 'X_ONE' \(first at line 2\)/,
      );
    });

    it('serves an override of a built-in code, with options given through forRootAsync', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mindoff-csv-'));
      const file = join(dir, 'responses.csv');
      writeFileSync(file, 'code,title,description,http_status\nSUCCESS,Done,All good.,200\n');
      const server = await startApp(CounterModule.with({ responsesPath: file }, true), 'fastify');
      try {
        const res = await call(server.url, 'GET', '/v1/lab/counted/');
        expect(res.body.message).toEqual({
          code: 'SUCCESS',
          title: 'Done',
          description: 'All good.',
          category: 'success',
        });
      } finally {
        await server.close();
      }
    });
  });
});
