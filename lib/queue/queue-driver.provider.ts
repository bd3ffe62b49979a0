import type { FactoryProvider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { bullModuleMissing } from '../mindoff.messages';
import { bullSharedConfigToken } from './bull-queue.token';
import { BullmqQueueDriver } from './drivers/bullmq.driver';
import { EmbeddedQueueDriver } from './drivers/embedded.driver';
import type { RedisConnection } from './drivers/redis-connection';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';

/** What `BullModule.forRoot()` keeps that mindoff uses. */
interface BullSharedConfig {
  connection?: RedisConnection;
  prefix?: string;
}

/**
 * BullMQ on Redis when `queue.connection` is set (or `queue.useBullModule` names the app's
 * `BullModule.forRoot()` configuration), the embedded driver otherwise.
 */
export const queueDriverProvider: FactoryProvider<QueueDriver> = {
  provide: MINDOFF_QUEUE_DRIVER,
  inject: [MINDOFF_RESOLVED_OPTIONS, ModuleRef],
  useFactory: ({ queue }: ResolvedMindoffOptions, moduleRef: ModuleRef) => {
    let connection = queue.connection as RedisConnection | undefined;
    let prefix = queue.prefix;
    if (queue.useBullModule !== undefined) {
      const shared = bullConfig(moduleRef, queue.useBullModule);
      connection = shared.connection;
      prefix ??= shared.prefix;
    }
    if (!connection) {
      return new EmbeddedQueueDriver(queue.retention, queue.embeddedMaxBytes);
    }
    return new BullmqQueueDriver({
      connection,
      prefix: prefix ?? 'mindoff',
      queueName: queue.queueName,
      retention: queue.retention,
      commandTimeoutMs: queue.commandTimeoutMs,
      lockDurationMs: queue.lockDurationMs,
      stalledIntervalMs: queue.stalledIntervalMs,
    });
  },
};

/** The app's `BullModule.forRoot()` options under `configKey`, or a startup error naming the fix. */
function bullConfig(moduleRef: ModuleRef, configKey: string): BullSharedConfig {
  let shared: BullSharedConfig | undefined;
  try {
    shared = moduleRef.get<BullSharedConfig>(bullSharedConfigToken(configKey || undefined), {
      strict: false,
    });
  } catch {
    shared = undefined;
  }
  if (!shared?.connection) throw new Error(bullModuleMissing(configKey));
  return shared;
}
