import type { CanActivate, Type } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ValidationMode } from '../validation';
import type { MindoffQueueOptions } from './mindoff-queue-options.interface';
import type {
  DurationString,
  IdempotencyDeclaration,
  MindoffLimits,
} from './mindoff-api-options.interface';
import type { IdempotencyStore } from './idempotency-store.interface';
import type { MindoffRedisConnection } from './redis-connection.interface';

/**
 * Which plain (non-mindoff) routes answer in the envelope: those with `@MindoffEnvelope()`
 * (`'decorated'`), or every one (`'all'`).
 */
export type EnvelopeMode = 'decorated' | 'all';

/**
 * Redis for rate-limit counters (or idempotency keys): a URL, ioredis options (one node or
 * Sentinel), an ioredis client or `Cluster` to copy the settings of, or `{ cluster: nodes, options }`.
 * mindoff opens a client of its own with these settings.
 */
export type RateLimitRedis = MindoffRedisConnection;

/** What a request meets when the rate-limit store cannot answer: a 503, or no limit. */
export type RateLimitStorePolicy = 'fail-closed' | 'fail-open';

/**
 * Which rate-limit fields answers carry: `'draft-8'` the two structured fields of
 * draft-ietf-httpapi-ratelimit-headers -08 and later (`RateLimit-Policy`, `RateLimit`),
 * `'draft-6'` the three fields of -06 (`RateLimit-Limit`, `-Remaining`, `-Reset`), `false` none.
 */
export type RateLimitHeaders = 'draft-8' | 'draft-6' | false;

/** Defaults applied to every API that does not set the field itself. */
export interface MindoffApiDefaults {
  auth?: string[];
  permissions?: Type<CanActivate>[];
  payloadValidation?: ValidationMode | null;
  maxPayloadSize?: number | null;
  maxPayloadDepth?: number | null;
  limits?: MindoffLimits;
  idempotency?: boolean | IdempotencyDeclaration | null;
}

/** Where idempotency keys live: the app's own store, or Redis (shared by every instance). */
export type IdempotencyStoreOption =
  | IdempotencyStore
  | {
      /** A Redis URL or ioredis options. */
      redis: RateLimitRedis;
      /** Key prefix, followed by one `:`. Default `mindoff:idem:`. */
      prefix?: string;
      /** How long one call may take before the request is answered 503. Default 1000 ms. */
      commandTimeoutMs?: number;
    };

/** Options of idempotency keys (`forRoot({ idempotency })`), for every API that declares them. */
export interface MindoffIdempotencyOptions {
  /** How long an answer is kept for replay, unless the API says. Default `'24h'`. */
  ttl?: DurationString;
  /**
   * How long a claimed key stays locked without news from its request: renewed while `run()` is
   * alive, so this only decides how soon a key frees after its process died. Default `'30s'`.
   */
  lockTtl?: DurationString;
  /** Default: in memory (one process). */
  store?: IdempotencyStoreOption;
  /**
   * How much the keys kept in memory may take (keys, fingerprints and kept answers), in MB.
   * Beyond it the oldest answers are forgotten first, so a retry of one of them runs again, and
   * mindoff warns at most once a minute; a key whose request still runs is never forgotten.
   * Not used with `store`. Default 64.
   */
  memoryMaxMegabytes?: number;
}

/**
 * Options of `MindoffModule.forRoot()`.
 *
 * @example
 * MindoffModule.forRoot({ defaults: { limits: { request: '60/m' } }, rateLimit: { redis: 'redis://127.0.0.1:6379' } })
 */
export interface MindoffModuleOptions {
  /** API defaults (method-level fields win). */
  defaults?: MindoffApiDefaults;
  /** The app's response codes. Default `<cwd>/config/responses.csv`; a missing file means defaults only. */
  responsesPath?: string;
  /** Where rate-limit counters live: an in-memory O(1) store by default, Redis when `redis` is given. */
  rateLimit?: {
    /** Any @nestjs/throttler `ThrottlerStorage`; wins over `redis`. */
    storage?: ThrottlerStorage;
    /**
     * A Redis URL, ioredis options (Sentinel too), a `Cluster` or `{ cluster: nodes }`; counters
     * then hold across instances (on a Cluster each counter has its own hash tag, so they spread
     * over the shards). To use a client you already have as it is, pass
     * `storage: new RedisThrottlerStorage(client)` instead.
     */
    redis?: RateLimitRedis;
    /**
     * Key prefix in Redis, followed by one `:` as `queue.prefix` is (`'my-rl'` and `'my-rl:'` both
     * give `my-rl:<throttler>:{<key>}`). Default `mindoff:rl:`.
     */
    prefix?: string;
    /** How long one call to the store may take before `onStoreError` applies. Default 1000 ms. */
    commandTimeoutMs?: number;
    /**
     * When the store cannot be reached (or throws): `'fail-closed'` (default) answers
     * `RATE_LIMIT_UNAVAILABLE` 503 to requests that would be counted; `'fail-open'` lets them
     * through without limits. Either way it is logged once per outage.
     */
    onStoreError?: RateLimitStorePolicy;
    /**
     * Failed authentications allowed per client address before its requests with credentials
     * are refused `API_RATE_LIMITED` 429 (before the credentials are checked). Default `'10/m'`;
     * `null` or `false` stops counting them.
     */
    failedAuth?: `${number}/${'s' | 'm' | 'h' | 'd'}` | null | false;
    /**
     * The rate-limit fields of answers: `'draft-8'` (default) `RateLimit-Policy` and `RateLimit`,
     * `'draft-6'` `RateLimit-Limit`, `-Remaining` and `-Reset`, `false` none. `Retry-After` comes
     * with every 429 whatever this says.
     */
    headers?: RateLimitHeaders;
  };
  /**
   * Which proxies in front of the app are trusted, as express's `trust proxy` takes it: `true`
   * (every hop), the number of proxies (`1`), addresses or CIDR ranges as a list or a
   * comma-separated string (`'loopback, 10.0.0.0/8'`; also `'linklocal'`, `'uniquelocal'`), or
   * `(address, hop) => boolean`. The client address is then read from `X-Forwarded-For` (through
   * `proxy-addr`), and acknowledgment URLs may use `X-Forwarded-Proto` / `X-Forwarded-Host`.
   * Default `false`: the socket address, and relative task URLs unless `queue.publicUrl` is set.
   */
  trustProxy?:
    boolean | number | string | readonly string[] | ((address: string, hop: number) => boolean);
  /** Whether a request carries credentials (so a failed login is `AUTHENTICATION_FAILED`, not anonymous). */
  hasCredentials?: (request: { headers: Record<string, unknown> }) => boolean;
  /** The id used to rate-limit a user. Default `user.id ?? user.sub ?? user.userId ?? user.username`. */
  userId?: (user: unknown) => string | number | undefined;
  /** Queue mode: BullMQ on Redis when `connection` is set, an embedded in-process queue otherwise. */
  queue?: MindoffQueueOptions;
  /**
   * Which plain (non-mindoff) routes answer in the envelope: `'decorated'` (default) only those
   * with `@MindoffEnvelope()`, `'all'` every one; other routes answer exactly as without mindoff.
   */
  envelope?: EnvelopeMode;
  /**
   * Request ids: each request mindoff answers gets one, echoed in `header` (default
   * `X-Request-Id`), given to `run()` as `ctx.requestId`, stored with its task and written on its
   * log lines. An incoming `header` of 1–128 characters `[A-Za-z0-9._:-]` is kept unless
   * `trustHeader` is `false`; otherwise a new UUID is used.
   */
  requestId?: { header?: string; trustHeader?: boolean };
  /**
   * Serve the route table `mindoff/client` reads at `GET /mindoff/apis/` (after the global
   * prefix): each API version's method, served paths and mode, and where the task endpoints are.
   * Default `false` (not served). It lists every API's paths, as the OpenAPI document does.
   */
  clientManifest?: boolean;
  /** Idempotency keys: how long answers are kept, and where (see `MindoffIdempotencyOptions`). */
  idempotency?: MindoffIdempotencyOptions;
}
