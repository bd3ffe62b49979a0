import type { CompiledApi } from '../registry/compiled-api';

/** The OpenAPI header parameter `Idempotency-Key` of an API that declares `idempotency`. */
export interface IdempotencyKeyParameter {
  name: 'Idempotency-Key';
  in: 'header';
  required: boolean;
  description: string;
  schema: { type: 'string'; minLength: 1; maxLength: 255 };
}

/**
 * The `Idempotency-Key` header of an API that declares `idempotency` (required or not), as one
 * OpenAPI parameter; none for an API that does not.
 *
 * @example
 * idempotencyKeyParameters(api); // [{ name: 'Idempotency-Key', in: 'header', required: true, ... }]
 */
export function idempotencyKeyParameters(
  api: Pick<CompiledApi, 'idempotency'>,
): IdempotencyKeyParameter[] {
  if (!api.idempotency) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: api.idempotency.required,
      description:
        'A key of your choice (1 to 255 printable ASCII characters, e.g. a UUID) that makes a retry safe: a repeat of the same request with the same key gets the first answer again (marked Idempotent-Replayed: true) instead of running twice.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
  ];
}
