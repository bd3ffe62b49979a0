import type { INestApplication, Type } from '@nestjs/common';
import { BODYLESS_METHODS } from '../mindoff.constants';
import type { CompiledApi } from '../registry/compiled-api';
import type { MindoffRegistry } from '../registry/mindoff.registry';
import type { MindoffRoutes } from '../routing/mindoff-routes';
import type { Envelope } from '../responses';
import type { ApiAnswer, ApiCallOptions, QueryValue } from './api-call.interface';
import { FORCED_USER_HEADER, forceUser } from './forced-user';
import { checkCallQueueMode, type QueueTestMode } from './queue-test-mode';
import { waitForTask } from './task-waiter';
import { MindoffTestingError } from './testing.error';

/** Where one API version is served in a test app. */
export interface ServedApi {
  cls: Type<unknown>;
  method: string;
  /** `/v1/orders/create_order/` */
  path: string;
}

/**
 * A running test app (from `createTestApp`) that calls mindoff APIs by urlName and version over
 * real HTTP, as a client would.
 *
 * @example
 * const answer = await app.call('orders__create_order', { version: 1, payload: { customer_id: 'c_1' } });
 */
export class MindoffTestApp {
  constructor(
    /** The Nest application, listening on a loopback port. */
    readonly app: INestApplication,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
    private readonly registry: MindoffRegistry,
    /** How this app runs queue-mode APIs. */
    readonly queueMode: QueueTestMode = 'direct',
    private readonly routes?: MindoffRoutes,
  ) {}

  /**
   * Calls an API with its declared method at `/v<version>/<path>/` and reads the answer; for a
   * queue-mode API in an app built with `queue: 'wait'`, the answer of its finished task.
   */
  async call(urlName: string, options: ApiCallOptions): Promise<ApiAnswer> {
    const api = this.anyVersion(urlName, options.version);
    checkCallQueueMode(api, options.queue, this.queueMode);
    const method = (options.method ?? api.method).toUpperCase();
    if (options.payload !== undefined && BODYLESS_METHODS.has(method)) {
      throw new MindoffTestingError(
        `${urlName} is a ${method} API, which reads no payload; send the values as query instead.`,
      );
    }
    const pattern = patternOf(api, options.pattern);
    const path = `${this.mountOf(api)}/v${options.version}/${fillParams(api, pattern, options.params ?? {})}/`;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const forced =
      options.user === undefined
        ? undefined
        : await forceUser(api.auth, options.user, api.className);
    if (forced) headers[FORCED_USER_HEADER] = forced.header;
    try {
      const body = options.payload === undefined ? undefined : JSON.stringify(options.payload);
      const answer = await send(method, this.url + path + queryString(options.query), {
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body,
      });
      if (api.processMode !== 'queue' || this.queueMode !== 'wait') return answer;
      // Task URLs are relative unless the app states its public origin.
      const read = (url: string) => send('GET', new URL(url, this.url).href, { headers });
      return await waitForTask(answer, read, options.waitMs ?? 4000);
    } finally {
      forced?.release();
    }
  }

  /** The class, method and path serving `version` of `urlName`, or undefined when none does. */
  route(urlName: string, version: number): ServedApi | undefined {
    const api = this.registry.all().find((a) => a.urlName === urlName);
    if (!api) return undefined;
    const served = this.registry
      .all()
      .find((a) => a.urlName === urlName && a.route.version === version);
    if (!served) return undefined;
    const path = `${this.mountOf(served)}/v${version}/${fillParams(served, served.route.apiPath, {}, 'x')}/`;
    return { cls: served.cls, method: served.method, path };
  }

  /** What the router puts before `/v<n>/` for this API: the global prefix, a RouterModule path. */
  private mountOf(api: CompiledApi): string {
    return this.routes?.mountOf(api.cls) ?? '';
  }

  /** Stops the app. */
  close(): Promise<void> {
    return this.app.close();
  }

  /** The API at `version`, or another version of it (whose path answers INVALID_API_VERSION). */
  private anyVersion(urlName: string, version: number): CompiledApi {
    const versions = this.registry.all().filter((api) => api.urlName === urlName);
    const api = versions.find((v) => v.route.version === version) ?? versions[0];
    if (!api) {
      const known = [...new Set(this.registry.all().map((a) => a.urlName))].sort();
      throw new MindoffTestingError(
        `No API '${urlName}' in this test app; it serves ${known.length > 0 ? known.join(', ') : 'no mindoff API'}. Build the app from the module that imports its version map.`,
      );
    }
    return api;
  }
}

/** The pattern a call asked for (default the map's first), or a testing error naming them all. */
function patternOf(api: CompiledApi, asked: string | undefined): string {
  const patterns = api.route.apiPaths ?? [api.route.apiPath];
  if (asked === undefined) return patterns[0]!;
  const wanted = asked.replace(/^\/+|\/+$/g, '');
  if (patterns.includes(wanted)) return wanted;
  throw new MindoffTestingError(
    `${api.urlName} is not served at '${asked}'; its patterns are ${patterns.map((p) => `'${p}'`).join(', ')}.`,
  );
}

function fillParams(
  api: CompiledApi,
  pattern: string,
  params: Record<string, string | number | boolean>,
  placeholder?: string,
): string {
  return pattern.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name] ?? placeholder;
    if (value === undefined) {
      throw new MindoffTestingError(
        `${api.urlName} is served at '${pattern}'; pass params: { ${name}: ... }.`,
      );
    }
    return encodeURIComponent(String(value));
  });
}

async function send(
  method: string,
  url: string,
  init: { headers: Record<string, string>; body?: string },
): Promise<ApiAnswer> {
  const response = await fetch(url, { method, ...init });
  const text = await response.text();
  return {
    request: `${method} ${new URL(url).pathname}`,
    httpStatus: response.status,
    headers: response.headers,
    body: parseJson(text),
    text,
  };
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function parseJson(text: string): Envelope | undefined {
  try {
    return JSON.parse(text) as Envelope;
  } catch {
    return undefined;
  }
}
