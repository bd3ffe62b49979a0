import type { Redis } from 'ioredis';
import { withDeadline } from '../../../deadline';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';
import { isRedisUnavailable } from '../../../redis/redis-errors';

/**
 * Runs calls to Redis for a request: waits for the first connection, fails fast once it is lost,
 * and turns timeouts, connection errors and topology replies (`MOVED`, `CLUSTERDOWN`, `READONLY`,
 * `LOADING`, `WRONGPASS`...; see `isRedisUnavailable`) into `BrokerUnavailableError` (answered 503).
 */
export class BrokerCall {
  constructor(
    private readonly client: Redis,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `work`, failing fast when Redis is not connected or does not answer in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.client.status !== 'ready') await this.firstConnection();
    try {
      return await withDeadline(
        work,
        this.timeoutMs,
        () => new BrokerUnavailableError(`no answer within ${this.timeoutMs} ms`),
      );
    } catch (error) {
      if (error instanceof BrokerUnavailableError) throw error;
      if (isRedisUnavailable(error)) throw new BrokerUnavailableError((error as Error).message);
      throw error;
    }
  }

  /** Waits for the first connection (startup); a lost connection fails at once. */
  private async firstConnection(): Promise<void> {
    const status = this.client.status;
    if (!['wait', 'connecting', 'connect'].includes(status)) {
      throw new BrokerUnavailableError(`connection is ${status}`);
    }
    if (status === 'wait') void this.client.connect().catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', ready);
        reject(new BrokerUnavailableError(`not connected within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', ready);
    });
  }
}
