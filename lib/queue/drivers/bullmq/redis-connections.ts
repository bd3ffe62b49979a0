import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ConnectionRules } from '../../../redis/open-redis';
import { createRedis, type RedisConnection } from './redis-connection';

/**
 * The Redis connections one BullMQ driver opens (commands, events, pub/sub, worker): each logs its
 * errors (at most one line per 10 s, so an outage does not flood the log), and all are
 * disconnected together at shutdown.
 */
export class RedisConnections {
  private readonly logger = new Logger('MindoffQueue');
  private readonly opened: Redis[] = [];
  private lastErrorLog = 0;

  constructor(private readonly connection: RedisConnection) {}

  /** A new connection with mindoff's `rules` (on one node, Sentinel or a Cluster and its nodes). */
  open(rules: ConnectionRules): Redis {
    const redis = createRedis(this.connection, rules);
    redis.on('error', (error: Error) => this.logError(error));
    this.opened.push(redis);
    return redis;
  }

  /** Logs a broker error (BullMQ's own emitters report here too). */
  logError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Redis: ${error.message}`);
  }

  disconnectAll(): void {
    for (const redis of this.opened) redis.disconnect();
  }
}
