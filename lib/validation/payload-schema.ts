import { compileDtoClass, isDtoClass, type DtoClass } from './dto-class';
import type { ValidationMode } from './payload-validator.interface';
import type { ShorthandSchema } from './schema.types';
import { compileShorthand } from './shorthand.compiler';
import {
  compileStandardSchema,
  isStandardSchema,
  type PayloadCheck,
  type StandardSchemaV1,
} from './standard-schema';

/** What `payloadSchema` accepts: mindoff's shorthand, any Standard Schema (zod 4...), or a class-validator DTO class. */
export type PayloadSchema = ShorthandSchema | StandardSchemaV1 | DtoClass;

/**
 * Compiles a payload schema once, at startup, into the check the pipeline runs per request.
 *
 * @example
 * const check = compilePayloadSchema({ sku: String, qty: Int }, 'strict');
 */
export function compilePayloadSchema(schema: PayloadSchema, mode: ValidationMode): PayloadCheck {
  if (isStandardSchema(schema)) return compileStandardSchema(schema);
  if (isDtoClass(schema)) return compileDtoClass(schema, mode);
  const validator = compileShorthand(schema as ShorthandSchema, { mode });
  return (value) => {
    const issues = validator.validate(value);
    return issues === null ? { value } : { issues };
  };
}
