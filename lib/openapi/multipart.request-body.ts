import type { CompiledApi } from '../registry/compiled-api';
import type { FileFieldLimits, UploadRules } from '../uploads/upload-rules';
import type { PayloadSchema } from '../validation';
import type { JsonSchema } from './json-schema';
import { megabytes } from './megabytes';
import { payloadJsonSchema, type PayloadSchemaContext } from './payload.json-schema';

/**
 * The request body of an API that declares `files`: `multipart/form-data` whose schema has the
 * payload's fields (as text form fields) and one binary property per file field (a list when it
 * takes several), with the accepted types as the part's `encoding` and the limits in words.
 *
 * @example
 * multipartRequestBody(api, api.uploads, context).content['multipart/form-data'].schema;
 * // { type: 'object', properties: { user_name: {...}, avatar: { type: 'string', format: 'binary' } }, ... }
 */
export function multipartRequestBody(
  api: CompiledApi,
  rules: UploadRules,
  context: PayloadSchemaContext,
): { required: boolean; description: string; content: Record<string, JsonSchema> } {
  const schema = api.options.payloadSchema as PayloadSchema | null | undefined;
  const payload: JsonSchema = schema
    ? payloadJsonSchema(schema, `${api.className}Payload`, api.validation, context)
    : { type: 'object' };
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const encoding: Record<string, JsonSchema> = {};
  for (const rule of rules.fields.values()) {
    properties[rule.field] = fileProperty(rule);
    if (rule.required) required.push(rule.field);
    if (rule.types) encoding[rule.field] = { contentType: rule.types.join(', ') };
  }
  const files: JsonSchema = {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
  };
  return {
    required: required.length > 0,
    description: words(api, rules),
    content: {
      'multipart/form-data': {
        schema: merged(payload, files),
        ...(Object.keys(encoding).length ? { encoding } : {}),
      },
    },
  };
}

function fileProperty(rule: FileFieldLimits): JsonSchema {
  const limits = [
    rule.types ? rule.types.join(' or ') : 'any type',
    ...(rule.maxBytes !== null ? [`at most ${megabytes(rule.maxBytes)} MB`] : []),
  ].join(', ');
  const file: JsonSchema = { type: 'string', format: 'binary' };
  if (rule.maxCount === 1) return { ...file, description: `A file: ${limits}.` };
  return {
    type: 'array',
    items: file,
    maxItems: rule.maxCount,
    ...(rule.required ? { minItems: 1 } : {}),
    description: `Up to ${rule.maxCount} files: ${limits} each.`,
  };
}

/** The payload's own object schema extended by the files, or both side by side (`allOf`). */
function merged(payload: JsonSchema, files: JsonSchema): JsonSchema {
  const plain = payload.type === 'object' && payload.$ref === undefined && !payload.allOf;
  if (!plain) return { allOf: [payload, files] };
  const required = [
    ...((payload.required as string[]) ?? []),
    ...((files.required as string[]) ?? []),
  ];
  return {
    ...payload,
    properties: { ...(payload.properties as JsonSchema), ...(files.properties as JsonSchema) },
    ...(required.length ? { required } : {}),
  };
}

function words(api: CompiledApi, rules: UploadRules): string {
  const size =
    api.maxPayloadBytes !== null ? `, at most ${megabytes(api.maxPayloadBytes)} MB in all` : '';
  const fields =
    api.validation !== null && !api.hasSchema
      ? 'It takes no text fields'
      : `The text fields are the payload (${api.validation === null ? 'not validated' : `checked in ${api.validation} mode`})`;
  const required = rules.names.filter((name) => rules.fields.get(name)!.required);
  return (
    `multipart/form-data${size}. ${fields}; ` +
    `the file fields are ${rules.names.join(', ')}` +
    (required.length ? ` (required: ${required.join(', ')})` : '') +
    '. Files are checked by declared type and, for png, jpeg, gif, webp and pdf, by their first bytes.'
  );
}
