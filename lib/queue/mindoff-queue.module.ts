import { Global, Module } from '@nestjs/common';
import { bullQueueProvider } from './drivers/bullmq/bull-queue.provider';
import { MINDOFF_QUEUE_TOKEN } from './drivers/bullmq/bull-queue.token';
import { MindoffQueue } from './mindoff-queue.service';
import { MindoffQueueController } from './endpoints/mindoff-queue.controller';
import { StaffAccess } from './endpoints/staff-access';
import { TaskAccessGuard } from './endpoints/task-access.guard';
import { queueDriverProvider } from './queue-driver.provider';
import { TaskExecutor } from './task.executor';

/**
 * Queue mode: the driver (BullMQ or embedded), the worker, and the task endpoints under
 * `mindoff/queue/`. Imported by a version map that holds a queue-mode API, so an app without one
 * gets no task routes, no worker and no queue connection. Global, so the app's own modules (and
 * bull-board) can inject the BullMQ queue as `@InjectQueue(MINDOFF_QUEUE)`.
 */
@Global()
@Module({
  controllers: [MindoffQueueController],
  providers: [
    MindoffQueue,
    TaskExecutor,
    TaskAccessGuard,
    StaffAccess,
    queueDriverProvider,
    bullQueueProvider,
  ],
  exports: [MindoffQueue, MINDOFF_QUEUE_TOKEN],
})
export class MindoffQueueModule {}
