import { responseCodes, successData } from './openapi-envelopes';
import { child, entries, isJson, resolve, type Json } from './openapi-json';
import { requestBodySchema, type FormFileField } from './openapi-request-body';

// Reads the API versions out of a document written by `MindoffOpenApi.createDocument`: each
// operation whose operationId is `<urlName>_v<n>` (or `_v<n>_<k>` for a further URL pattern of
// that version) and whose path holds the `/v<n>/` segment.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A mindoff urlName (`orders__create_order`), its version and the pattern's rank. */
const OPERATION_ID = /^([A-Za-z][A-Za-z0-9_]*?)_v([1-9][0-9]{0,8})(?:_([2-9]|[1-9][0-9]+))?$/;
/** What mindoff/client reads as a path parameter in a pattern. */
const CLIENT_PARAM = /:([A-Za-z_$][\w$]*)/g;
const PARAM_NAME = /^[A-Za-z_$][\w$]*$/;

/** A path or query parameter of an API version. */
export interface DocumentedParameter {
  name: string;
  required: boolean;
  schema: unknown;
  description?: string;
}

/** One version of one API, as the document describes it. */
export interface DocumentedApi {
  urlName: string;
  version: number;
  /** Upper case, e.g. `POST`. */
  method: string;
  /** Every URL pattern it is served at, as mindoff/client reads them: `/v1/orders/:order_id/`. */
  paths: string[];
  /** Whether its 200 answer is `QUEUED` (queue mode). */
  queued: boolean;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Present when it honours an `Idempotency-Key` header (`x-mindoff-idempotency`). */
  idempotency?: { required: boolean };
  /** The JSON (or multipart text fields') schema of its body; undefined when it reads none. */
  payload?: unknown;
  /** Present when it reads `multipart/form-data`: its file fields. */
  files?: FormFileField[];
  params: DocumentedParameter[];
  query: DocumentedParameter[];
  /** The schema of the `data` of its `SUCCESS` envelope; undefined when the document gives none. */
  data?: unknown;
}

/** What the document holds for a client. */
export interface DocumentedApis {
  apis: DocumentedApi[];
  /** Where the task endpoints are served (`/mindoff/queue`), when the document lists them. */
  taskBase?: string;
  /** What was left out, and why. */
  warnings: string[];
}

interface Found {
  urlName: string;
  version: number;
  rank: number;
  method: string;
  path: string;
  operation: Json;
  pathItem: Json;
}

/**
 * The mindoff API versions of an OpenAPI document, by urlName then version, their patterns merged.
 *
 * @example
 * documentedApis(document).apis[0]; // { urlName: 'orders__get_order', version: 1, method: 'GET', paths: ['/v1/orders/get_order/:order_id/', '/v1/orders/:order_id/'], … }
 */
export function documentedApis(document: unknown): DocumentedApis {
  const warnings: string[] = [];
  const found: Found[] = [];
  let taskBase: string | undefined;
  for (const [path, pathItem] of entries(child(document, 'paths'))) {
    if (!isJson(pathItem)) continue;
    for (const method of METHODS) {
      const operation = child(pathItem, method);
      if (!isJson(operation)) continue;
      const id = child(operation, 'operationId');
      if (id === 'mindoff_queue_detail' && path.endsWith('/{queue_id}/')) {
        taskBase = path.slice(0, -'/{queue_id}/'.length);
      }
      const match = typeof id === 'string' ? OPERATION_ID.exec(id) : null;
      if (!match || !path.includes(`/v${match[2]}/`)) continue;
      found.push({
        urlName: match[1],
        version: Number(match[2]),
        rank: match[3] ? Number(match[3]) : 1,
        method: method.toUpperCase(),
        path,
        operation,
        pathItem,
      });
    }
  }
  const groups = new Map<string, Found[]>();
  for (const each of found) {
    const key = `${each.urlName}\u0000${each.version}`;
    groups.set(key, [...(groups.get(key) ?? []), each]);
  }
  const apis = [...groups.values()].flatMap((group) => {
    const api = apiOf(
      group.sort((a, b) => a.rank - b.rank),
      document,
      warnings,
    );
    return api ? [api] : [];
  });
  return { apis, ...(taskBase !== undefined ? { taskBase } : {}), warnings };
}

function apiOf(group: Found[], document: unknown, warnings: string[]): DocumentedApi | undefined {
  const [first] = group;
  const label = `${first.urlName} v${first.version}`;
  const paths: string[] = [];
  const params = new Map<string, { parameter: DocumentedParameter; patterns: number }>();
  let query: DocumentedParameter[] = [];
  for (const each of group) {
    if (each.method !== first.method) {
      warnings.push(
        `${label}: ${each.method} ${each.path} left out; the version is ${first.method}.`,
      );
      continue;
    }
    const pattern = clientPattern(each.path);
    if (pattern === undefined) {
      warnings.push(
        `${label}: ${each.path} left out; mindoff/client fills only :name parameters of letters, digits, _ and $.`,
      );
      continue;
    }
    paths.push(pattern);
    const parameters = parametersOf(each, document);
    for (const { in: _in, ...parameter } of parameters.filter((p) => p.in === 'path')) {
      const known = params.get(parameter.name);
      params.set(parameter.name, {
        parameter: known?.parameter ?? parameter,
        patterns: (known?.patterns ?? 0) + 1,
      });
    }
    if (paths.length === 1) {
      query = parameters
        .filter((p) => p.in === 'query')
        .map(({ in: _in, ...parameter }) => parameter);
    }
  }
  if (paths.length === 0) return undefined;
  const { operation } = first;
  const body = requestBodySchema(child(operation, 'requestBody'), document);
  const summary = child(operation, 'summary');
  const description = child(operation, 'description');
  return {
    urlName: first.urlName,
    version: first.version,
    method: first.method,
    paths,
    queued: responseCodes(child(child(operation, 'responses'), '200'), document).includes('QUEUED'),
    ...(typeof summary === 'string' ? { summary } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    deprecated: child(operation, 'deprecated') === true,
    ...idempotencyOf(child(operation, 'x-mindoff-idempotency')),
    ...(body ? { payload: body.schema } : {}),
    ...(body?.files ? { files: body.files } : {}),
    // A parameter of only some patterns is optional: the client picks the pattern by the names given.
    params: [...params.values()].map(({ parameter, patterns }) => ({
      ...parameter,
      required: patterns === paths.length,
    })),
    query,
    // A queue-mode API's data is its task's, which mindoff writes as x-mindoff-task-data.
    ...(child(operation, 'x-mindoff-task-data') !== undefined
      ? { data: child(operation, 'x-mindoff-task-data') }
      : successData(child(operation, 'responses'), document)),
  };
}

/** `/v1/orders/{order_id}/` as `/v1/orders/:order_id/`; undefined when the client could not fill it. */
function clientPattern(path: string): string | undefined {
  const names: string[] = [];
  let bad = false;
  const converted = path.replace(/\{([^}]*)\}/g, (_whole, name: string) => {
    if (!PARAM_NAME.test(name)) bad = true;
    names.push(name);
    return `:${name}`;
  });
  const read = [...converted.matchAll(CLIENT_PARAM)].map((m) => m[1]);
  if (bad || read.join('/') !== names.join('/') || /[{}]/.test(converted)) return undefined;
  return converted.endsWith('/') ? converted : `${converted}/`;
}

type LocatedParameter = DocumentedParameter & { in: string };

/** The operation's parameters, the path item's included (the operation's own win). */
function parametersOf(found: Found, document: unknown): LocatedParameter[] {
  const byKey = new Map<string, LocatedParameter>();
  for (const list of [child(found.pathItem, 'parameters'), child(found.operation, 'parameters')]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolve(raw, document);
      const name = child(parameter, 'name');
      const where = child(parameter, 'in');
      if (typeof name !== 'string' || (where !== 'path' && where !== 'query')) continue;
      const description = child(parameter, 'description');
      byKey.set(`${where}\u0000${name}`, {
        name,
        in: where,
        required: where === 'path' || child(parameter, 'required') === true,
        schema: child(parameter, 'schema'),
        ...(typeof description === 'string' ? { description } : {}),
      });
    }
  }
  return [...byKey.values()];
}

/** The operation's `x-mindoff-idempotency`, as a route carries it; nothing when absent. */
function idempotencyOf(extension: unknown): { idempotency?: { required: boolean } } {
  if (typeof extension !== 'object' || extension === null) return {};
  return { idempotency: { required: (extension as { required?: unknown }).required === true } };
}
