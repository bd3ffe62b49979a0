import type { LiteralValue } from '../utils/layout';

/** The groups the generated declaration lists its fields in, in order, with their heading. */
export const FIELD_GROUPS = {
  identity: 'Identity',
  access: 'Access rules: who may call it (anyone, by default)',
  execution: 'Execution rules: how it runs',
  request: 'Request rules: what it accepts',
  limits: 'Usage limits per user (per client IP when anonymous); null turns one off',
} as const;

export type FieldGroup = keyof typeof FIELD_GROUPS;

/** One `@MindoffApi` field: its group, the library's default and what to write instead. */
export interface ApiField {
  key: string;
  group: FieldGroup;
  /** Every declaration says it: it has no default. */
  required?: true;
  /** What the library applies when the field is left out. */
  default?: LiteralValue;
  /** One short line on what the field takes. */
  hint?: string;
  /** `limits`: its own fields, listed one a line. */
  fields?: readonly ApiField[];
}

/** The fields of `limits`, each a rate such as `'30/m'` (or a count), `null` to turn it off. */
const LIMIT_FIELDS: readonly ApiField[] = [
  { key: 'request', group: 'limits', default: '30/m', hint: 'calls to this API' },
  {
    key: 'queueDetail',
    group: 'limits',
    default: '30/m',
    hint: 'queue mode: task detail reads, per task',
  },
  {
    key: 'queueStatusStream',
    group: 'limits',
    default: 3,
    hint: 'queue mode: open status streams per owner',
  },
  { key: 'queueCancel', group: 'limits', default: '30/m', hint: 'queue mode: cancels, per task' },
  { key: 'queueRetry', group: 'limits', default: '30/m', hint: 'queue mode: retries, per task' },
];

/**
 * Every `@MindoffApi` field, in the order the generated class lists them, with the default the
 * library applies when the field is left out (api-fields.spec.ts holds these against the
 * library's own defaults, so the commented-out lines never lie).
 */
export const API_FIELDS: readonly ApiField[] = [
  { key: 'urlName', group: 'identity', required: true },
  { key: 'name', group: 'identity', required: true },
  { key: 'description', group: 'identity', default: '' },
  {
    key: 'deprecated',
    group: 'identity',
    default: false,
    hint: 'true, or { since, sunset, link }: Deprecation and Sunset headers',
  },
  {
    key: 'auth',
    group: 'access',
    default: [],
    hint: "passport strategies tried in order, e.g. ['jwt']",
  },
  {
    key: 'permissions',
    group: 'access',
    default: [],
    hint: 'CanActivate classes that must all allow, e.g. [IsAuthenticated]',
  },
  { key: 'method', group: 'execution', required: true },
  {
    key: 'processMode',
    group: 'execution',
    default: 'direct',
    hint: "'queue' runs run() as a background task",
  },
  {
    key: 'responseSchema',
    group: 'execution',
    default: null,
    hint: 'the data run() returns; undeclared keys are dropped',
  },
  {
    key: 'allowDuplicateQueue',
    group: 'execution',
    default: false,
    hint: 'queue mode: false reuses the task of an identical request',
  },
  {
    key: 'progressSteps',
    group: 'execution',
    default: null,
    hint: 'queue mode: { key: { label, percent } } for ctx.checkpoint(key)',
  },
  {
    key: 'params',
    group: 'request',
    default: null,
    hint: "the URL patterns' :names, typed, e.g. { order_id: Int }",
  },
  {
    key: 'query',
    group: 'request',
    default: null,
    hint: 'the query string, e.g. { page: Optional(Int) }',
  },
  {
    key: 'payloadSchema',
    group: 'request',
    default: null,
    hint: 'the body, e.g. { sku: String, qty: Int }, or a zod schema',
  },
  {
    key: 'payloadValidation',
    group: 'request',
    default: null,
    hint: "'basic' checks only the keys sent; null skips validation",
  },
  {
    key: 'files',
    group: 'request',
    default: null,
    hint: 'multipart uploads by field, e.g. { avatar: { maxSize: 2 } }',
  },
  {
    key: 'idempotency',
    group: 'request',
    default: false,
    hint: "true, or { required: true, ttl: '24h' }: Idempotency-Key replays",
  },
  {
    key: 'maxPayloadSize',
    group: 'request',
    default: 10,
    hint: 'MB, counted on the bytes read; null turns it off',
  },
  {
    key: 'maxPayloadDepth',
    group: 'request',
    default: 20,
    hint: 'nesting levels of the body; null turns it off',
  },
  {
    key: 'limits',
    group: 'limits',
    default: Object.fromEntries(LIMIT_FIELDS.map((field) => [field.key, field.default ?? null])),
    fields: LIMIT_FIELDS,
  },
];

/** The field `key` of the table (a `limits.` prefix reaches into the limits). */
export function apiField(key: string): ApiField {
  const [outer, inner] = key.split('.');
  const field = API_FIELDS.find((f) => f.key === outer);
  const found = inner === undefined ? field : field?.fields?.find((f) => f.key === inner);
  if (!found) throw new Error(`No @MindoffApi field '${key}'.`);
  return found;
}
