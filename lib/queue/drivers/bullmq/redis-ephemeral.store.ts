import type { Redis } from 'ioredis';
import type { BrokerCall } from './broker-call';
import type { EphemeralStore } from '../../ephemeral-store';

const ACQUIRE_SLOT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
const RELEASE_SLOT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 1`;
/** A slot left behind by a crashed process frees itself after an hour. */
const SLOT_TTL_MS = 3_600_000;

/**
 * The BullMQ driver's short-lived values in Redis: single-use values (stream tickets) read and
 * deleted in one step, and counted slots (concurrent status streams per owner) taken and given
 * back atomically, each by a small Lua script, so instances sharing the Redis agree.
 */
export class RedisEphemeralStore implements EphemeralStore {
  constructor(
    private readonly client: Redis,
    private readonly broker: BrokerCall,
    private readonly key: (...parts: string[]) => string,
  ) {}

  async putOnce(key: string, value: string, ttlMs: number): Promise<void> {
    await this.broker.run(() => this.client.set(this.key('once', key), value, 'PX', ttlMs));
  }

  takeOnce(key: string): Promise<string | null> {
    return this.broker.run(() => this.client.getdel(this.key('once', key)));
  }

  async acquireSlot(key: string, limit: number): Promise<boolean> {
    const granted = await this.broker.run(() =>
      this.client.eval(ACQUIRE_SLOT, 1, this.key('slot', key), limit, SLOT_TTL_MS),
    );
    return granted === 1;
  }

  /** Gives a slot back; a broker error here is swallowed (the slot expires on its own). */
  async releaseSlot(key: string): Promise<void> {
    await this.client.eval(RELEASE_SLOT, 1, this.key('slot', key)).catch(() => undefined);
  }
}
