import { flat, layout, PRINT_WIDTH, sourceCode, type LiteralValue } from '../utils/layout';
import { API_FIELDS, FIELD_GROUPS, type ApiField } from './api-fields';
import type { ApiMethod } from './api-method';
import type { PathParam } from './url-patterns';

const INDENT = '  ';

/** What the api schematic decides about a new API; every other field keeps its default. */
export interface DeclaredApi {
  urlName: string;
  title: string;
  method: ApiMethod;
  processMode: 'direct' | 'queue';
  params: PathParam[];
}

/** The fields the generated class sets: the identity, the method, strict validation, and what was asked. */
export function declaredValues(api: DeclaredApi): Record<string, LiteralValue> {
  return {
    urlName: api.urlName,
    name: api.title,
    description: `${api.title} API`,
    method: api.method,
    ...(api.processMode !== 'direct' && { processMode: api.processMode }),
    ...(api.params.length > 0 && {
      params: Object.fromEntries(api.params.map((param) => [param.name, sourceCode(param.type)])),
    }),
    payloadValidation: 'strict',
  };
}

/** One field line of the generated declaration, as its template writes it. */
export interface DeclarationLine {
  key: string;
  /** The value it is set to, laid out; undefined: the line is commented out at `default`. */
  value?: string;
  default?: string;
  /** The hint after the line (left out after a value that spans lines or is too long). */
  hint?: string;
  /** `limits`: its own fields, each commented out at its default. */
  fields?: DeclarationLine[];
}

/** The fields of the generated declaration under one heading. */
export interface DeclarationGroup {
  heading: string;
  lines: DeclarationLine[];
}

/**
 * The fields of `@MindoffApi({ ... })`, grouped under a heading, each either set to
 * `values[key]` or commented out at its default, so that uncommenting a line is how to change it.
 */
export function declarationGroups(values: Record<string, LiteralValue>): DeclarationGroup[] {
  return Object.entries(FIELD_GROUPS).map(([group, heading]) => ({
    heading,
    lines: API_FIELDS.filter((field) => field.group === group).map((field) =>
      declarationLine(field, values),
    ),
  }));
}

function declarationLine(field: ApiField, values: Record<string, LiteralValue>): DeclarationLine {
  const value = values[field.key];
  if (value !== undefined) return setLine(field, value);
  if (field.required) throw new Error(`The generated declaration must set ${field.key}.`);
  if (field.fields) return { key: field.key, fields: field.fields.map(defaultLine) };
  return defaultLine(field);
}

/** `  key: value, // hint`, the hint left out when the value spans lines or the line is too long. */
function setLine(field: ApiField, value: LiteralValue): DeclarationLine {
  const lead = `${INDENT}${field.key}: `;
  const code = layout(value, INDENT, lead.length, 1);
  const line = `${lead}${code},`;
  const fits = !line.includes('\n') && line.length <= PRINT_WIDTH;
  return { key: field.key, value: code, ...(field.hint && fits && { hint: field.hint }) };
}

/** `// key: default, // hint`. */
function defaultLine(field: ApiField): DeclarationLine {
  return {
    key: field.key,
    default: flat(field.default ?? null),
    ...(field.hint && { hint: field.hint }),
  };
}
