import { child, isJson, resolve, type Json } from './openapi-json';

/** How deep `items` of a form property are searched for a file. */
const MAX_ITEMS_DEPTH = 8;

/** One file field of a multipart form. */
export interface FormFileField {
  name: string;
  /** Whether the form lists it as required. */
  required: boolean;
  /** Whether it takes several files (an array of binaries). */
  list: boolean;
}

/** What a client sends as an API's body. */
export interface RequestBodySchema {
  /** The JSON body's schema, or the text fields of a multipart form; undefined when unknown. */
  schema: unknown;
  /** A multipart form's file fields; undefined for any other body. */
  files?: FormFileField[];
}

/**
 * The body an operation reads: its JSON schema, or for `multipart/form-data` the schema of its text
 * fields with the file fields (`format: binary`, or lists of them) listed apart; undefined when it
 * reads none.
 *
 * @example
 * requestBodySchema(operation.requestBody, document);
 * // { schema: { type: 'object', properties: { user_name: … } }, files: [{ name: 'avatar', required: true, list: false }] }
 */
export function requestBodySchema(raw: unknown, document: unknown): RequestBodySchema | undefined {
  const content = child(resolve(raw, document), 'content');
  const json = child(content, 'application/json');
  if (isJson(json)) return { schema: child(json, 'schema') };
  const form = child(content, 'multipart/form-data');
  if (isJson(form)) {
    const files: FormFileField[] = [];
    return { schema: withoutFiles(child(form, 'schema'), document, files), files };
  }
  return isJson(content) && Object.keys(content).length > 0 ? { schema: undefined } : undefined;
}

/** A form schema without its binary properties (their names pushed to `files`). */
function withoutFiles(schema: unknown, document: unknown, files: FormFileField[]): unknown {
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
  const required = child(schema, 'required');
  const listed = Array.isArray(required) ? required : [];
  const found: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (!isBinary(property, document, 0)) {
      kept.push([name, property]);
      continue;
    }
    found.push(name);
    const list = child(resolve(property, document), 'type') === 'array';
    files.push({ name, required: listed.includes(name), list });
  }
  return {
    ...schema,
    properties: Object.fromEntries(kept),
    ...(Array.isArray(required) ? { required: listed.filter((n) => !found.includes(n)) } : {}),
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
