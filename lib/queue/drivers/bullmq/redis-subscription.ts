import type { Redis } from 'ioredis';
import type { ConnectionRules } from '../../../redis/open-redis';

/**
 * Options for a connection that {@link subscribeOnEveryConnection} subscribes: ioredis' own
 * resubscription is off, because it sends SUBSCRIBE after a reconnection without handling the
 * reply's promise, so a connection lost again (or closed) before the reply rejects it unhandled
 * ("Connection is closed."), which by default ends a Node process. On a Cluster the rule is its
 * nodes'; ioredis' Cluster moves its own subscriber connection to another node (catching the
 * replies), and the subscription made again on `ready` is harmless there.
 */
export const SUBSCRIBER_OPTIONS: ConnectionRules = { autoResubscribe: false };

/**
 * Subscribes `client` (opened with {@link SUBSCRIBER_OPTIONS}) to `channel` each time it is
 * connected and ready, the first time and after every reconnection (connecting it when it is
 * lazy); a subscription lost with its connection is made again by the next one, so its failure
 * is ignored.
 */
export function subscribeOnEveryConnection(client: Redis, channel: string): void {
  const subscribe = () => void client.subscribe(channel).catch(() => undefined);
  client.on('ready', subscribe);
  if (client.status === 'ready') subscribe();
  // A lazy connection (`lazyConnect` in the app's options) waits for a first command otherwise.
  else if (client.status === 'wait') void client.connect().catch(() => undefined);
}
