import type { StandardSchemaV1 } from '../validation/standard-schema';
import type { JsonSchema, OpenApiDialect } from './json-schema';
import { mergeComponents, type SchemaComponents } from './schema-components';

/** What a custom converter gives back: the schema, and components its `$ref`s point into. */
export interface ConvertedStandardSchema {
  schema: unknown;
  components?: Record<string, unknown>;
}

/** A custom Standard Schema converter, as `SwaggerDocumentOptions.standardSchemaConverter` takes. */
export type StandardSchemaConverter = (
  schema: unknown,
  options: { schemaType: 'input' | 'output' },
) => ConvertedStandardSchema | undefined;

interface StandardJsonSchema {
  readonly vendor: string;
  readonly jsonSchema?: {
    readonly input?: (options: { target: string }) => unknown;
  };
}

/**
 * The JSON Schema of the input a Standard Schema accepts, from its own `~standard.jsonSchema`
 * (zod 4 has one), or from `converter` when given. Definitions move into `components` (renamed on a
 * clash) and their `$ref`s follow; a recursive root becomes the component `name`. A schema with no
 * JSON Schema form is described in words.
 *
 * @example
 * standardJsonSchema(z.object({ sku: z.string() }), 'CreateOrderV1ApiPayload', '3.1', components);
 */
export function standardJsonSchema(
  schema: StandardSchemaV1,
  name: string,
  dialect: OpenApiDialect,
  components: SchemaComponents,
  converter?: StandardSchemaConverter,
): JsonSchema {
  const custom = converter?.(schema, { schemaType: 'input' });
  if (custom) {
    const renamed = mergeComponents(components, custom.components ?? {});
    return renamed(custom.schema) as JsonSchema;
  }
  const standard = schema['~standard'] as unknown as StandardJsonSchema;
  const input = standard.jsonSchema?.input;
  if (!input)
    return { description: `Validated by ${standard.vendor}; it has no JSON Schema form.` };
  let converted: JsonSchema;
  try {
    converted = input({
      target: dialect === '3.1' ? 'draft-2020-12' : 'openapi-3.0',
    }) as JsonSchema;
  } catch (error) {
    return {
      description: `Validated by ${standard.vendor}; no JSON Schema form: ${(error as Error).message}`,
    };
  }
  const { $schema: _dialect, $defs, definitions, ...rest } = converted;
  const defs: Record<string, unknown> = {
    ...(definitions as Record<string, unknown> | undefined),
    ...($defs as Record<string, unknown> | undefined),
  };
  // A recursive schema points at its own root ('#'), which in a document means the document:
  // the root becomes a component of its own, named `name`.
  const own = `#/$defs/${name}`;
  const pointed = pointRootRefsAt(rest, own);
  if (pointed === rest) return mergeComponents(components, defs)(rest) as JsonSchema;
  return mergeComponents(components, { ...defs, [name]: pointed })({ $ref: own }) as JsonSchema;
}

/** `value` with every `$ref` to its root (`#`, `#/...`) pointed at `target`; `value` itself when none. */
function pointRootRefsAt(value: unknown, target: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => pointRootRefsAt(item, target));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const root =
      key === '$ref' &&
      typeof child === 'string' &&
      /^#(?:$|\/(?!\$defs\/|definitions\/))/.test(child);
    out[key] = root ? `${target}${(child as string).slice(1)}` : pointRootRefsAt(child, target);
    changed ||= out[key] !== child;
  }
  return changed ? out : value;
}
