import type { PayloadSchema, ValidationMode } from '../validation';
import { isDtoClass, type DtoClass } from '../validation/dto-class';
import { isStandardSchema } from '../validation/standard-schema';
import { dtoJsonSchema } from './dto-class.json-schema';
import type { JsonSchema, OpenApiDialect } from './json-schema';
import type { SchemaComponents } from './schema-components';
import { shorthandJsonSchema } from './shorthand.json-schema';
import { standardJsonSchema, type StandardSchemaConverter } from './standard-schema.json-schema';

/** What writing a payload schema needs from the document being built. */
export interface PayloadSchemaContext {
  dialect: OpenApiDialect;
  components: SchemaComponents;
  standardSchemaConverter?: StandardSchemaConverter;
  /** Whether a DTO class carries @nestjs/swagger model metadata, so swagger describes it. */
  isSwaggerModel(cls: DtoClass): boolean;
}

/**
 * The JSON Schema of any `payloadSchema`: the shorthand, a Standard Schema (zod 4...) or a DTO
 * class (described by @nestjs/swagger when it has `@ApiProperty()`s, else from class-validator).
 * `name` names the component of a schema that must become one (a recursive Standard Schema).
 *
 * @example
 * payloadJsonSchema({ sku: String }, 'CreateOrderV1ApiPayload', 'strict', context); // { type: 'object', ... }
 */
export function payloadJsonSchema(
  schema: PayloadSchema,
  name: string,
  mode: ValidationMode | null,
  context: PayloadSchemaContext,
): JsonSchema {
  const { dialect, components } = context;
  const strict = mode === 'strict';
  if (isStandardSchema(schema)) {
    return standardJsonSchema(schema, name, dialect, components, context.standardSchemaConverter);
  }
  if (isDtoClass(schema)) {
    return context.isSwaggerModel(schema)
      ? { $ref: `#/components/schemas/${schema.name}` }
      : dtoJsonSchema(schema, { strict, dialect }, components);
  }
  return shorthandJsonSchema(schema, { strict, dialect });
}
