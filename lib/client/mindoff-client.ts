import type {
  ApiName,
  ApiOf,
  ApisShape,
  ApiVersion,
  CallOptions,
  QueryValue,
  RequestOptions,
} from './api-shape.type.js';
import type { CallResult } from './call-result.type.js';
import type { MindoffClientOptions } from './client-options.interface.js';
import { toFailure, toResult } from './envelope-result.js';
import { MindoffCallRefused } from './mindoff-call-refused.error.js';
import { MindoffClientError } from './mindoff-client.error.js';
import { fillPath, pickPattern } from './request-url.js';
import { RouteSource, type KnownRoutes } from './route-source.js';
import { MindoffTask, type TaskContext, type TaskHandle } from './task.handle.js';
import { Transport, type EnvelopeAnswer, type TransportRequest } from './transport.js';
import { newIdempotencyKey, sendIdempotent } from './idempotent-send.js';
import { formBody } from './form-body.js';
import { resolveRetryPolicy, type ResolvedRetryPolicy } from './retry-policy.js';
import type { MindoffRoute } from './route-table.type.js';

/** The `data` of version `V` of `N`. */
type DataOf<Apis extends ApisShape, N extends ApiName<Apis>, V> = ApiOf<Apis, N, V>['data'];

/**
 * A typed client of a mindoff app: each call by urlName and version, its payload, path
 * parameters and query checked by the compiler, its answer an envelope result; queue-mode APIs
 * as task handles.
 */
export interface MindoffClient<Apis extends ApisShape = ApisShape> {
  /**
   * Calls an API with its declared method and resolves with its envelope as a `CallResult`
   * (never throwing for an envelope, refusals included). A queue-mode API is enqueued and
   * followed: the result is the task's outcome (use `enqueue()` for the task itself).
   */
  call<N extends ApiName<Apis>, V extends ApiVersion<Apis, N>>(
    urlName: N,
    options: CallOptions<ApiOf<Apis, N, V>, V>,
  ): Promise<CallResult<DataOf<Apis, N, V>>>;
  /**
   * Calls a queue-mode API and resolves with its task once it is `QUEUED` (or, for an identical
   * call of the same user still running, the existing task); rejects with `MindoffCallRefused`
   * when the call was refused.
   */
  enqueue<N extends ApiName<Apis>, V extends ApiVersion<Apis, N>>(
    urlName: N,
    options: CallOptions<ApiOf<Apis, N, V>, V>,
  ): Promise<TaskHandle<DataOf<Apis, N, V>>>;
  /** Re-attaches to a task by id (its result untyped). */
  task(id: string): TaskHandle<unknown>;
  /** Re-attaches to a task of version `version` of `urlName` by id (its result typed). */
  task<N extends ApiName<Apis>, V extends ApiVersion<Apis, N>>(
    id: string,
    api: { urlName: N; version: V },
  ): TaskHandle<DataOf<Apis, N, V>>;
  /** The route table and task base the client uses (fetching the manifest if needed). */
  routes(): Promise<KnownRoutes>;
}

/** A call's options as the client reads them at run time. */
interface AnyCallOptions extends RequestOptions {
  version: number;
  payload?: unknown;
  params?: Record<string, unknown>;
  query?: Record<string, QueryValue>;
  files?: Record<string, unknown>;
}

const BODYLESS = new Set(['GET', 'HEAD']);

/**
 * Creates a client of a mindoff app. `Apis` (from `MindoffApisOf`, or a generated module) types
 * every call; the routes come from `routes`, or from the app's manifest
 * (`MindoffModule.forRoot({ clientManifest: true })`), fetched once.
 *
 * @example
 * const client = createMindoffClient<AppApis>({ baseUrl: 'http://127.0.0.1:3000', token: 'demo-token-asha' });
 * const order = await client.call('orders__get_order', { version: 1, params: { order_id: 42 } });
 * if (order.ok) console.log(order.data.order_id);
 */
export function createMindoffClient<Apis extends ApisShape = ApisShape>(
  options: MindoffClientOptions = {},
): MindoffClient<Apis> {
  return new Client(options) as unknown as MindoffClient<Apis>;
}

class Client {
  private readonly transport: Transport;
  private readonly source: RouteSource;
  private readonly tasks: TaskContext;
  private readonly retry: ResolvedRetryPolicy;

  constructor(options: MindoffClientOptions) {
    this.transport = new Transport(options);
    this.retry = resolveRetryPolicy(options.retry);
    this.source = new RouteSource(this.transport, options);
    this.tasks = {
      transport: this.transport,
      taskBase: async () => (await this.source.load()).taskBase,
      streamRetries: options.streamRetries ?? 5,
    };
  }

  async call(urlName: string, options: AnyCallOptions): Promise<CallResult<unknown>> {
    const { request, queued, route } = await this.request(urlName, options);
    const answer = await this.send(request, route, options);
    if (!queued || answer.envelope.message.code !== 'QUEUED') return toResult(answer);
    return this.taskOf(answer).result({ signal: options.signal });
  }

  async enqueue(urlName: string, options: AnyCallOptions): Promise<TaskHandle<unknown>> {
    const { request, queued, route } = await this.request(urlName, options);
    if (!queued) {
      throw new MindoffClientError(
        'not_served',
        `${urlName} v${options.version} is not a queue-mode API; use call().`,
      );
    }
    const answer = await this.send(request, route, options);
    if (answer.envelope.message.code !== 'QUEUED') {
      throw new MindoffCallRefused(toFailure(answer), `${urlName} v${options.version}`);
    }
    return this.taskOf(answer);
  }

  task(id: string): TaskHandle<unknown> {
    return new MindoffTask(id, this.tasks);
  }

  routes(): Promise<KnownRoutes> {
    return this.source.load();
  }

  /** Sends a call: once, or, to an API that honours an `Idempotency-Key`, with a key and retries. */
  private send(
    request: TransportRequest,
    route: MindoffRoute,
    options: AnyCallOptions,
  ): Promise<EnvelopeAnswer> {
    if (!route.idempotency) return this.transport.send(request);
    const policy = options.retry === undefined ? this.retry : resolveRetryPolicy(options.retry);
    return sendIdempotent(
      this.transport,
      request,
      options.idempotencyKey ?? newIdempotencyKey(),
      policy,
    );
  }

  private taskOf(answer: EnvelopeAnswer): TaskHandle<unknown> {
    const id = (answer.envelope.data as { queue_id?: unknown } | null)?.queue_id;
    if (typeof id !== 'string') {
      throw new MindoffClientError(
        'not_envelope',
        'A QUEUED answer without a queue_id is not a mindoff acknowledgment.',
        { status: answer.status, body: JSON.stringify(answer.envelope) },
      );
    }
    return this.task(id);
  }

  private async request(
    urlName: string,
    options: AnyCallOptions,
  ): Promise<{ request: TransportRequest; queued: boolean; route: MindoffRoute }> {
    const route = await this.source.route(urlName, options.version);
    const params = options.params ?? {};
    const given = Object.keys(params).filter((name) => params[name] !== undefined);
    const path = fillPath(pickPattern(route.paths, given), params, options.query);
    const method = route.method.toUpperCase();
    const label = `${urlName} v${options.version}`;
    if (options.payload !== undefined && BODYLESS.has(method)) {
      throw new TypeError(
        `${label} is a ${method} API, which reads no payload; send the values as query.`,
      );
    }
    if (options.files !== undefined && !route.files) {
      throw new TypeError(`${label} takes no files (it declares no files: it reads JSON).`);
    }
    const body = route.files
      ? { form: formBody(label, options.payload, options.files ?? {}, route.files) }
      : { json: options.payload };
    return {
      queued: route.queued,
      route,
      request: {
        method,
        path,
        ...body,
        headers: options.headers,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      },
    };
  }
}
