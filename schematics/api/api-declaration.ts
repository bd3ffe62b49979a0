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

/**
 * The body of `@MindoffApi({ ... })`: every field, grouped under a heading, either set to
 * `values[key]` or commented out at its default, so that uncommenting a line is how to change it.
 */
export function declarationBody(values: Record<string, LiteralValue>): string {
  const groups = Object.entries(FIELD_GROUPS).map(([group, heading]) => {
    const fields = API_FIELDS.filter((field) => field.group === group);
    return [`${INDENT}// ${heading}`, ...fields.flatMap((field) => fieldLines(field, values))];
  });
  return groups.map((lines) => lines.join('\n')).join('\n\n');
}

function fieldLines(field: ApiField, values: Record<string, LiteralValue>): string[] {
  const value = values[field.key];
  if (value !== undefined) return [setLine(field, value)];
  if (field.required) throw new Error(`The generated declaration must set ${field.key}.`);
  if (!field.fields) return [defaultLine(field, `${INDENT}// `)];
  return [
    `${INDENT}// ${field.key}: {`,
    ...field.fields.map((inner) => defaultLine(inner, `${INDENT}//   `)),
    `${INDENT}// },`,
  ];
}

/** `  key: value, // hint`, the hint left out when the value spans lines. */
function setLine(field: ApiField, value: LiteralValue): string {
  const lead = `${INDENT}${field.key}: `;
  const code = `${lead}${layout(value, INDENT, lead.length, 1)},`;
  return field.hint && !code.includes('\n') && code.length <= PRINT_WIDTH
    ? `${code} // ${field.hint}`
    : code;
}

/** `  // key: default, // hint`, after `prefix` (the indent and the comment mark). */
function defaultLine(field: ApiField, prefix: string): string {
  const line = `${prefix}${field.key}: ${flat(field.default ?? null)},`;
  return field.hint ? `${line} // ${field.hint}` : line;
}
