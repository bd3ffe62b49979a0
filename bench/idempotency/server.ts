// A POST API declaring `idempotency: true` (a key is honoured when sent), for the idempotency
// scenario: the same request is measured without a key and with a fresh key per request (each a
// claim and a kept answer). IDEM_STORE=redis keeps keys in the Redis at REDIS_URL under a prefix
// of this run's own (IDEM_PREFIX names it); otherwise in memory.
import { Module } from '@nestjs/common';
import { Int, MindoffApi, MindoffModule, MindoffVersions, type MindoffContext } from 'mindoff';
import { randomUUID } from 'node:crypto';
import { boot } from '../servers/common/boot';

@MindoffApi({
  urlName: 'bench__charge',
  name: 'Charge',
  method: 'POST',
  payloadSchema: { amount: Int, currency: String },
  payloadValidation: 'strict',
  limits: { request: null },
  idempotency: true,
})
class BenchChargeV1 {
  async run({ payload }: MindoffContext<{ amount: number; currency: string }>) {
    return { charge_id: 'ch_1', ...payload };
  }
}

const redis = process.env.IDEM_STORE === 'redis';
const store = redis
  ? {
      store: {
        redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        prefix: process.env.IDEM_PREFIX ?? `mindoff-bench:idem:${randomUUID()}`,
      },
    }
  : {};

@Module({
  imports: [
    MindoffModule.forRoot({
      idempotency: { ttl: (process.env.IDEM_TTL ?? '5m') as '5m', ...store },
    }),
    MindoffVersions.register({ 1: BenchChargeV1 }),
  ],
})
class IdempotencyBenchModule {}

void boot(IdempotencyBenchModule);
