import { Module } from '@nestjs/common';
import { MindoffQueue } from './mindoff-queue.service';
import { MindoffQueueController } from './mindoff-queue.controller';
import { TaskAccessGuard } from './task-access.guard';
import { queueDriverProvider } from './queue-driver.provider';
import { TaskExecutor } from './task.executor';

/**
 * Queue mode: the driver (BullMQ or embedded), the worker, and the task endpoints under
 * `mindoff/queue/`. Imported by a version map that holds a queue-mode API, so an app without one
 * gets no task routes, no worker and no queue connection.
 */
@Module({
  controllers: [MindoffQueueController],
  providers: [MindoffQueue, TaskExecutor, TaskAccessGuard, queueDriverProvider],
  exports: [MindoffQueue],
})
export class MindoffQueueModule {}
