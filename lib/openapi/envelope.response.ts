import type { ResponseCatalog } from '../responses/response.catalog';
import type { ApiResponseCode } from './api-response-codes';
import type { JsonSchema } from './json-schema';
import { allowedMethods } from '../http/allowed-methods';

/** An OpenAPI Response Object, as plain data. */
export type ResponseObject = { description: string; [field: string]: unknown };

/** What the examples of one API need to look real. */
export interface ExampleContext {
  method: string;
  rateSource: string | undefined;
}

const CATEGORIES = ['danger', 'warning', 'info', 'success'];

const ISSUE: JsonSchema = {
  type: 'object',
  required: ['path', 'code', 'message'],
  properties: {
    path: { type: 'string', description: "Where, e.g. `items[1].qty`; the root is `''`." },
    code: {
      type: 'string',
      description: '`type`, `required`, `literal`, `union`, `too_deep` or `schema`',
    },
    message: { type: 'string' },
    expected: { type: 'string' },
    received: { type: 'string' },
  },
};

/**
 * The response of one HTTP status: the envelope `{ status, message, data }` with the codes that
 * answer with that status, each explained and given as a named example.
 *
 * @example
 * envelopeResponse(catalog, [{ code: 'INVALID_METHOD', when: 'the method is not POST' }], context);
 */
export function envelopeResponse(
  catalog: ResponseCatalog,
  codes: readonly ApiResponseCode[],
  context: ExampleContext,
): ResponseObject {
  const entries = codes.map(({ code, when }) => ({ when, entry: catalog.get(code)! }));
  const first = entries[0].entry;
  const onlyIssues = codes.every(({ code }) => code === 'INVALID_PAYLOAD');
  const success = first.httpStatus < 300;
  const data: JsonSchema = onlyIssues
    ? { type: 'array', items: ISSUE, description: 'Every issue, in document order (at most 100).' }
    : { description: success ? 'What the API returned.' : 'Details; see the examples.' };
  const schema: JsonSchema = {
    type: 'object',
    required: ['status', 'message', 'data'],
    properties: {
      status: { type: 'string', enum: [first.status] },
      message: {
        type: 'object',
        required: ['code', 'title', 'description', 'category'],
        properties: {
          code: { type: 'string', enum: codes.map(({ code }) => code) },
          title: { type: 'string' },
          description: { type: 'string' },
          category: { type: 'string', enum: CATEGORIES },
        },
      },
      data,
    },
  };
  const examples = Object.fromEntries(
    entries.map(({ entry }) => [
      entry.code,
      {
        summary: entry.title,
        value: catalog.envelope(entry.code, undefined, exampleData(entry.code, success, context))
          .body,
      },
    ]),
  );
  return {
    description: entries
      .map(({ when, entry }) => `- \`${entry.code}\` ${entry.title}: ${when}`)
      .join('\n'),
    content: { 'application/json': { schema, examples } },
  };
}

function exampleData(code: string, success: boolean, context: ExampleContext): unknown {
  switch (code) {
    case 'INVALID_PAYLOAD':
      return [
        {
          path: 'items[1].qty',
          code: 'type',
          message: 'items[1].qty must be an integer, got number 1.5',
          expected: 'integer',
          received: 'number',
        },
      ];
    case 'INVALID_METHOD':
      return {
        allowed: allowedMethods(context.method),
        received: context.method === 'GET' ? 'POST' : 'GET',
      };
    case 'API_RATE_LIMITED':
      return { limit: context.rateSource, retry_after_seconds: 42 };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { accepted: ['application/json'], received: 'text/plain' };
    case 'MALFORMED_PAYLOAD':
      return { error: "Expected property name or '}' in JSON at position 1" };
    default:
      return success ? {} : undefined;
  }
}
