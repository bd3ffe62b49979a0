import { codeForStatus } from '../errors/to-envelope-error';
import type { EnvelopeRoute } from '../plain-routes/envelope-route';
import type { ResponseCatalog } from '../responses/response.catalog';
import type { ApiResponseCode } from './api-response-codes';
import { envelopeResponses } from './envelope-responses';
import { envelopeResponse } from './envelope.response';
import type { JsonSchema } from './json-schema';

type Response = { description?: string; content?: Record<string, { schema?: JsonSchema }> };

/**
 * Rewrites swagger's operation of an enveloped plain route (in place): the success response
 * becomes the `SUCCESS` envelope, at the catalog's status (or `@HttpCode()`'s), with the schema
 * swagger found for the handler's result as `data`; declared error responses become the envelopes
 * of their codes; `INVALID_PAYLOAD` and `MALFORMED_PAYLOAD` are added for a handler that reads a
 * body, and `UNEXPECTED_ERR` for all. A success response declared with other media types only (a
 * file, say) is left as it is.
 */
export function envelopePlainOperation(
  operation: Record<string, unknown>,
  route: EnvelopeRoute,
  method: string,
  catalog: ResponseCatalog,
): void {
  const responses = (operation.responses ??= {}) as Record<string, Response>;
  const context = { method: method.toUpperCase(), rateSource: undefined };
  const scanned = String(route.httpCode ?? (method === 'post' ? 201 : 200));
  const status = String(route.httpCode ?? catalog.get('SUCCESS')!.httpStatus);
  const declared = responses[scanned] ?? responses[status];
  const media = Object.keys(declared?.content ?? {});
  if (media.length === 0 || media.includes('application/json')) {
    delete responses[scanned];
    const when = 'the handler returned a value, sent as data';
    const success = envelopeResponse(catalog, [{ code: 'SUCCESS', when }], context);
    const data = declared?.content?.['application/json']?.schema;
    if (data) {
      const schema = (success.content as Record<string, { schema: JsonSchema }>)[
        'application/json'
      ]!.schema as { properties: Record<string, unknown> };
      schema.properties.data = data;
    }
    responses[status] = declared?.description
      ? { ...success, description: declared.description }
      : success;
  }
  const codes: ApiResponseCode[] = [];
  const add = (code: string, when: string) => {
    const known = codes.find((c) => c.code === code);
    if (known) known.when = `${known.when}, or ${when}`;
    else codes.push({ code, when });
  };
  for (const [key, response] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(key)) continue;
    delete responses[key];
    add(codeForStatus(Number(key)), response.description || `the handler threw a ${key}`);
  }
  if (route.takesBody) {
    add('INVALID_PAYLOAD', 'a ValidationPipe refused the body (every issue in data)');
    add('MALFORMED_PAYLOAD', 'the body is not valid JSON');
  }
  add('UNEXPECTED_ERR', 'an unexpected error (logged on the server, never sent)');
  Object.assign(responses, envelopeResponses(catalog, codes, context, false));
}
