import type { FactoryProvider } from '@nestjs/common';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import { MINDOFF_MODULE_OPTIONS } from '../mindoff.module-definition';
import { BullmqQueueDriver } from './drivers/bullmq.driver';
import { EmbeddedQueueDriver } from './drivers/embedded.driver';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';
import { DEFAULT_RETENTION, type QueueRetention } from './queue-retention';

/** BullMQ on Redis when `queue.connection` is set, the embedded driver otherwise. */
export const queueDriverProvider: FactoryProvider<QueueDriver> = {
  provide: MINDOFF_QUEUE_DRIVER,
  inject: [MINDOFF_MODULE_OPTIONS],
  useFactory: (options: MindoffModuleOptions) => {
    const queue = options.queue ?? {};
    const retention: QueueRetention = {
      completedMs:
        (queue.retention?.completedSeconds ?? DEFAULT_RETENTION.completedMs / 1000) * 1000,
      failedMs: (queue.retention?.failedSeconds ?? DEFAULT_RETENTION.failedMs / 1000) * 1000,
    };
    if (!queue.connection) return new EmbeddedQueueDriver(retention);
    return new BullmqQueueDriver({
      connection: queue.connection as never,
      prefix: queue.prefix,
      queueName: queue.queueName,
      retention,
      commandTimeoutMs: queue.commandTimeoutMs,
      lockDurationMs: queue.lockDurationMs,
      stalledIntervalMs: queue.stalledIntervalMs,
    });
  },
};
