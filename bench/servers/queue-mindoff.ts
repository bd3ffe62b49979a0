// mindoff's enqueue path: a queue-mode API (same JSON body, schema-checked), BullMQ on Redis,
// no worker in this process (the bench measures enqueueing).
import { Module } from '@nestjs/common';
import { MindoffApi, MindoffModule, MindoffVersions } from 'mindoff';
import { boot } from './common/boot';

@MindoffApi({
  urlName: 'jobs__report',
  name: 'Report',
  method: 'POST',
  processMode: 'queue',
  allowDuplicateQueue: true,
  payloadSchema: { report_name: String },
  payloadValidation: 'strict',
  limits: { request: null },
})
class ReportV1Api {
  run() {
    return { done: true };
  }
}

@Module({
  imports: [
    MindoffModule.forRoot({
      queue: {
        connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        prefix: process.env.QUEUE_PREFIX ?? 'bench-mindoff',
        queueName: 'bench',
        worker: false,
      },
    }),
    MindoffVersions.register({ 1: ReportV1Api }),
  ],
})
class MindoffQueueModule {}

void boot(MindoffQueueModule);
