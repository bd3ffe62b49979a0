import type { JsonSchema, OpenApiDialect } from './json-schema';

type Keywords = (constraints: readonly unknown[], dialect: OpenApiDialect) => JsonSchema;

const above = (bound: number, dialect: OpenApiDialect): JsonSchema =>
  dialect === '3.1' ? { exclusiveMinimum: bound } : { minimum: bound, exclusiveMinimum: true };
const below = (bound: number, dialect: OpenApiDialect): JsonSchema =>
  dialect === '3.1' ? { exclusiveMaximum: bound } : { maximum: bound, exclusiveMaximum: true };
const dateTime: Keywords = () => ({ type: 'string', format: 'date-time' });

/** The values of a TypeScript enum object, without the reverse entries of numeric members. */
function enumValues(entity: unknown): unknown[] {
  if (typeof entity !== 'object' || entity === null) return [];
  const entries = Object.entries(entity as Record<string, unknown>);
  return entries
    .filter(([key]) => !/^\d+$/.test(key))
    .map(([, value]) => value)
    .filter((value) => typeof value === 'string' || typeof value === 'number');
}

function pattern(source: unknown): JsonSchema {
  return { type: 'string', pattern: source instanceof RegExp ? source.source : String(source) };
}

/**
 * JSON Schema keywords for class-validator's built-in constraints, by constraint name
 * (`isInt`, `minLength`...). Constraints with no JSON Schema equivalent are left out.
 */
export const CLASS_VALIDATOR_KEYWORDS: Readonly<Record<string, Keywords>> = {
  isString: () => ({ type: 'string' }),
  isNumber: () => ({ type: 'number' }),
  isInt: () => ({ type: 'integer' }),
  isBoolean: () => ({ type: 'boolean' }),
  isArray: () => ({ type: 'array' }),
  isObject: () => ({ type: 'object' }),
  isDate: dateTime,
  isDateString: dateTime,
  isIso8601: dateTime,
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUrl: () => ({ type: 'string', format: 'uri' }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isIn: ([values]) => ({ enum: Array.isArray(values) ? values : [] }),
  isEnum: ([entity]) => ({ enum: enumValues(entity) }),
  equals: ([value]) => ({ enum: [value] }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  isLength: ([min, max]) => ({ minLength: min, ...(max === undefined ? {} : { maxLength: max }) }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isPositive: (_c, dialect) => above(0, dialect),
  isNegative: (_c, dialect) => below(0, dialect),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  matches: ([source]) => pattern(source),
};

/** Keywords that describe the array itself even under `{ each: true }`. */
export const ARRAY_KEYWORDS: ReadonlySet<string> = new Set([
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayNotEmpty',
]);
