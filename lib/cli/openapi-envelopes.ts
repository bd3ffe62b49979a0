import { child, entries, isJson, resolve, type Json } from './openapi-json';

// mindoff documents every answer as its envelope `{ status, message: { code, … }, data }`: one
// schema per HTTP status, or a `oneOf` of envelopes when several codes share a status (each with
// its own `message.code` enum), plus one named example per code.

/**
 * The `data` schema of the `SUCCESS` envelope among an operation's 2xx responses (an envelope, or
 * a branch of a `oneOf` of envelopes, whose `message.code` lists `SUCCESS`); `{}` when none says.
 *
 * @example
 * successData(operation.responses, document); // { data: { type: 'object', properties: { order_id: … } } }
 */
export function successData(responses: unknown, document: unknown): { data?: unknown } {
  for (const [status, response] of entries(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    for (const envelope of envelopesOf(jsonSchemaOf(response, document), document)) {
      if (!envelopeCodes(envelope, document).includes('SUCCESS')) continue;
      const data = child(child(envelope, 'properties'), 'data');
      if (data !== undefined) return { data };
    }
  }
  return {};
}

/**
 * The codes a response documents: its envelopes' `message.code` values and its examples' names.
 *
 * @example
 * responseCodes(operation.responses['200'], document); // ['QUEUED']
 */
export function responseCodes(response: unknown, document: unknown): string[] {
  const media = child(child(resolve(response, document), 'content'), 'application/json');
  const fromSchema = envelopesOf(child(media, 'schema'), document).flatMap((e) =>
    envelopeCodes(e, document),
  );
  return [...fromSchema, ...entries(child(media, 'examples')).map(([name]) => name)];
}

function jsonSchemaOf(response: unknown, document: unknown): unknown {
  const content = child(resolve(response, document), 'content');
  return child(child(content, 'application/json'), 'schema');
}

function envelopesOf(schema: unknown, document: unknown): Json[] {
  const resolved = resolve(schema, document);
  if (!isJson(resolved)) return [];
  const branches = [child(resolved, 'oneOf'), child(resolved, 'anyOf')].flatMap((list) =>
    Array.isArray(list) ? list.map((b) => resolve(b, document)).filter(isJson) : [],
  );
  return [resolved, ...branches];
}

function envelopeCodes(envelope: Json, document: unknown): string[] {
  const message = resolve(child(child(envelope, 'properties'), 'message'), document);
  const code = resolve(child(child(message, 'properties'), 'code'), document);
  const values = child(code, 'enum');
  const constant = child(code, 'const');
  return [
    ...(Array.isArray(values) ? values.filter((v) => typeof v === 'string') : []),
    ...(typeof constant === 'string' ? [constant] : []),
  ];
}
