import { API_METHODS, API_OPTION_KEYS, LIMIT_KEYS } from '../mindoff.constants';
import { queueDepthOverCeiling } from '../mindoff.messages';
import { isValidRate } from '../throttling';
import {
  checkSchemaDefinition,
  checkUrlSchemaDefinition,
  isDtoClass,
  isStandardSchema,
} from '../validation';
import { checkDeprecation } from './deprecation.check';
import { DEFAULT_MAX_PAYLOAD_MB, QUEUE_MAX_PAYLOAD_DEPTH } from './compiled-api';
import { checkFiles } from './files.check';
import { checkProgressSteps } from './progress-steps.check';
import { checkResponseSchema } from './response-schema.check';
import { show } from './show';
import { checkIdempotency } from '../idempotency/compiled-idempotency';

type Raw = Record<string, unknown>;

/** What the startup check needs to know beyond the declaration itself. */
export interface ApiCheckEnvironment {
  hasRun: boolean;
  isStrategy: (name: string) => boolean;
}

/**
 * Every problem in one `@MindoffApi()` declaration (already merged with the module defaults),
 * each naming the class, the field and the fix. Empty when the declaration is sound.
 */
export function checkApiConfig(className: string, raw: Raw, env: ApiCheckEnvironment): string[] {
  const problems: string[] = [];
  const fail = (field: string, text: string) => problems.push(`${className}: ${field} ${text}`);

  for (const key of Object.keys(raw)) {
    if (!(API_OPTION_KEYS as readonly string[]).includes(key)) {
      fail(key, `is not a @MindoffApi field; the fields are ${API_OPTION_KEYS.join(', ')}.`);
    }
  }
  if (!env.hasRun) fail('run()', 'is missing; add `async run(ctx: MindoffContext) { ... }`.');

  checkIdentity(raw, fail);
  if (
    !(API_METHODS as readonly string[]).includes(String(raw.method).toUpperCase()) ||
    typeof raw.method !== 'string'
  ) {
    fail(
      'method',
      `${show(raw.method)} is not allowed; use one of ${API_METHODS.map((m) => `'${m.toLowerCase()}'`).join(', ')}.`,
    );
  }
  if (
    raw.processMode !== undefined &&
    raw.processMode !== 'direct' &&
    raw.processMode !== 'queue'
  ) {
    fail('processMode', `${show(raw.processMode)} must be 'direct' or 'queue'.`);
  }
  checkAccess(raw, env, fail);
  checkPayload(raw, fail, (text) => problems.push(`${className}: ${text}`));
  checkLimits(raw.limits, fail);
  if (raw.allowDuplicateQueue !== undefined && typeof raw.allowDuplicateQueue !== 'boolean') {
    fail('allowDuplicateQueue', `${show(raw.allowDuplicateQueue)} must be true or false.`);
  }
  for (const text of checkProgressSteps(raw.progressSteps, raw.processMode ?? 'direct')) {
    fail('progressSteps', text);
  }
  for (const [field, text] of checkFiles(raw, DEFAULT_MAX_PAYLOAD_MB)) fail(field, text);
  checkUrlValues(raw, (text) => problems.push(`${className}: ${text}`));
  for (const text of checkResponseSchema(raw.responseSchema)) {
    problems.push(`${className}: ${text}`);
  }
  for (const text of checkDeprecation(raw.deprecated)) {
    problems.push(`${className}: deprecated${text.startsWith('.') ? '' : ' '}${text}`);
  }
  problems.push(...checkIdempotency(className, raw));
  return problems;
}

type Fail = (field: string, text: string) => void;

function checkIdentity(raw: Raw, fail: Fail): void {
  if (typeof raw.urlName !== 'string' || raw.urlName.trim() === '') {
    fail('urlName', "must be a non-empty string such as 'orders__create_order' (<app>__<api>).");
  } else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(raw.urlName) || /^_|_$|___/.test(raw.urlName)) {
    fail(
      'urlName',
      `'${raw.urlName}' must be <app>__<api> in letters, digits and underscores, e.g. 'orders__create_order'.`,
    );
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    fail('name', "must be a non-empty string such as 'Create Order'.");
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') {
    fail('description', `${show(raw.description)} must be a string (it may be empty).`);
  }
}

function checkAccess(raw: Raw, env: ApiCheckEnvironment, fail: Fail): void {
  if (raw.auth !== undefined) {
    if (!Array.isArray(raw.auth)) {
      fail('auth', `${show(raw.auth)} must be a list of passport strategy names, e.g. ['jwt'].`);
    } else {
      for (const name of raw.auth as unknown[]) {
        if (typeof name !== 'string' || name === '') {
          fail(
            'auth',
            `entry ${show(name)} must be a passport strategy name (a string), e.g. 'jwt'.`,
          );
        } else if (!env.isStrategy(name)) {
          fail(
            'auth',
            `'${name}' is not a registered passport strategy; provide a PassportStrategy(Strategy, '${name}') class in a module.`,
          );
        }
      }
    }
  }
  if (raw.permissions !== undefined) {
    if (!Array.isArray(raw.permissions)) {
      fail(
        'permissions',
        `${show(raw.permissions)} must be a list of CanActivate classes, e.g. [IsAuthenticated].`,
      );
    } else {
      for (const entry of raw.permissions as unknown[]) {
        const proto = typeof entry === 'function' ? (entry.prototype as Raw) : undefined;
        if (!proto || typeof proto.canActivate !== 'function') {
          fail(
            'permissions',
            `entry ${show(entry)} must be a class with canActivate(context), e.g. IsAuthenticated.`,
          );
        }
      }
    }
  }
}

function checkPayload(raw: Raw, fail: Fail, report: (text: string) => void): void {
  const mode = raw.payloadValidation;
  if (mode !== undefined && mode !== null && mode !== 'strict' && mode !== 'basic') {
    fail('payloadValidation', `${show(mode)} must be 'strict', 'basic' or null.`);
  }
  if (
    raw.payloadSchema !== undefined &&
    raw.payloadSchema !== null &&
    !isStandardSchema(raw.payloadSchema) &&
    !isDtoClass(raw.payloadSchema)
  ) {
    for (const text of checkSchemaDefinition(raw.payloadSchema)) report(text);
  }
  for (const field of ['maxPayloadSize', 'maxPayloadDepth'] as const) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    const ok = typeof value === 'number' && Number.isFinite(value) && value > 0;
    const whole = field === 'maxPayloadDepth' ? Number.isInteger(value) : true;
    if (!ok || !whole) {
      const unit =
        field === 'maxPayloadSize' ? 'megabytes, e.g. 2' : 'levels, a whole number, e.g. 5';
      fail(field, `${show(value)} must be a positive number of ${unit}, or null to disable.`);
    }
  }
  const depth = raw.maxPayloadDepth;
  if (raw.processMode === 'queue' && typeof depth === 'number' && depth > QUEUE_MAX_PAYLOAD_DEPTH) {
    fail('maxPayloadDepth', queueDepthOverCeiling(depth, QUEUE_MAX_PAYLOAD_DEPTH));
  }
}

function checkUrlValues(raw: Raw, report: (text: string) => void): void {
  if (raw.params !== undefined && raw.params !== null) {
    for (const text of checkUrlSchemaDefinition(raw.params, 'params')) report(text);
  }
  const query = raw.query;
  if (query !== undefined && query !== null && !isStandardSchema(query) && !isDtoClass(query)) {
    for (const text of checkUrlSchemaDefinition(query, 'query')) report(text);
  }
}

function checkLimits(limits: unknown, fail: Fail): void {
  if (limits === undefined) return;
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
    fail('limits', `${show(limits)} must be an object such as { request: '30/m' }.`);
    return;
  }
  for (const [key, value] of Object.entries(limits)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key)) {
      fail(`limits.${key}`, `is not a limit; the limits are ${LIMIT_KEYS.join(', ')}.`);
    } else if (key === 'queueStatusStream') {
      if (value !== null && !(Number.isInteger(value) && (value as number) >= 0)) {
        fail(
          'limits.queueStatusStream',
          `${show(value)} must be a whole number >= 0 (concurrent streams), or null.`,
        );
      }
    } else if (value !== null && !isValidRate(value)) {
      fail(
        `limits.${key}`,
        `${show(value)} must look like '<n>/<s|m|h|d>', e.g. '30/m', or be null.`,
      );
    }
  }
}
