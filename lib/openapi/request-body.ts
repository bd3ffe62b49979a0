import { BODYLESS_METHODS } from '../mindoff.constants';
import type { CompiledApi } from '../registry/compiled-api';
import type { PayloadSchema } from '../validation';
import { megabytes } from './megabytes';
import { multipartRequestBody } from './multipart.request-body';
import { payloadJsonSchema, type PayloadSchemaContext } from './payload.json-schema';

/**
 * The request body of an API: the payload schema's JSON Schema with the limits in words, or
 * `undefined` when the API reads no body (GET, DELETE, or no schema while validation is on).
 *
 * @example
 * requestBodyFor(api, context); // { description: 'JSON, at most 10 MB. Checked in strict mode.', content: ... }
 */
export function requestBodyFor(
  api: CompiledApi,
  context: PayloadSchemaContext,
): Record<string, unknown> | undefined {
  if (BODYLESS_METHODS.has(api.method)) return undefined;
  if (api.uploads) return multipartRequestBody(api, api.uploads, context);
  const schema = api.options.payloadSchema as PayloadSchema | null | undefined;
  if (!schema && api.validation !== null) return undefined;
  const words = ['JSON'];
  if (api.maxPayloadBytes !== null) {
    words.push(`at most ${megabytes(api.maxPayloadBytes)} MB`);
  }
  if (api.maxPayloadDepth !== null) words.push(`nested at most ${api.maxPayloadDepth} level(s)`);
  const check = !schema
    ? 'Any JSON; not validated.'
    : api.validation === null
      ? 'Not validated (payloadValidation is null).'
      : `Checked in ${api.validation} mode.`;
  return {
    description: `${words.join(', ')}. ${check}`,
    content: {
      'application/json': {
        schema: schema
          ? payloadJsonSchema(schema, `${api.className}Payload`, api.validation, context)
          : {},
      },
    },
  };
}
