import { join } from 'node:path';
import { hasAuthorizationHeader } from '../auth/authenticate';
import type {
  EnvelopeMode,
  MindoffModuleOptions,
} from '../interfaces/mindoff-module-options.interface';
import type {
  MindoffQueueOptions,
  QueueEndpointName,
} from '../interfaces/mindoff-queue-options.interface';
import type { Rate } from '../interfaces/rate.interface';
import type {
  QueueRetention,
  ResolvedMindoffOptions,
  ResolvedQueueOptions,
} from '../interfaces/resolved-mindoff-options.interface';
import {
  badClientManifest,
  badEndpointLimit,
  badEnvelopeMode,
  badQueueConcurrency,
  badRequestIdHeader,
  invalidEmbeddedBudget,
} from '../mindoff.messages';
import { prefixName } from '../throttling/key-prefix';
import { isClusterConnection } from '../redis/redis-topology';
import { isValidRate, parseRate } from '../throttling/rate';
import { resolveRateLimit } from './resolve-rate-limit';
import { resolveTrustProxy } from './resolve-trust-proxy';
import { resolveIdempotency } from './resolve-idempotency';
import { megabytes } from './megabytes';

/** How long finished tasks are kept unless `queue.retention` says otherwise. */
export const DEFAULT_RETENTION: QueueRetention = {
  completedMs: 24 * 3600 * 1000,
  failedMs: 7 * 24 * 3600 * 1000,
};

/** Each task endpoint's own limit per client unless `queue.endpointLimits` says otherwise. */
export const DEFAULT_ENDPOINT_LIMITS: Readonly<Record<QueueEndpointName, string>> = {
  detail: '120/m',
  list: '120/m',
  stream: '60/m',
  streamTicket: '60/m',
  cancel: '60/m',
  retry: '120/m',
};

const ENVELOPE_MODES: readonly EnvelopeMode[] = ['decorated', 'all'];
/** BullMQ's own default for both the worker lock and the stalled-task check. */
const BULLMQ_LOCK_MS = 30_000;

/**
 * Applies every default of the module options once and collects what is wrong with them; the
 * app stops at startup with all `problems` at once (see `resolvedOptionsProvider`).
 *
 * @example
 * const { options, problems } = resolveOptions({ queue: { concurrency: 8 } });
 * options.queue.retention.completedMs; // 86400000
 */
export function resolveOptions(given: MindoffModuleOptions): {
  options: ResolvedMindoffOptions;
  problems: string[];
} {
  const problems: string[] = [];
  const envelope: unknown = given.envelope ?? 'decorated';
  if (!(ENVELOPE_MODES as readonly unknown[]).includes(envelope)) {
    problems.push(badEnvelopeMode(envelope));
  }
  const userId = given.userId ?? defaultUserId;
  const options: ResolvedMindoffOptions = {
    defaults: given.defaults ?? {},
    responsesPath: given.responsesPath ?? join(process.cwd(), 'config', 'responses.csv'),
    rateLimit: resolveRateLimit(given.rateLimit ?? {}, problems),
    trustProxy: resolveTrustProxy(given.trustProxy, problems),
    hasCredentials: given.hasCredentials ?? hasAuthorizationHeader,
    userId,
    queue: resolveQueue(given.queue ?? {}, userId, problems),
    envelope: envelope as EnvelopeMode,
    requestId: resolveRequestId(given.requestId ?? {}, problems),
    clientManifest: given.clientManifest === true,
    idempotency: resolveIdempotency(given.idempotency ?? {}, problems),
  };
  if (given.clientManifest !== undefined && typeof given.clientManifest !== 'boolean') {
    problems.push(badClientManifest(given.clientManifest));
  }
  return { options, problems };
}

function resolveQueue(
  queue: MindoffQueueOptions,
  userId: (user: unknown) => string | number | undefined,
  problems: string[],
): ResolvedQueueOptions {
  const concurrency = queue.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    problems.push(badQueueConcurrency(concurrency));
  }
  return {
    connection: queue.connection,
    useBullModule:
      queue.useBullModule === true
        ? ''
        : typeof queue.useBullModule === 'string'
          ? queue.useBullModule
          : undefined,
    adminPermissions: queue.adminPermissions ?? [],
    prefix:
      queue.prefix !== undefined
        ? prefixName(queue.prefix)
        : queue.useBullModule
          ? undefined
          : isClusterConnection(queue.connection)
            ? '{mindoff}'
            : 'mindoff',
    queueName: queue.queueName ?? 'mindoff',
    worker: queue.worker !== false,
    concurrency,
    retention: {
      completedMs:
        (queue.retention?.completedSeconds ?? DEFAULT_RETENTION.completedMs / 1000) * 1000,
      failedMs: (queue.retention?.failedSeconds ?? DEFAULT_RETENTION.failedMs / 1000) * 1000,
    },
    embeddedMaxBytes: megabytes(queue.embeddedMaxMegabytes, 64, problems, invalidEmbeddedBudget),
    streamTicketTtlSeconds: queue.streamTicketTtlSeconds ?? 30,
    heartbeatSeconds: queue.heartbeatSeconds ?? 15,
    listAuth: queue.listAuth,
    endpointLimits: endpointLimits(queue.endpointLimits ?? {}, problems),
    serializeUser: queue.serializeUser ?? userAsJson(userId),
    publicUrl: queue.publicUrl?.replace(/\/+$/, ''),
    // 0 has always meant BullMQ's own default.
    lockDurationMs: queue.lockDurationMs || BULLMQ_LOCK_MS,
    stalledIntervalMs: queue.stalledIntervalMs || BULLMQ_LOCK_MS,
    commandTimeoutMs: queue.commandTimeoutMs ?? 5000,
  };
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function resolveRequestId(
  given: NonNullable<MindoffModuleOptions['requestId']>,
  problems: string[],
): ResolvedMindoffOptions['requestId'] {
  const header: unknown = given.header ?? 'X-Request-Id';
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
    problems.push(badRequestIdHeader(header));
    return { header: 'X-Request-Id', trustHeader: given.trustHeader !== false };
  }
  return { header, trustHeader: given.trustHeader !== false };
}

function endpointLimits(
  configured: NonNullable<MindoffQueueOptions['endpointLimits']>,
  problems: string[],
): Record<QueueEndpointName, Rate | null> {
  const names = Object.keys(DEFAULT_ENDPOINT_LIMITS) as QueueEndpointName[];
  return Object.fromEntries(
    names.map((name) => {
      const own: unknown = configured[name];
      if (own === undefined) return [name, parseRate(DEFAULT_ENDPOINT_LIMITS[name])];
      if (own === null) return [name, null];
      if (!isValidRate(own)) {
        problems.push(badEndpointLimit(name, own));
        return [name, null];
      }
      return [name, parseRate(own)];
    }),
  ) as Record<QueueEndpointName, Rate | null>;
}

/** The id a user is rate-limited by: `id`, `sub`, `userId` or `username`, or the user if a string. */
function defaultUserId(user: unknown): string | number | undefined {
  if (typeof user !== 'object' || user === null) return typeof user === 'string' ? user : undefined;
  const u = user as Record<string, unknown>;
  const id = u.id ?? u.sub ?? u.userId ?? u.username;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/** The user as a task stores it by default: as JSON, or `{ id }` when it cannot be written as JSON. */
function userAsJson(userId: (user: unknown) => string | number | undefined) {
  return (user: unknown): unknown => {
    try {
      return JSON.parse(JSON.stringify(user)) as unknown;
    } catch {
      const id = user === null || user === undefined ? undefined : userId(user);
      return { id: id === undefined ? null : `${id}` };
    }
  };
}
