// The enqueue baseline: a bare Nest handler (no guard, pipe or validation) adding a BullMQ job.
import { Body, Controller, HttpCode, Module, Post, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { boot } from './common/boot';

const queue = new Queue('bench', {
  connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  prefix: process.env.QUEUE_PREFIX ?? 'bench-bare',
});

@Controller('v1/jobs')
class BareJobsController implements OnModuleDestroy {
  @Post('report/')
  @HttpCode(200)
  async enqueue(@Body() body: { report_name: string }) {
    const job = await queue.add('jobs__report', { payload: body }, { jobId: randomUUID() });
    return { queue_id: job.id };
  }

  async onModuleDestroy() {
    await queue.close();
  }
}

@Module({ controllers: [BareJobsController] })
class BareQueueModule {}

void boot(BareQueueModule);
