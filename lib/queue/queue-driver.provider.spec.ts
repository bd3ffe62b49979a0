import { resolveOptions } from '../options/resolve-options';
import { queueDriverProvider } from './queue-driver.provider';
import type { ModuleRef } from '@nestjs/core';

describe('the queue driver on a Redis Cluster', () => {
  const onCluster = (queue: Record<string, unknown>) =>
    resolveOptions({
      queue: { connection: { cluster: [{ host: '127.0.0.1', port: 1 }] }, ...queue },
    }).options;

  it("tags the default prefix '{mindoff}', so every queue key is in one slot", () => {
    expect(onCluster({}).queue.prefix).toBe('{mindoff}');
    expect(resolveOptions({ queue: { connection: 'redis://h:6379' } }).options.queue.prefix).toBe(
      'mindoff',
    );
  });

  it('refuses a prefix without a hash tag at startup, saying the fix', async () => {
    await expect(
      queueDriverProvider.useFactory(onCluster({ prefix: 'app' }), {} as ModuleRef),
    ).rejects.toThrow(
      "MindoffModule: queue.prefix 'app' with queueName 'mindoff' on a Redis Cluster puts the queue's keys in different slots, and BullMQ's scripts then fail with CROSSSLOT. Give the prefix a hash tag, e.g. queue.prefix: '{app}'",
    );
  });

  it("refuses the BullModule's untagged prefix on a Cluster too", async () => {
    const shared = { connection: { cluster: [{ host: '127.0.0.1', port: 1 }] }, prefix: 'bull' };
    const moduleRef = { get: () => shared } as unknown as ModuleRef;
    const { options } = resolveOptions({ queue: { useBullModule: true } });
    await expect(queueDriverProvider.useFactory(options, moduleRef)).rejects.toThrow(
      "MindoffModule: queue.prefix 'bull' with queueName 'mindoff' on a Redis Cluster",
    );
  });
});
