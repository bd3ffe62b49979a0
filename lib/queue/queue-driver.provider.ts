import type { FactoryProvider } from '@nestjs/common';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { BullmqQueueDriver } from './drivers/bullmq.driver';
import { EmbeddedQueueDriver } from './drivers/embedded.driver';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';

/** BullMQ on Redis when `queue.connection` is set, the embedded driver otherwise. */
export const queueDriverProvider: FactoryProvider<QueueDriver> = {
  provide: MINDOFF_QUEUE_DRIVER,
  inject: [MINDOFF_RESOLVED_OPTIONS],
  useFactory: ({ queue }: ResolvedMindoffOptions) => {
    if (!queue.connection) {
      return new EmbeddedQueueDriver(queue.retention, queue.embeddedMaxBytes);
    }
    return new BullmqQueueDriver({
      connection: queue.connection as never,
      prefix: queue.prefix,
      queueName: queue.queueName,
      retention: queue.retention,
      commandTimeoutMs: queue.commandTimeoutMs,
      lockDurationMs: queue.lockDurationMs,
      stalledIntervalMs: queue.stalledIntervalMs,
    });
  },
};
