import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { idempotencyKeyOf } from './idempotency-key';
import { ResponseCatalog } from '../responses';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { requestFingerprint } from './request-fingerprint';

// The collector, reachable without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap and the buffers outside it, after a full collection. */
function heldBytes(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const MB = 1024 * 1024;
const catalog = ResponseCatalog.fromRows();

/**
 * `count` first requests answered, their parts made as a request makes them: the key read from a
 * structured-field header, scoped as the gate scopes it, its fingerprint, and
 * the answer's envelope as JSON.
 */
async function answer(store: MemoryIdempotencyStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const payload = { amount: 1000 + i, currency: 'EUR' };
    const found = idempotencyKeyOf(`"${randomUUID()}"`) as { key: string };
    const key = `ip:203.0.113.${i % 250}\npayments__charge\n${found.key}`;
    const token = `${randomUUID()}:${i}`;
    const fingerprint = requestFingerprint({
      urlName: 'payments__charge',
      version: 1,
      params: {},
      query: {},
      payload,
    });
    await store.claim(key, fingerprint, token, 30_000);
    const data = { charge_id: `ch_${randomUUID()}`, ...payload };
    const body = JSON.stringify(catalog.envelope('SUCCESS', undefined, data).body);
    const outcome = { status: 200, body, object: true, contentType: 'application/json' };
    await store.complete(key, token, outcome, 86_400_000);
  }
}

describe('MemoryIdempotencyStore, measured', () => {
  it('holds, after a full collection, at most 1.5 times the maxBytes it counts against, however many keys arrive', async () => {
    const before = heldBytes();
    const store = new MemoryIdempotencyStore({ maxBytes: 8 * MB });
    // Three times as many answers as fit.
    await answer(store, Math.ceil((3 * 8 * MB) / 550));
    expect(store.bytes).toBeLessThanOrEqual(8 * MB);
    expect(store.bytes).toBeGreaterThan(7 * MB);
    const held = heldBytes() - before;
    expect(held).toBeLessThan(1.5 * 8 * MB);
    expect(store.size).toBeGreaterThan(0);
  });
});
