// A queue-mode API whose checkpoints carry the time they were reported, for the
// checkpoint → SSE latency and concurrent-stream benchmarks. BullMQ when REDIS_URL is set and
// DRIVER is not 'embedded'; workers in this process.
import { Module } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { MindoffApi, MindoffModule, MindoffVersions, type MindoffContext } from 'mindoff';
import { boot } from './common/boot';

const STEPS = ['s1', 's2', 's3', 's4'] as const;

@MindoffApi({
  urlName: 'jobs__ticks',
  name: 'Ticks',
  method: 'POST',
  processMode: 'queue',
  allowDuplicateQueue: true,
  limits: { request: null, queueDetail: null, queueStatusStream: null },
  progressSteps: {
    s1: { label: 'one', percent: 20 },
    s2: { label: 'two', percent: 40 },
    s3: { label: 'three', percent: 60 },
    s4: { label: 'four', percent: 80 },
  },
})
class TicksV1Api {
  async run({ payload, checkpoint }: MindoffContext<{ delay_ms?: number; pause_ms?: number }>) {
    await sleep(payload.delay_ms ?? 500);
    for (const step of STEPS) {
      await checkpoint(step, String(performance.timeOrigin + performance.now()));
      await sleep(payload.pause_ms ?? 100);
    }
    return { ticks: STEPS.length };
  }
}

const redis = process.env.DRIVER === 'embedded' ? undefined : process.env.REDIS_URL;

@Module({
  imports: [
    MindoffModule.forRoot({
      queue: {
        ...(redis ? { connection: redis, prefix: process.env.QUEUE_PREFIX ?? 'bench-stream' } : {}),
        concurrency: Number(process.env.CONCURRENCY ?? 50),
        endpointLimits: { stream: null, detail: null },
      },
    }),
    MindoffVersions.register({ 1: TicksV1Api }),
  ],
})
class StreamModule {}

void boot(StreamModule);
