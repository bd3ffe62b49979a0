import type { CompiledApi } from '../registry/compiled-api';
import type { PayloadSchema } from '../validation';
import type { JsonSchema } from './json-schema';
import { payloadJsonSchema, type PayloadSchemaContext } from './payload.json-schema';

/** One OpenAPI parameter object. */
export interface ParameterObject {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

/**
 * The path and query parameters of one pattern of an API: each `:name` of the pattern (typed by
 * `params`, a string when undeclared) and each key of `query` (required unless `Optional`; a
 * `ListOf` key as a repeated parameter, `?tag=a&tag=b`).
 *
 * @example
 * urlParameters(api, ['order_id'], context); // [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer', ... } }]
 */
export function urlParameters(
  api: CompiledApi,
  pathNames: readonly string[],
  context: PayloadSchemaContext,
): ParameterObject[] {
  const declared = api.options.params
    ? objectSchema(api.options.params, `${api.className}Params`, context)
    : undefined;
  const parameters: ParameterObject[] = pathNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: declared?.properties?.[name] ?? { type: 'string' },
  }));
  if (api.options.query) {
    const query = objectSchema(
      api.options.query as PayloadSchema,
      `${api.className}Query`,
      context,
    );
    const required = new Set(query.required ?? []);
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const list = (schema as { type?: unknown }).type === 'array';
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        schema,
        ...(list ? { style: 'form' as const, explode: true } : {}),
      });
    }
  }
  return parameters;
}

interface ObjectSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** The JSON Schema of a params or query declaration, written out with every required key. */
function objectSchema(
  schema: PayloadSchema,
  name: string,
  context: PayloadSchemaContext,
): ObjectSchema {
  const written = payloadJsonSchema(schema, name, 'strict', context) as ObjectSchema & {
    $ref?: string;
  };
  if (written.$ref) {
    const component = written.$ref.split('/').pop() ?? '';
    return (context.components[component] ?? {}) as ObjectSchema;
  }
  return written;
}
