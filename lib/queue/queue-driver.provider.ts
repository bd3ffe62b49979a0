import type { FactoryProvider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { bullModuleMissing, queuePrefixUntagged } from '../mindoff.messages';
import { checkRedisAtStartup } from '../redis/redis-startup-check';
import { hashTag, isClusterConnection } from '../redis/redis-topology';
import { bullSharedConfigToken } from './drivers/bullmq/bull-queue.token';
import { BullmqQueueDriver } from './drivers/bullmq/bullmq.driver';
import { EmbeddedQueueDriver } from './drivers/embedded/embedded.driver';
import type { RedisConnection } from './drivers/bullmq/redis-connection';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';

/** What `BullModule.forRoot()` keeps that mindoff uses. */
interface BullSharedConfig {
  connection?: RedisConnection;
  prefix?: string;
}

/**
 * BullMQ on Redis when `queue.connection` is set (or `queue.useBullModule` names the app's
 * `BullModule.forRoot()` configuration), the embedded driver otherwise. Before BullMQ starts, the
 * Redis is looked at once ({@link checkRedisAtStartup}), and on a Cluster the queue's keys must
 * share a hash tag (`{mindoff}` unless the app chose its own).
 */
export const queueDriverProvider: FactoryProvider<QueueDriver> = {
  provide: MINDOFF_QUEUE_DRIVER,
  inject: [MINDOFF_RESOLVED_OPTIONS, ModuleRef],
  useFactory: async ({ queue }: ResolvedMindoffOptions, moduleRef: ModuleRef) => {
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
    const cluster = isClusterConnection(connection);
    prefix ??= cluster ? '{mindoff}' : 'mindoff';
    if (cluster && hashTag(`${prefix}:${queue.queueName}:`) === undefined) {
      throw new Error(queuePrefixUntagged(prefix, queue.queueName));
    }
    await checkRedisAtStartup(connection, {
      option: queue.useBullModule === undefined ? 'queue.connection' : 'the BullModule connection',
      timeoutMs: queue.commandTimeoutMs,
      queue: true,
    });
    return new BullmqQueueDriver({
      connection,
      prefix,
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
