export {
  Any,
  Int,
  SCHEMA_KIND,
  type AnySchema,
  type DictOfSchema,
  type DictShorthand,
  type Infer,
  type IntSchema,
  type ListOfSchema,
  type ListShorthand,
  type LiteralSchema,
  type LiteralValue,
  type OptionalSchema,
  type ShorthandSchema,
  type UnionSchema,
} from './schema.types';
export { DictOf, ListOf, Literal, Optional, Union } from './schema.builders';
export type { IssueCode, ValidationIssue } from './validation-issue';
export type {
  CompileOptions,
  PayloadValidator,
  ValidationMode,
} from './payload-validator.interface';
export { compileShorthand } from './shorthand.compiler';
export { isStackOverflow, payloadDepth, tooDeepIssue } from './payload-depth';
export { jsonTextDepth } from './json-text-depth';
export { checkSchemaDefinition } from './schema-definition.check';
export {
  compileStandardSchema,
  isStandardSchema,
  type PayloadCheck,
  type PayloadOutcome,
  type StandardSchemaV1,
} from './standard-schema';
export { compilePayloadSchema, type PayloadSchema } from './payload-schema';
export { compileDtoClass, isDtoClass, type DtoClass } from './dto-class';
export { compileCoercion } from './string-coercion';
export { compileFormFieldsCoercion, type FormFieldsCoercion } from './form-fields.coercion';
export { compileUrlValuesCheck, type UrlPart, type UrlValuesOptions } from './url-values.check';
export { checkUrlSchemaDefinition } from './url-schema.check';
