export const badIdempotencyField = (className: string, value: string): string =>
  `${className}: idempotency ${value} must be true, false or { required?: boolean, ttl?: '24h' }.`;

export const badIdempotencyTtl = (where: string, value: string): string =>
  `${where} ${value} must be a duration like '24h', '15m', '30s', '7d' or '500ms'.`;

export const idempotencyOnGet = (className: string): string =>
  `${className}: idempotency is declared on a GET API; a GET is safe to repeat already. Remove idempotency, or make the API POST, PUT, PATCH or DELETE.`;

export const badIdempotencyStore = (value: string): string =>
  `MindoffModule: idempotency.store ${value} must be a store (claim, renew, complete, release) or { redis: 'redis://host:6379' }.`;

export const badIdempotencyTimeout = (value: string): string =>
  `MindoffModule: idempotency.store.commandTimeoutMs ${value} must be a number of milliseconds above 0.`;

export const memoryIdempotencyBesideRedis = (classNames: string[], redisOption: string): string =>
  `${classNames.join(', ')} require an Idempotency-Key, but idempotency keys are kept in this process's memory while ${redisOption} uses Redis: other instances cannot see them, so a retry that reaches another instance runs again. Set idempotency.store: { redis: ... } in MindoffModule.forRoot().`;

export const idempotencyStoreFailed = (action: string, message: string): string =>
  `The idempotency store could not ${action}, tried 4 times over 2 s: ${message}. The request was answered; its key frees when its lock expires (idempotency.lockTtl).`;

export const idempotencyLockLost = (): string =>
  `An idempotency key's lock expired while its run() was still going (a slow store or a lockTtl too short for the renewal); another request may take the key. Raise idempotency.lockTtl.`;

export const badIdempotencyMemory = (value: string): string =>
  `MindoffModule: idempotency.memoryMaxMegabytes ${value} must be a number of megabytes above 0 (default 64), or keep keys in Redis with idempotency.store: { redis: 'redis://host:6379' }.`;

export const idempotencyAnswersForgotten = (count: number, maxBytes: number): string =>
  `${count} kept idempotency answer${count === 1 ? ' was' : 's were'} forgotten before their ttl to keep the keys in memory under idempotency.memoryMaxMegabytes (${Number((maxBytes / 1024 / 1024).toPrecision(3))}): a retry of one of them runs again. Raise idempotency.memoryMaxMegabytes, shorten idempotency.ttl, or keep keys in Redis (idempotency.store: { redis }).`;
