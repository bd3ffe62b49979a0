import type { FactoryProvider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MINDOFF_QUEUE_TOKEN } from './bull-queue.token';
import { BullmqQueueDriver } from './bullmq.driver';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from '../../queue-driver';

/**
 * mindoff's BullMQ `Queue` under @nestjs/bullmq's token for `MINDOFF_QUEUE`, so
 * `@InjectQueue(MINDOFF_QUEUE)` and bull-board find it; `null` with the embedded driver.
 */
export const bullQueueProvider: FactoryProvider<Queue | null> = {
  provide: MINDOFF_QUEUE_TOKEN,
  inject: [MINDOFF_QUEUE_DRIVER],
  useFactory: (driver: QueueDriver) =>
    driver instanceof BullmqQueueDriver ? (driver.bullQueue as Queue) : null,
};
