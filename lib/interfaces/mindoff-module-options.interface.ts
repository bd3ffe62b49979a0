import type { CanActivate, Type } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ValidationMode } from '../validation';
import type { MindoffQueueOptions } from './mindoff-queue-options.interface';
import type { MindoffLimits } from './mindoff-api-options.interface';

/**
 * Which plain (non-mindoff) routes answer in the envelope: those with `@MindoffEnvelope()`
 * (`'decorated'`), or every one (`'all'`).
 */
export type EnvelopeMode = 'decorated' | 'all';

/** Defaults applied to every API that does not set the field itself. */
export interface MindoffApiDefaults {
  auth?: string[];
  permissions?: Type<CanActivate>[];
  payloadValidation?: ValidationMode | null;
  maxPayloadSize?: number | null;
  maxPayloadDepth?: number | null;
  limits?: MindoffLimits;
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
    /** A Redis URL; counters then hold across instances. */
    redis?: string;
    /** Key prefix in Redis. Default `mindoff:rl:`. */
    prefix?: string;
  };
  /**
   * Trust `X-Forwarded-For` for the client IP: `true` takes the left-most address, a number N
   * trusts N proxies (the N-th address from the right). Default `false` (the socket address).
   */
  trustProxy?: boolean | number;
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
}
