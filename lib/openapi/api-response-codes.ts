import { BODYLESS_METHODS } from '../mindoff.constants';
import { AllowAny } from '../permissions/allow-any.permission';
import type { CompiledApi } from '../registry/compiled-api';
import { formCodes } from './form.response-codes';
import { megabytes } from './megabytes';

/** A code an API can answer with, and when it does. */
export interface ApiResponseCode {
  code: string;
  when: string;
}

/** The parts of a compiled API that decide which codes it can answer. */
export type ResponseCodeInputs = Pick<
  CompiledApi,
  | 'method'
  | 'processMode'
  | 'auth'
  | 'permissions'
  | 'rate'
  | 'maxPayloadBytes'
  | 'maxPayloadDepth'
  | 'validation'
  | 'hasSchema'
> &
  Partial<Pick<CompiledApi, 'uploads' | 'idempotency'>>;

/**
 * Every code the pipeline can answer for `api`, in pipeline order, plus the app's own `declared`
 * codes (from `@MindoffResponseCodes`) after the success code. A pure function of the compiled
 * declaration: no catalog, no app.
 *
 * @example
 * responseCodesFor(api).map((c) => c.code);
 * // ['SUCCESS', 'INVALID_METHOD', 'API_RATE_LIMITED', 'PAYLOAD_TOO_LARGE', ..., 'UNEXPECTED_ERR']
 */
export function responseCodesFor(
  api: ResponseCodeInputs,
  declared: readonly string[] = [],
): ApiResponseCode[] {
  const codes: ApiResponseCode[] = [];
  const add = (code: string, when: string) => {
    const known = codes.find((c) => c.code === code);
    if (known) known.when = `${known.when}, or ${when}`;
    else codes.push({ code, when });
  };
  if (api.processMode === 'queue') add('QUEUED', 'the task was queued');
  else add('SUCCESS', 'run() returned a plain value, sent as data');
  for (const code of declared) {
    if (!codes.some((c) => c.code === code)) add(code, 'answered by the API');
  }
  const gated = !allowsAnyone(api);
  if (api.auth.length > 0) {
    add('API_RATE_LIMITED', 'too many failed authentications from the client address');
    add('AUTHENTICATION_FAILED', 'credentials were sent and no auth strategy accepted them');
    if (gated) add('NOT_AUTHENTICATED', 'no credentials were sent and a permission needs a user');
  }
  if (gated) add('PERMISSION_DENIED', 'a permission refused the request');
  add('INVALID_METHOD', `the method is not ${api.method}`);
  if (api.rate) add('API_RATE_LIMITED', `more than ${api.rate.source} requests per user or IP`);
  if (api.rate || api.auth.length > 0) {
    add('RATE_LIMIT_UNAVAILABLE', 'the rate-limit store cannot answer (rateLimit.onStoreError)');
  }
  if (!BODYLESS_METHODS.has(api.method)) payloadCodes(api, add);
  if (api.idempotency) idempotencyCodes(api.idempotency.required, add);
  if (api.processMode === 'queue') {
    add('QUEUE_SERVICE_UNAVAILABLE', 'the queue cannot take the task now');
  }
  add('UNEXPECTED_ERR', 'an unexpected error (logged on the server, never sent)');
  return codes;
}

/** Whether every permission of `api` lets anyone through (none, or only `AllowAny`). */
export function allowsAnyone(api: Pick<CompiledApi, 'permissions'>): boolean {
  return api.permissions.every((permission) => permission instanceof AllowAny);
}

function payloadCodes(api: ResponseCodeInputs, add: (code: string, when: string) => void): void {
  if (api.uploads) formCodes(api.maxPayloadBytes, add);
  else jsonCodes(api.maxPayloadBytes, add);
  if (api.maxPayloadDepth !== null) {
    add('INVALID_PAYLOAD', `the body is nested deeper than ${api.maxPayloadDepth} level(s)`);
  }
  if (api.validation !== null && api.hasSchema) {
    add('INVALID_PAYLOAD', 'the body does not match the schema (every issue in data)');
  } else if (api.validation !== null) {
    add('PAYLOAD_NOT_ALLOWED', 'a non-empty body was sent; this API takes none');
  }
}

function jsonCodes(
  maxPayloadBytes: number | null,
  add: (code: string, when: string) => void,
): void {
  if (maxPayloadBytes !== null) {
    add('PAYLOAD_TOO_LARGE', `the body is over ${megabytes(maxPayloadBytes)} MB`);
  }
  add(
    'UNSUPPORTED_MEDIA_TYPE',
    'the body is not declared application/json (no Content-Type, another type, or a charset other than utf-8)',
  );
  add(
    'MALFORMED_PAYLOAD',
    'the body is not valid JSON, not valid UTF-8, or came with two Content-Type headers',
  );
}

function idempotencyCodes(required: boolean, add: (code: string, when: string) => void): void {
  if (required) add('IDEMPOTENCY_KEY_REQUIRED', 'no Idempotency-Key header was sent');
  add(
    'IDEMPOTENCY_KEY_INVALID',
    'the Idempotency-Key is empty, over 255 characters or not printable ASCII',
  );
  add(
    'IDEMPOTENCY_KEY_IN_USE',
    'a request with this Idempotency-Key is still running (Retry-After)',
  );
  add('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
  add('IDEMPOTENCY_UNAVAILABLE', 'the idempotency store cannot answer (Retry-After)');
}
