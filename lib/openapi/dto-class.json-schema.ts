import 'reflect-metadata';
import type { DtoClass } from '../validation/dto-class';
import { ARRAY_KEYWORDS, CLASS_VALIDATOR_KEYWORDS } from './class-validator.keywords';
import { loadDtoMetadata, type DtoMetadata, type Rule } from './class-validator.metadata';
import { orNull, type JsonSchema, type OpenApiDialect } from './json-schema';
import { mergeComponents, type SchemaComponents } from './schema-components';

/** How a DTO is written out: strict mode requires every property without `@IsOptional()`. */
export interface DtoJsonSchemaOptions {
  strict: boolean;
  dialect: OpenApiDialect;
}

const DESIGN_TYPES = new Map<unknown, JsonSchema>([
  [String, { type: 'string' }],
  [Number, { type: 'number' }],
  [Boolean, { type: 'boolean' }],
  [Array, { type: 'array' }],
  [Date, { type: 'string', format: 'date-time' }],
]);

/**
 * The JSON Schema of a class-validator DTO, read from its validation metadata: each class becomes
 * a component named after it (nested `@ValidateNested` classes too, through class-transformer's
 * `@Type`), and the result is a `$ref` to the DTO's component.
 *
 * @example
 * dtoJsonSchema(CreateOrderDto, { strict: true, dialect: '3.1' }, components);
 * // { $ref: '#/components/schemas/CreateOrderDto' }
 */
export function dtoJsonSchema(
  dto: DtoClass,
  options: DtoJsonSchemaOptions,
  components: SchemaComponents,
): JsonSchema {
  const peers = loadDtoMetadata(dto.name);
  const definitions: Record<string, JsonSchema> = {};
  const names = new Map<DtoClass, string>();
  const refTo = (cls: DtoClass): JsonSchema => {
    let name = names.get(cls);
    if (name === undefined) {
      name = cls.name;
      for (let n = 2; [...names.values()].includes(name); n++) name = `${cls.name}_${n}`;
      names.set(cls, name);
      definitions[name] = classSchema(cls, options, peers, refTo);
    }
    return { $ref: `#/$defs/${name}` };
  };
  const root = refTo(dto);
  return mergeComponents(components, definitions)(root) as JsonSchema;
}

function classSchema(
  cls: DtoClass,
  options: DtoJsonSchemaOptions,
  peers: DtoMetadata,
  refTo: (cls: DtoClass) => JsonSchema,
): JsonSchema {
  const byProperty = new Map<string, Rule[]>();
  for (const rule of peers.rules(cls)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    const optional = rules.some(
      (r) => r.type === 'conditionalValidation' && r.name === 'isOptional',
    );
    const defined = rules.some((r) => r.type === 'isDefined');
    const schema = propertySchema(cls, property, rules, options.dialect, peers, refTo);
    properties[property] = optional ? orNull(schema, options.dialect) : schema;
    // @IsDefined() is checked even when basic mode skips missing properties.
    if (defined || (options.strict && !optional)) required.push(property);
  }
  return {
    type: 'object',
    title: cls.name,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

function propertySchema(
  cls: DtoClass,
  property: string,
  rules: Rule[],
  dialect: OpenApiDialect,
  peers: DtoMetadata,
  refTo: (cls: DtoClass) => JsonSchema,
): JsonSchema {
  const designType: unknown = Reflect.getMetadata('design:type', cls.prototype, property);
  const own: JsonSchema = {};
  const each: JsonSchema = {};
  let itemsAreNested = false;
  for (const rule of rules) {
    if (rule.type === 'nestedValidation') {
      const nested = peers.nestedType(cls, property) ?? designType;
      const target =
        typeof nested === 'function' && !DESIGN_TYPES.has(nested)
          ? refTo(nested as DtoClass)
          : { type: 'object' };
      if (rule.each || designType === Array) {
        Object.assign(each, target);
        itemsAreNested = true;
      } else Object.assign(own, target);
      continue;
    }
    const keywords = rule.name === undefined ? undefined : CLASS_VALIDATOR_KEYWORDS[rule.name];
    if (rule.type !== 'customValidation' || !keywords) continue;
    const fragment = keywords(rule.constraints ?? [], dialect);
    Object.assign(rule.each && !ARRAY_KEYWORDS.has(rule.name!) ? each : own, fragment);
  }
  if (itemsAreNested || Object.keys(each).length > 0) {
    return { ...own, type: 'array', items: each };
  }
  if (own.type === undefined && own.$ref === undefined && DESIGN_TYPES.has(designType)) {
    return { ...DESIGN_TYPES.get(designType), ...own };
  }
  return own;
}
