import type { CompiledApi } from '../registry/compiled-api';
import type { PayloadSchema } from '../validation';
import type { ResponseObject } from './envelope.response';
import type { JsonSchema } from './json-schema';
import { payloadJsonSchema, type PayloadSchemaContext } from './payload.json-schema';

type Envelope = {
  properties: {
    message: { properties: { code: { enum: string[] } } };
    data: JsonSchema;
  };
};

const SAYS = 'What run() returned, as responseSchema describes it (undeclared keys are not sent).';

/**
 * `responses` (in place, and returned) with the `data` of the `SUCCESS` envelope described by the
 * API's `responseSchema`. When other codes answer with the same HTTP status, the envelope of that
 * status becomes a `oneOf` of the `SUCCESS` envelope (with the data schema) and the envelope of the
 * others (their `message.code`s tell them apart). Unchanged without a `responseSchema`.
 *
 * @example
 * withResponseData(responses, api, context)['200'].content['application/json'].schema.properties.data;
 * // { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], description: ... }
 */
export function withResponseData(
  responses: Record<string, ResponseObject>,
  api: CompiledApi,
  context: PayloadSchemaContext,
): Record<string, ResponseObject> {
  const declared = api.options.responseSchema as PayloadSchema | null | undefined;
  if (!declared) return responses;
  for (const response of Object.values(responses)) {
    const media = (response.content as Record<string, { schema: JsonSchema }> | undefined)?.[
      'application/json'
    ];
    const envelope = media?.schema as Envelope | undefined;
    const codes = envelope?.properties?.message?.properties?.code?.enum;
    if (!media || !envelope || !codes?.includes('SUCCESS')) continue;
    const data = payloadJsonSchema(declared, `${api.className}Data`, 'strict', context);
    const success = withData(withCodes(envelope, ['SUCCESS']), described(data));
    const others = codes.filter((code) => code !== 'SUCCESS');
    media.schema =
      others.length === 0 ? success : { oneOf: [success, withCodes(envelope, others)] };
  }
  return responses;
}

/** The data schema with what it means, unless it is a reference (which takes no siblings in 3.0). */
function described(data: JsonSchema): JsonSchema {
  return data.$ref === undefined ? { ...data, description: SAYS } : data;
}

function withCodes(envelope: Envelope, codes: string[]): Envelope {
  const { message } = envelope.properties;
  const code = { ...message.properties.code, enum: codes };
  return {
    ...envelope,
    properties: {
      ...envelope.properties,
      message: { ...message, properties: { ...message.properties, code } },
    },
  };
}

function withData(envelope: Envelope, data: JsonSchema): Envelope {
  return { ...envelope, properties: { ...envelope.properties, data } };
}
