import type { IdempotencyDeclaration } from '../interfaces/mindoff-api-options.interface';
import { parseDuration } from './duration';
import { badIdempotencyField, badIdempotencyTtl, idempotencyOnGet } from './idempotency.messages';

/** An API's `idempotency`, resolved at startup. */
export interface CompiledIdempotency {
  /** Whether a request without a key is refused `IDEMPOTENCY_KEY_REQUIRED`. */
  readonly required: boolean;
  /** How long its answers are kept; null means the module's `idempotency.ttl`. */
  readonly ttlMs: number | null;
}

/** The compiled form of a declaration that passed {@link checkIdempotency}; null when off. */
export function compileIdempotency(
  declared: boolean | IdempotencyDeclaration | null | undefined,
): CompiledIdempotency | null {
  if (!declared) return null;
  if (declared === true) return { required: false, ttlMs: null };
  return {
    required: declared.required === true,
    ttlMs: declared.ttl === undefined ? null : parseDuration(declared.ttl),
  };
}

/** Every problem of an API's `idempotency` field (after the module defaults), each with its fix. */
export function checkIdempotency(
  className: string,
  raw: { idempotency?: unknown; method?: unknown },
): string[] {
  const declared = raw.idempotency;
  if (declared === undefined || declared === null || declared === false) return [];
  const problems: string[] = [];
  if (declared !== true) {
    const shape = declared as Record<string, unknown>;
    const known = typeof declared === 'object' && !Array.isArray(declared);
    if (!known || Object.keys(shape).some((key) => key !== 'required' && key !== 'ttl')) {
      return [badIdempotencyField(className, JSON.stringify(declared) ?? String(declared))];
    }
    if (shape.required !== undefined && typeof shape.required !== 'boolean') {
      problems.push(badIdempotencyField(className, `required ${JSON.stringify(shape.required)}`));
    }
    if (shape.ttl !== undefined && parseDuration(shape.ttl) === null) {
      problems.push(badIdempotencyTtl(`${className}: idempotency.ttl`, JSON.stringify(shape.ttl)));
    }
  }
  if (typeof raw.method === 'string' && raw.method.toUpperCase() === 'GET') {
    problems.push(idempotencyOnGet(className));
  }
  return problems;
}
