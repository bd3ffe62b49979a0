/** Thrown at startup when declarations are wrong; lists every problem at once. */
export class MindoffConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `mindoff found ${problems.length} configuration problem(s); the app will not start until they are fixed:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'MindoffConfigurationError';
  }
}

export const notInVersionMap = (className: string): string =>
  `${className}: is declared with @MindoffApi but is not in a version map; register it with MindoffVersions.register({ 1: ${className} }) and import that module.`;

export const mixedUrlNames = (className: string, urlName: string, other: string): string =>
  `${className}: urlName '${urlName}' differs from '${other}' used by the other versions in its map; all versions of an API share one urlName.`;

export const duplicateUrlName = (className: string, urlName: string, other: string): string =>
  `${className}: urlName '${urlName}' is already used by ${other} in another version map; give each API its own urlName or add this class to that map as a new version.`;

export const bodyReadByOthers = (className: string, unframed: boolean): string =>
  `${className}: the request body was read by another parser before mindoff (e.g. app.use(express.json()), a custom body parser or a proxy middleware) ${
    unframed
      ? 'and it was sent without a Content-Length, so mindoff cannot prove its size limit held'
      : 'and no parsed JSON or raw bytes were left on the request'
  }; the request is refused rather than run with a lost body. Keep other parsers off mindoff routes (mindoff reads its bodies itself), or enable rawBody: true so the bytes are kept.`;

export const unknownResponseCode = (className: string, code: string): string =>
  `${className}: @MindoffResponseCodes names '${code}', which is neither a built-in code nor a row of the app's responses.csv; add a row for it (code,title,description,http_status) or fix the name.`;

export const badClientManifest = (value: unknown): string =>
  `MindoffModule: clientManifest must be true or false, got ${JSON.stringify(value)}.`;

export const badTrustProxy = (value: unknown, reason: string): string =>
  `MindoffModule: trustProxy ${typeof value === 'function' ? 'function' : JSON.stringify(value)} cannot be used (${reason}); set it as for express's 'trust proxy': true, the number of proxies in front (e.g. 1), or the proxies' addresses ('loopback', '10.0.0.0/8', ['127.0.0.1', 'fc00::/7']).`;

export const badQueueConcurrency = (value: unknown): string =>
  `MindoffModule: queue.concurrency ${String(value)} must be a whole number >= 1 (tasks run at once per process); use worker: false for a process that runs none.`;

export const invalidEmbeddedBudget = (value: unknown): string =>
  `MindoffModule: queue.embeddedMaxMegabytes ${String(value)} must be a number of megabytes > 0 (what the embedded queue's tasks may hold in memory, default 64).`;

export const badEndpointLimit = (name: string, value: unknown): string =>
  `MindoffModule: queue.endpointLimits.${name} ${JSON.stringify(value)} is not a rate; use 'N/s', 'N/m', 'N/h' or 'N/d' (e.g. '120/m'), or null for no limit.`;

export const badEnvelopeMode = (value: unknown): string =>
  `MindoffModule: envelope ${JSON.stringify(value)} is not an option; use 'decorated' (only routes with @MindoffEnvelope(), the default) or 'all' (every plain route).`;

export const embeddedQueueNotice = (): string =>
  'Queue-mode tasks run in this process and do not survive a restart; set MindoffModule.forRoot({ queue: { connection } }) to use BullMQ on Redis.';

export const redisRateLimitNotice = (): string => 'Rate-limit counters are kept in Redis.';

export const badRateLimitRedis = (value: unknown): string =>
  `MindoffModule: rateLimit.redis (${
    typeof value === 'object' && value !== null
      ? `a ${value.constructor?.name ?? 'prototype-less'} object`
      : JSON.stringify(value)
  }) is neither a Redis URL nor ioredis options; use e.g. 'redis://127.0.0.1:6379' or { host, port }, or pass your own client as storage: new RedisThrottlerStorage(client).`;

export const badRateLimitCommandTimeout = (value: unknown): string =>
  `MindoffModule: rateLimit.commandTimeoutMs ${String(value)} must be a number of milliseconds > 0 (how long a call to the rate-limit store may take), e.g. 1000.`;

export const badRateLimitStorePolicy = (value: unknown): string =>
  `MindoffModule: rateLimit.onStoreError ${JSON.stringify(value)} is not an option; use 'fail-closed' (answer 503 RATE_LIMIT_UNAVAILABLE while the store cannot be reached, the default) or 'fail-open' (let requests through without limits meanwhile).`;

export const badRateLimitHeaders = (value: unknown): string =>
  `MindoffModule: rateLimit.headers ${JSON.stringify(value) ?? String(value)} is not an option; use 'draft-8' (RateLimit-Policy and RateLimit, the current IETF draft, the default), 'draft-6' (RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset) or false (no rate-limit fields; Retry-After still comes with every 429).`;

export const badFailedAuthLimit = (value: unknown): string =>
  `MindoffModule: rateLimit.failedAuth ${JSON.stringify(value)} is not a rate; use 'N/s', 'N/m', 'N/h' or 'N/d' (e.g. '10/m'), or null to stop counting failed authentications.`;

export const rateLimitStoreDown = (failOpen: boolean, reason: string): string =>
  `The rate-limit store cannot be reached (${reason}); ${
    failOpen
      ? "requests proceed without rate limits (rateLimit.onStoreError: 'fail-open')"
      : 'rate-limited requests are answered 503 RATE_LIMIT_UNAVAILABLE'
  } until it answers again.`;

export const rateLimitStoreBack = (): string =>
  'The rate-limit store answers again; rate limits apply.';

export const rateLimitStoreTimeout = (ms: number): string =>
  `the rate-limit store did not answer within ${ms} ms (rateLimit.commandTimeoutMs)`;

export const rateLimitRedisUnreachable = (reason: string): string =>
  `Redis for rate limits is unreachable (${reason}); reconnecting, and logged again when it is back.`;

export const rateLimitRedisBack = (): string => 'Redis for rate limits is connected again.';

export const rateLimitRedisNotReady = (ms: number): string =>
  `Redis for rate limits was not ready within ${ms} ms of startup; the app starts anyway and rateLimit.onStoreError applies until it connects.`;

export const passportMissing = (): string =>
  "mindoff: an API declares `auth`, which uses passport strategies; install them with `npm install passport @nestjs/passport` and the strategy's package (e.g. passport-jwt).";

export const bullmqMissing = (): string =>
  'MindoffModule: queue.connection runs queue-mode tasks on BullMQ, which needs bullmq and ioredis; install them: npm install bullmq ioredis';

export const bullModuleMissing = (configKey: string): string =>
  `MindoffModule: queue.useBullModule${configKey ? ` '${configKey}'` : ''} found no BullModule configuration with a connection; import BullModule.forRoot(${configKey ? `'${configKey}', ` : ''}{ connection }) from @nestjs/bullmq in the root module, or give mindoff its own queue.connection.`;

export const ioredisMissing = (purpose: string): string =>
  `MindoffModule: ${purpose} needs ioredis; install it: npm install ioredis`;

export const terminusMissing = (): string =>
  'MindoffHealthIndicator reports to @nestjs/terminus, which is not installed; install it: npm install @nestjs/terminus';

export const healthNoQueue = (): string =>
  'this app has no queue: no MindoffVersions map holds a queue-mode API, so there is nothing to check; drop the queue health check or declare a queue-mode API.';

export const healthQueueUnreachable = (reason: string): string =>
  `the queue's broker did not answer (${reason}).`;

export const healthNoWorkerSeen = (withinSeconds: number, secondsAgo: number | null): string =>
  secondsAgo === null
    ? `no worker of this queue has been seen (expected one within ${withinSeconds} s); start a worker (queue.worker: true, or a worker process).`
    : `no worker of this queue has been seen for ${secondsAgo} s (expected one within ${withinSeconds} s); start a worker (queue.worker: true, or a worker process).`;

export const healthTaskWaitingTooLong = (ageSeconds: number, maxSeconds: number): string =>
  `the oldest waiting task has waited ${ageSeconds} s, over the ${maxSeconds} s allowed; add workers or concurrency.`;

export const healthRateLimitStoreUnreachable = (reason: string): string =>
  `the rate-limit store did not answer (${reason}).`;

export const duplicateContentType = (count: number): string =>
  `The request has ${count} Content-Type headers, so how to read its body is ambiguous; send exactly one: Content-Type: application/json.`;

export const missingContentType = (): string =>
  'The request has a body but no Content-Type header; send Content-Type: application/json.';

export const unsupportedCharset = (charset: string): string =>
  `The body is declared as charset ${JSON.stringify(charset)}; mindoff reads JSON bodies as UTF-8 only: encode it as UTF-8 and send charset=utf-8 (or no charset).`;

export const notUtf8 = (): string =>
  'The body is not valid UTF-8; encode it as UTF-8 (JSON bodies are UTF-8 text).';

export const uploadCutShort = (): string =>
  'The upload ended before the whole body arrived; send the complete body.';

export const uploadAborted = (method: string, url: string, received: number): string =>
  `${method} ${url}: the client aborted its upload after ${received} byte(s) of the body; nothing was run and nothing was answered.`;

export const queueDepthOverCeiling = (depth: number, ceiling: number): string =>
  `${depth} is deeper than a queued task can be stored safely (${ceiling} levels); lower it to ${ceiling} or less, or set null to take the queue's ceiling of ${ceiling}.`;

export const badRequestIdHeader = (header: unknown): string =>
  `MindoffModule: requestId.header ${JSON.stringify(header)} is not an HTTP header name; use letters, digits and '-', e.g. 'X-Request-Id'.`;

export const paramNotDeclared = (className: string, pattern: string, name: string): string =>
  `${className}: params does not declare ':${name}' of the pattern '${pattern}'; add params: { ${name}: String } (or Int, Number, Boolean, Literal(...)).`;

export const paramNotInPattern = (className: string, pattern: string, name: string): string =>
  `${className}: params.${name} is not a ':${name}' segment of the pattern '${pattern}'; every pattern of the version map must carry each declared parameter; add ':${name}' to the pattern or remove it from params.`;

export const duplicatePattern = (className: string, pattern: string, other: string): string =>
  `${className}: the pattern '${pattern}' is already served by ${other} at the same version; give one of them another path (MindoffVersions.register(..., { path })).`;

export const sunsetPassed = (className: string, sunset: string): string =>
  `${className}: this version is deprecated and its sunset date ${sunset} has passed; remove it from its version map or move the date.`;

export const appFilterBesideEnvelopeAll = (filterName: string): string =>
  `MindoffModule: envelope: 'all' answers every error of the app's routes in the envelope, but the app also registers the global exception filter ${filterName} (app.useGlobalFilters() or APP_FILTER), so errors would come in two shapes; bind ${filterName} to the controllers that need it with @UseFilters(${filterName}), or remove it, or keep envelope: 'decorated' and mark the enveloped controllers with @MindoffEnvelope().`;

export const redisClusterNodeGiven = (option: string, node: string): string =>
  `MindoffModule: ${option} names ${node}, one node of a Redis Cluster (it answers cluster_enabled:1), where only the keys whose slot that node holds would work. Give the Cluster instead: ${option}: { cluster: [{ host, port }] } or an ioredis new Cluster([...]).`;

export const redisCredentialsRefused = (option: string, reason: string): string =>
  `MindoffModule: the Redis of ${option} refused its credentials (${reason}). Set the ACL user and password it expects: rediss://user:password@host:port, or { username, password } in the ioredis options (redisOptions on a Cluster; sentinelPassword for the sentinels themselves).`;

export const redisEvictionPolicy = (option: string, node: string, policy: string): string =>
  `Redis of ${option} at ${node} has maxmemory-policy ${policy}: under memory pressure it may evict queue keys (jobs, locks) and lose tasks. Set maxmemory-policy noeviction on it (on a managed Redis, in its parameter group or settings).`;

export const queuePrefixUntagged = (prefix: string, queueName: string): string =>
  `MindoffModule: queue.prefix '${prefix}' with queueName '${queueName}' on a Redis Cluster puts the queue's keys in different slots, and BullMQ's scripts then fail with CROSSSLOT. Give the prefix a hash tag, e.g. queue.prefix: '{${prefix || 'mindoff'}}' (or leave it unset for '{mindoff}'), so every key of the queue is in one slot.`;
