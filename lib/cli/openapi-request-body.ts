import { child, isJson, resolve, type Json } from './openapi-json';

/** How deep `items` of a form property are searched for a file. */
const MAX_ITEMS_DEPTH = 8;

/** What a client sends as an API's body. */
export interface RequestBodySchema {
  /** The JSON body's schema, or the text fields of a multipart form; undefined when unknown. */
  schema: unknown;
  /** The multipart form's file fields (none for JSON). */
  files: string[];
}

/**
 * The body an operation reads: its JSON schema, or for `multipart/form-data` the schema of its text
 * fields with the file fields (`format: binary`, or lists of them) listed apart; undefined when it
 * reads none.
 *
 * @example
 * requestBodySchema(operation.requestBody, document); // { schema: { type: 'object', properties: { user_name: … } }, files: ['avatar'] }
 */
export function requestBodySchema(raw: unknown, document: unknown): RequestBodySchema | undefined {
  const content = child(resolve(raw, document), 'content');
  const json = child(content, 'application/json');
  if (isJson(json)) return { schema: child(json, 'schema'), files: [] };
  const form = child(content, 'multipart/form-data');
  if (isJson(form)) {
    const files: string[] = [];
    return { schema: withoutFiles(child(form, 'schema'), document, files), files };
  }
  return isJson(content) && Object.keys(content).length > 0
    ? { schema: undefined, files: [] }
    : undefined;
}

/** A form schema without its binary properties (their names pushed to `files`). */
function withoutFiles(schema: unknown, document: unknown, files: string[]): unknown {
  if (!isJson(schema)) return schema;
  const allOf = child(schema, 'allOf');
  if (Array.isArray(allOf)) {
    const parts = allOf
      .map((part) => withoutFiles(part, document, files))
      .filter((part) => !(isJson(part) && isEmptyObject(part)));
    return { ...schema, allOf: parts };
  }
  const properties = child(schema, 'properties');
  if (!isJson(properties)) return schema;
  const kept: [string, unknown][] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (isBinary(property, document, 0)) files.push(name);
    else kept.push([name, property]);
  }
  const required = child(schema, 'required');
  return {
    ...schema,
    properties: Object.fromEntries(kept),
    ...(Array.isArray(required) ? { required: required.filter((n) => !files.includes(n)) } : {}),
  };
}

function isBinary(raw: unknown, document: unknown, depth: number): boolean {
  const schema = resolve(raw, document);
  if (child(schema, 'format') === 'binary') return true;
  return (
    depth < MAX_ITEMS_DEPTH &&
    child(schema, 'type') === 'array' &&
    isBinary(child(schema, 'items'), document, depth + 1)
  );
}

function isEmptyObject(schema: Json): boolean {
  const properties = child(schema, 'properties');
  return (
    child(schema, 'type') === 'object' && isJson(properties) && Object.keys(properties).length === 0
  );
}
