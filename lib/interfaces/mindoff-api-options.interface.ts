import type { CanActivate, Type } from '@nestjs/common';
import type { DictShorthand, PayloadSchema, ValidationMode } from '../validation';

/** The shape `params` takes: a dict shorthand of scalar schemas (`{ order_id: Int }`). */
export type ParamsSchema = DictShorthand;

/** One of the methods an API can declare (case-insensitive). */
export type ApiMethod =
  'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `direct` runs `run()` in the request; `queue` runs it as a background task. */
export type ProcessMode = 'direct' | 'queue';

/** A rate such as `'30/m'`: N requests per second, minute, hour or day. */
export type RateString = `${number}/${'s' | 'm' | 'h' | 'd'}`;

/** Per-API limits; `null` switches one off. */
export interface MindoffLimits {
  /** Requests to the API per user (or client IP when anonymous). Default `'30/m'`. */
  request?: RateString | null;
  /** Queue mode: detail requests per task. Default `'30/m'`. */
  queueDetail?: RateString | null;
  /** Queue mode: concurrent status streams per owner. Default `3`. */
  queueStatusStream?: number | null;
  /** Queue mode: cancel requests per task. Default `'30/m'`. */
  queueCancel?: RateString | null;
  /** Queue mode: retry requests per task. Default `'30/m'`. */
  queueRetry?: RateString | null;
}

/**
 * One file field of a multipart API (`files: { avatar: { ... } }`). Sizes are MB (MiB), counted on
 * bytes read; the whole request (fields and files) still counts against `maxPayloadSize`.
 */
export interface FileFieldRule {
  /** Largest file under this field, in MB. Default: the API's `maxPayloadSize`. */
  maxSize?: number;
  /**
   * Accepted content types (`['image/png', 'image/jpeg']`, or a family: `'image/*'`), checked on
   * the part's declared type and, for types with a known signature (png, jpeg, gif, webp, pdf), on
   * the file's first bytes. Default: any type.
   */
  types?: string[];
  /** Most files sent under this field. Default 1. */
  maxCount?: number;
  /** Whether at least one file must be sent under this field. Default `true`. */
  required?: boolean;
}

/** The file fields a multipart API accepts, by form field name. */
export type FilesDeclaration = Record<string, FileFieldRule>;

/**
 * Marks an API version deprecated: `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link`
 * headers on every answer of the version, `deprecated: true` in OpenAPI.
 */
export interface DeprecationOptions {
  /** ISO date (`'2026-12-01'`) since when the version is deprecated; sent as `Deprecation: @<seconds>`. */
  since?: string;
  /** ISO date (`'2027-06-30'`) after which the version may stop answering; sent as `Sunset`. */
  sunset?: string;
  /** A page about the deprecation; sent as `Link: <url>; rel="deprecation"`. */
  link?: string;
}

/** A queue-mode progress checkpoint: a label and the percent reached (1..99). */
export interface ProgressStep {
  label: string;
  percent: number;
}

/**
 * Everything one managed API declares.
 *
 * @example
 * @MindoffApi({ urlName: 'orders__create_order', name: 'Create Order', method: 'POST',
 *   payloadSchema: { customer_id: String }, payloadValidation: 'strict' })
 */
export interface MindoffApiOptions<
  S extends PayloadSchema | undefined = PayloadSchema | undefined,
  P extends ParamsSchema | undefined = ParamsSchema | undefined,
  Q extends PayloadSchema | undefined = PayloadSchema | undefined,
  R extends PayloadSchema | undefined = PayloadSchema | undefined,
> {
  /** Route name `<app>__<api>`; also the rate-limit group shared by all versions. */
  urlName: string;
  /** Human name, e.g. `Create Order`. */
  name: string;
  /** Free text shown in docs. */
  description?: string;
  /** The one HTTP method this API answers; any other gets `INVALID_METHOD` (405). */
  method: ApiMethod;
  /** Default `'direct'`. */
  processMode?: ProcessMode;
  /** Passport strategy names tried in order; the first that authenticates wins. */
  auth?: string[];
  /** Nest `CanActivate` classes that must all allow the request. */
  permissions?: Type<CanActivate>[];
  /** The accepted body: the shorthand (`{ sku: String, qty: Int }`) or any Standard Schema (zod 4...). */
  payloadSchema?: S | null;
  /**
   * The path parameters of the version map's patterns (`orders/:order_id`), typed with the same
   * shorthand (`{ order_id: Int }`): strings coerced for `Int`, `Number`, `Boolean` and literals.
   */
  params?: P | null;
  /**
   * The query string (`{ page: Optional(Int) }`): the shorthand (strings coerced; a repeated key
   * is an array only under `ListOf`), a Standard Schema or a DTO class.
   */
  query?: Q | null;
  /**
   * Multipart file fields (POST/PUT/PATCH, direct mode): the API then reads `multipart/form-data`,
   * its text fields are the payload and its files arrive in `ctx.files`, held in memory.
   */
  files?: FilesDeclaration | null;
  /**
   * The `data` of the success envelope: what `run()` must return (checked by the compiler),
   * documented in OpenAPI and serialised by a compiled serializer (undeclared keys are dropped).
   */
  responseSchema?: R | null;
  /** `'strict'` requires every declared key, `'basic'` only checks present keys, `null` skips validation. */
  payloadValidation?: ValidationMode | null;
  /** Largest body in MB (MiB), counted on bytes read. Default 10; `null` disables. */
  maxPayloadSize?: number | null;
  /**
   * Deepest nesting of the whole body (`{ a: { b: 1 } }` is 2). Default 20; `null` turns it off
   * (queue-mode APIs still refuse bodies deeper than 1,000 levels, the most a task is stored at).
   */
  maxPayloadDepth?: number | null;
  limits?: MindoffLimits;
  /** Queue mode: when false, an identical in-flight request returns the first task. */
  allowDuplicateQueue?: boolean;
  /** Queue mode: named progress checkpoints with strictly increasing percents. */
  progressSteps?: Record<string, ProgressStep> | null;
  /** This version is deprecated: `true`, or when and where to read about it. */
  deprecated?: boolean | DeprecationOptions;
  /**
   * Honour an `Idempotency-Key` header: `true` (a key is optional) or `{ required: true, ttl: '24h' }`.
   * A repeated request with the same key gets the first answer again instead of a second `run()`.
   */
  idempotency?: boolean | IdempotencyDeclaration | null;
}

/** A duration such as `'24h'`, `'15m'`, `'30s'`, `'7d'` or `'500ms'`. */
export type DurationString = `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/** The full form of an API's `idempotency` field. */
export interface IdempotencyDeclaration {
  /** Whether a request without an `Idempotency-Key` is refused `IDEMPOTENCY_KEY_REQUIRED` (400). Default `false`. */
  required?: boolean;
  /** How long an answer is kept for replay. Default: the module's `idempotency.ttl` (`'24h'`). */
  ttl?: DurationString;
}
