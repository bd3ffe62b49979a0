/**
 * The first word of a Redis reply error that says the Redis cannot serve the call right now (a
 * Cluster moving or missing a slot, a replica, a server loading its data, refused credentials),
 * not that the call was wrong: each is answered as an unreachable store (503), never a 500.
 */
const UNAVAILABLE_REPLIES = new Set([
  'MOVED',
  'ASK',
  'CLUSTERDOWN',
  'TRYAGAIN',
  'CROSSSLOT',
  'READONLY',
  'LOADING',
  'MASTERDOWN',
  'NOREPLICAS',
  'NOAUTH',
  'WRONGPASS',
  'NOPERM',
  'BUSY',
]);

/** What ioredis (or Redis inside a script) says when a connection or a topology fails. */
const UNAVAILABLE_MESSAGES = [
  'connection',
  'econnrefused',
  'econnreset',
  'etimedout',
  'ehostunreach',
  'epipe',
  "stream isn't writeable",
  'command timed out',
  'too many cluster redirections',
  "cluster isn't ready",
  'none of startup nodes',
  'failed to refresh slots cache',
  'all sentinels are unreachable',
  'non local key',
  'enableofflinequeue',
];

/**
 * Whether `error` means the Redis (single node, Sentinel or Cluster) cannot answer now: a lost or
 * refused connection, a timeout, or a topology reply (`MOVED`, `CLUSTERDOWN`, `READONLY`,
 * `LOADING`, `WRONGPASS`...), as opposed to a bug in the call.
 *
 * @example
 * isRedisUnavailable(new Error('CLUSTERDOWN The cluster is down')); // true
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const first = error.message.split(' ', 1)[0];
  if (UNAVAILABLE_REPLIES.has(first)) return true;
  const message = error.message.toLowerCase();
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

/** Whether `error` is Redis refusing the credentials (`WRONGPASS`, `NOAUTH`, `NOPERM`). */
export function isRedisAuthError(error: unknown): boolean {
  return error instanceof Error && /^(WRONGPASS|NOAUTH|NOPERM)\b/.test(error.message);
}
