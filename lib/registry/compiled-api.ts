import type { CanActivate, Type } from '@nestjs/common';
import type { MindoffApiOptions, ProcessMode } from '../interfaces/mindoff-api-options.interface';
import type { MindoffApiDefaults } from '../interfaces/mindoff-module-options.interface';
import { parseRate, rateLimitPolicy, type RateLimitPolicy } from '../throttling';
import {
  compileFormFieldsCoercion,
  compilePayloadSchema,
  compileUrlValuesCheck,
  type FormFieldsCoercion,
  type PayloadCheck,
  type PayloadSchema,
  type ValidationMode,
} from '../validation';
import { compileDeprecation, type CompiledDeprecation } from './deprecation';
import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import { compileUploadRules, type UploadRules } from '../uploads/upload-rules';
import { compileResponseSerializer, type DataSerializer } from '../serialization';
import { compileIdempotency, type CompiledIdempotency } from '../idempotency/compiled-idempotency';

const MEGABYTE = 1024 * 1024;
const DEFAULT_REQUEST_LIMIT = '30/m';
/** `maxPayloadSize` (MB) when an API and the module defaults leave it unset. */
export const DEFAULT_MAX_PAYLOAD_MB = 10;
const DEFAULT_STREAM_LIMIT = 3;
/** `maxPayloadDepth` when an API and the module defaults leave it unset (the original's default). */
export const DEFAULT_MAX_PAYLOAD_DEPTH = 20;
/**
 * The deepest body a queue-mode API takes, even with `maxPayloadDepth: null`. A task is copied and
 * stored by recursive serialisers (the embedded driver's structured clone, BullMQ's JSON, the
 * dedup key), so a queued body stays well below where they run out of stack (about 2,000 levels
 * for a structured clone).
 */
export const QUEUE_MAX_PAYLOAD_DEPTH = 1000;

/**
 * The policy of the API's `limits[rule]` (`rate` unset: the default), named `<urlName>:<rule>` in
 * the rate-limit fields; null for no limit.
 */
function policyOf(
  urlName: string,
  rule: string,
  rate: string | null | undefined,
): RateLimitPolicy | null {
  return rate === null
    ? null
    : rateLimitPolicy(`${urlName}:${rule}`, parseRate(rate ?? DEFAULT_REQUEST_LIMIT));
}

/** One API version, resolved once at startup: everything the guard needs, with no reflection per request. */
export interface CompiledApi {
  readonly cls: Type<unknown>;
  readonly className: string;
  readonly urlName: string;
  readonly name: string;
  readonly description: string;
  readonly method: string;
  readonly processMode: ProcessMode;
  readonly auth: readonly string[];
  readonly permissions: readonly CanActivate[];
  /** `limits.request`, with its rate-limit fields written once. */
  readonly rate: RateLimitPolicy | null;
  /** Queue mode: per-task limits of the task endpoints, and concurrent status streams per owner. */
  readonly queueRates: {
    detail: RateLimitPolicy | null;
    cancel: RateLimitPolicy | null;
    retry: RateLimitPolicy | null;
  };
  readonly streamLimit: number | null;
  readonly maxPayloadBytes: number | null;
  readonly maxPayloadDepth: number | null;
  readonly validation: ValidationMode | null;
  readonly check: PayloadCheck | null;
  readonly hasSchema: boolean;
  /** The check of the path parameters (coerced, validated), when the API declares `params`. */
  readonly paramsCheck: PayloadCheck | null;
  /** The check of the query string, when the API declares `query`. */
  readonly queryCheck: PayloadCheck | null;
  /** What a deprecated version adds to every answer; null when it is not deprecated. */
  readonly deprecation: CompiledDeprecation | null;
  /** The file fields of a multipart API (`files`), compiled; null when it declares none. */
  readonly uploads: UploadRules | null;
  /** A multipart API's text fields typed as its shorthand payload says; null when none apply. */
  readonly coerceFormFields: FormFieldsCoercion | null;
  /** Writes the success envelope's `data` as `responseSchema` describes it; null when undeclared. */
  readonly serializeData: DataSerializer | null;
  /** How `Idempotency-Key` is honoured; null when the API does not declare `idempotency`. */
  readonly idempotency: CompiledIdempotency | null;
  readonly route: ApiRouteMetadata;
  readonly options: MindoffApiOptions;
}

/** Module defaults under the API's own fields (the API wins; limits merge key by key). */
export function mergeDefaults(
  options: MindoffApiOptions,
  defaults: MindoffApiDefaults = {},
): MindoffApiOptions {
  const merged = { ...defaults, ...options } as MindoffApiOptions;
  if (defaults.limits || options.limits) merged.limits = { ...defaults.limits, ...options.limits };
  return merged;
}

/** Builds the compiled form of an API whose (merged) declaration passed the startup check. */
export function compileApi(
  cls: Type<unknown>,
  options: MindoffApiOptions,
  route: ApiRouteMetadata,
  permissions: CanActivate[],
): CompiledApi {
  const { urlName, limits } = options;
  const size =
    options.maxPayloadSize === undefined ? DEFAULT_MAX_PAYLOAD_MB : options.maxPayloadSize;
  const validation = options.payloadValidation ?? null;
  const schema = options.payloadSchema ?? null;
  return {
    cls,
    className: cls.name,
    urlName: options.urlName,
    name: options.name,
    description: options.description ?? '',
    method: options.method.toUpperCase(),
    processMode: options.processMode ?? 'direct',
    auth: options.auth ?? [],
    permissions,
    rate: policyOf(urlName, 'request', limits?.request),
    queueRates: {
      detail: policyOf(urlName, 'queueDetail', limits?.queueDetail),
      cancel: policyOf(urlName, 'queueCancel', limits?.queueCancel),
      retry: policyOf(urlName, 'queueRetry', limits?.queueRetry),
    },
    streamLimit:
      options.limits?.queueStatusStream === undefined
        ? DEFAULT_STREAM_LIMIT
        : options.limits.queueStatusStream,
    maxPayloadBytes: size === null ? null : Math.floor(size * MEGABYTE),
    maxPayloadDepth: depthLimit(options),
    validation,
    check: validation && schema ? compilePayloadSchema(schema as PayloadSchema, validation) : null,
    hasSchema: schema !== null,
    paramsCheck: options.params
      ? compileUrlValuesCheck('params', options.params, { mode: 'strict', refuseUnknown: false })
      : null,
    queryCheck: options.query
      ? compileUrlValuesCheck('query', options.query as PayloadSchema, {
          mode: 'strict',
          refuseUnknown: validation === 'strict',
        })
      : null,
    deprecation: compileDeprecation(options.deprecated),
    uploads: compileUploadRules(options.files, size),
    coerceFormFields: options.files
      ? compileFormFieldsCoercion(schema as PayloadSchema | null)
      : null,
    serializeData: options.responseSchema
      ? compileResponseSerializer(options.responseSchema, cls.name)
      : null,
    idempotency: compileIdempotency(options.idempotency),
    route,
    options,
  };
}

/** The declared depth limit, the default when unset, or the queue's ceiling when queue mode turns it off. */
function depthLimit(options: MindoffApiOptions): number | null {
  const declared =
    options.maxPayloadDepth === undefined ? DEFAULT_MAX_PAYLOAD_DEPTH : options.maxPayloadDepth;
  return declared === null && options.processMode === 'queue' ? QUEUE_MAX_PAYLOAD_DEPTH : declared;
}
