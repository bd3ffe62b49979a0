import type { CanActivate, Type } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type {
  EnvelopeMode,
  MindoffApiDefaults,
  RateLimitHeaders,
  RateLimitRedis,
  RateLimitStorePolicy,
} from './mindoff-module-options.interface';
import type { QueueConnection, QueueEndpointName } from './mindoff-queue-options.interface';
import type { Rate } from './rate.interface';
import type { IdempotencyStore } from './idempotency-store.interface';

/** How long finished tasks are kept, in milliseconds. */
export interface QueueRetention {
  completedMs: number;
  /** Failed and cancelled tasks. */
  failedMs: number;
}

/** `MindoffQueueOptions` with every default applied (see `resolveOptions`). */
export interface ResolvedQueueOptions {
  connection?: QueueConnection;
  /** The `configKey` of the app's BullModule configuration to use (`''`: the default one). */
  useBullModule?: string;
  adminPermissions: Type<CanActivate>[];
  /** Unset only with `useBullModule` and no prefix given: the BullModule's, else `mindoff`. */
  prefix?: string;
  queueName: string;
  worker: boolean;
  concurrency: number;
  retention: QueueRetention;
  /** The embedded driver's memory budget, in bytes. */
  embeddedMaxBytes: number;
  streamTicketTtlSeconds: number;
  heartbeatSeconds: number;
  /** Unset: the strategies of the queue-mode APIs, known once they are discovered. */
  listAuth?: string[];
  /** Each task endpoint's own limit, parsed; `null` means none. */
  endpointLimits: Record<QueueEndpointName, Rate | null>;
  serializeUser: (user: unknown) => unknown;
  /** Without a trailing slash. */
  publicUrl?: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
  commandTimeoutMs: number;
}

/** `MindoffModuleOptions['rateLimit']` with every default applied. */
export interface ResolvedRateLimitOptions {
  storage?: ThrottlerStorage;
  redis?: RateLimitRedis;
  prefix: string;
  commandTimeoutMs: number;
  onStoreError: RateLimitStorePolicy;
  /** Failed authentications allowed per client address, parsed; `null` means not counted. */
  failedAuth: Rate | null;
  /** The rate-limit fields answers carry. */
  headers: RateLimitHeaders;
}

/** `MindoffModuleOptions['idempotency']` with every default applied. */
export interface ResolvedIdempotencyOptions {
  ttlMs: number;
  lockTtlMs: number;
  /** The app's own store; unset with `redis` or in memory. */
  store?: IdempotencyStore;
  redis?: RateLimitRedis;
  prefix: string;
  commandTimeoutMs: number;
  /** `memoryMaxMegabytes` in bytes: the bound of the in-memory store. */
  memoryMaxBytes: number;
}

/** Whether a proxy at `address`, `hop` hops from the server (0: the socket's peer), is trusted. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * `MindoffModuleOptions` as every part of mindoff reads them: each default applied once, at
 * startup, by `resolveOptions`.
 */
export interface ResolvedMindoffOptions {
  defaults: MindoffApiDefaults;
  responsesPath: string;
  rateLimit: ResolvedRateLimitOptions;
  /** `trustProxy` compiled: whether the hop `hop` away (0: the socket's peer) at `address` is trusted. */
  trustProxy: TrustProxy;
  hasCredentials: (request: { headers: Record<string, unknown> }) => boolean;
  userId: (user: unknown) => string | number | undefined;
  queue: ResolvedQueueOptions;
  envelope: EnvelopeMode;
  /** The request id header (as written on answers) and whether its incoming value is kept. */
  requestId: { header: string; trustHeader: boolean };
  /** Whether `GET /mindoff/apis/` serves the client route table. */
  clientManifest: boolean;
  idempotency: ResolvedIdempotencyOptions;
}
