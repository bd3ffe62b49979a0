import type { ApiMethod } from './interfaces/mindoff-api-options.interface';

/** Metadata key written by `@MindoffApi()` on an API class. */
export const MINDOFF_API_METADATA = 'mindoff:api';
/** Metadata key written by `MindoffVersions.register()`: the route of one API version. */
export const MINDOFF_ROUTE_METADATA = 'mindoff:route';
/** Where the pipeline leaves the per-request context on the request object. */
export const MINDOFF_CONTEXT = Symbol('mindoff:context');
/** Marks a request whose body mindoff reads itself (so the framework's parsers skip it). */
/** Metadata key on a route handler (and fastify route config key): the class mindoff serves there. */
export const MINDOFF_ROUTE_CLASS = 'mindoff:route-class';
/** Injection token of the app's `ResponseCatalog`. */
export const MINDOFF_CATALOG = Symbol('mindoff:catalog');
/** Metadata key written by `@MindoffResponseCodes()`: the codes an API's `run()` may answer. */
export const MINDOFF_RESPONSE_CODES_METADATA = 'mindoff:response-codes';
/** Metadata key on the controller of the task endpoints (so routing finds where they are served). */
export const MINDOFF_TASK_ENDPOINTS = 'mindoff:task-endpoints';

/** The fields `@MindoffApi()` accepts; anything else is reported at startup as a typo. */
export const API_OPTION_KEYS = [
  'urlName',
  'name',
  'description',
  'method',
  'processMode',
  'auth',
  'permissions',
  'params',
  'query',
  'payloadSchema',
  'payloadValidation',
  'files',
  'responseSchema',
  'maxPayloadSize',
  'maxPayloadDepth',
  'limits',
  'allowDuplicateQueue',
  'progressSteps',
  'deprecated',
  'idempotency',
] as const;

export const LIMIT_KEYS = [
  'request',
  'queueDetail',
  'queueStatusStream',
  'queueCancel',
  'queueRetry',
] as const;

export const API_METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
] as const satisfies readonly Uppercase<ApiMethod>[];
/** Methods whose body is never read or validated (as in the original). */
export const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);

/** Injection token of the `ResolvedMindoffOptions`: the module options with every default applied. */
export const MINDOFF_RESOLVED_OPTIONS = Symbol('mindoff:resolved-options');
/**
 * Injection token of whether queue-mode APIs run in the request like direct ones. `false` in an
 * app; the testing kit overrides it for `createTestApp(module, { queue: 'direct' })`.
 */
export const MINDOFF_RUN_INLINE = Symbol('mindoff:run-inline');
