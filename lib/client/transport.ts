import type { Envelope } from '../responses/envelope.interface';
import type { FetchLike, MindoffClientOptions, PerRequest } from './client-options.interface.js';
import { MindoffClientError } from './mindoff-client.error.js';
import { toFormData, type FormBody } from './form-body.js';

/** One request as the transport sends it. */
export interface TransportRequest {
  method: string;
  /** A path (`/v1/orders/create_order/`), joined to the base URL. */
  path: string;
  /** Sent as JSON when defined. */
  json?: unknown;
  /** Sent as `multipart/form-data` when defined (a new `FormData` for each send). */
  form?: FormBody;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** An envelope answer, its HTTP status and headers. */
export interface EnvelopeAnswer {
  status: number;
  envelope: Envelope<unknown>;
  headers: Headers;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Sends the client's requests: base URL, credentials and headers, the timeout combined with the
 * caller's signal, and the answer read as an envelope. Whatever is not an envelope becomes a
 * `MindoffClientError`, never a JSON parse error.
 */
export class Transport {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  private readonly fetcher: FetchLike;

  constructor(private readonly options: MindoffClientOptions) {
    const base = options.baseUrl ?? pageOrigin();
    if (base === undefined) {
      throw new TypeError(
        "createMindoffClient: pass baseUrl (e.g. 'http://127.0.0.1:3000'); only a browser page has a default.",
      );
    }
    this.baseUrl = base.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetcher = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  /** The absolute URL of `path` (an absolute URL is kept). */
  url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : `${this.baseUrl}${path}`;
  }

  /** Sends `request` and reads its answer as an envelope. */
  async send(request: TransportRequest): Promise<EnvelopeAnswer> {
    const url = this.url(request.path);
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const signals = withTimeout(request.signal, timeoutMs);
    const init = await this.init(request, signals.signal, 'application/json');
    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(url, init);
      text = await response.text();
    } catch (error) {
      throw failure(error, url, request.signal, signals.timeout, timeoutMs);
    } finally {
      signals.clear();
    }
    const envelope = parseEnvelope(text);
    if (!envelope) {
      throw new MindoffClientError(
        'not_envelope',
        `${request.method} ${url} answered HTTP ${response.status} with something that is not a mindoff envelope.`,
        { url, status: response.status, body: text },
      );
    }
    return { status: response.status, envelope, headers: response.headers };
  }

  /**
   * Opens a streamed answer: the timeout covers the wait for its headers only; the caller's
   * signal keeps covering the body.
   */
  async open(request: TransportRequest, accept: string): Promise<Response> {
    const url = this.url(request.path);
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const signals = withTimeout(request.signal, timeoutMs);
    const init = await this.init(request, signals.signal, accept);
    try {
      return await this.fetcher(url, init);
    } catch (error) {
      throw failure(error, url, request.signal, signals.timeout, timeoutMs);
    } finally {
      signals.clear();
    }
  }

  /** The fetch options of `request`: the client's headers and token, then the request's own. */
  private async init(
    request: TransportRequest,
    signal: AbortSignal,
    accept: string,
  ): Promise<RequestInit> {
    const headers: Record<string, string> = {
      accept,
      ...(await resolve(this.options.headers)),
      ...request.headers,
    };
    const token = await resolve(this.options.token);
    if (token !== undefined && !hasHeader(headers, 'authorization')) {
      headers.authorization = `Bearer ${token}`;
    }
    const init: RequestInit = { method: request.method, headers, signal };
    if (request.form !== undefined) {
      init.body = toFormData(request.form);
      // fetch writes the Content-Type with the form's boundary; any other would not parse.
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-type') delete headers[name];
      }
    } else if (request.json !== undefined) {
      init.body = JSON.stringify(request.json);
      if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
    }
    if (this.options.credentials !== undefined) init.credentials = this.options.credentials;
    return init;
  }
}

interface TimedSignal {
  signal: AbortSignal;
  timeout: AbortSignal;
  clear(): void;
}

/** The caller's signal combined with a timeout of its own (cleared once no longer needed). */
function withTimeout(caller: AbortSignal | undefined, ms: number): TimedSignal {
  const timer = new AbortController();
  // No timer for 0, Infinity or more than setTimeout can wait (it would fire at once).
  const handle = ms > 0 && ms <= 2_147_483_647 ? setTimeout(() => timer.abort(), ms) : undefined;
  const signal = caller ? anySignal([caller, timer.signal]) : timer.signal;
  return { signal, timeout: timer.signal, clear: () => clearTimeout(handle) };
}

/**
 * A signal that aborts when any of `signals` does (`AbortSignal.any`, or the same by hand where a
 * browser lacks it).
 *
 * @example
 * fetch(url, { signal: anySignal([callerSignal, AbortSignal.timeout(30_000)]) });
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const combined = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      combined.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => combined.abort(signal.reason), { once: true });
  }
  return combined.signal;
}

/**
 * The error of a request that got no (complete) answer: aborted, timed out, or a network failure.
 *
 * @example
 * failure(new TypeError('fetch failed'), url, undefined, timer.signal, 30_000).kind; // 'network'
 */
export function failure(
  error: unknown,
  url: string,
  caller: AbortSignal | undefined,
  timeout: AbortSignal,
  timeoutMs: number,
): MindoffClientError {
  if (error instanceof MindoffClientError) return error;
  if (caller?.aborted) {
    return new MindoffClientError('aborted', `The request to ${url} was aborted.`, {
      url,
      cause: caller.reason,
    });
  }
  if (timeout.aborted) {
    return new MindoffClientError('timeout', `${url} gave no answer within ${timeoutMs} ms.`, {
      url,
      cause: error,
    });
  }
  return new MindoffClientError('network', `${url} could not be reached: ${messageOf(error)}`, {
    url,
    cause: error,
  });
}

/**
 * The text parsed as an envelope, or undefined when it is not one.
 *
 * @example
 * parseEnvelope('<html>502 Bad Gateway</html>'); // undefined
 */
export function parseEnvelope(text: string): Envelope<unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { status, message } = value as Record<string, unknown>;
  if (status !== 'ok' && status !== 'fail' && status !== 'exception') return undefined;
  if (typeof message !== 'object' || message === null) return undefined;
  if (typeof (message as Record<string, unknown>).code !== 'string') return undefined;
  if (!('data' in value)) return undefined;
  return value as Envelope<unknown>;
}

async function resolve<T>(value: PerRequest<T> | undefined): Promise<T | undefined> {
  return typeof value === 'function' ? await (value as () => T | Promise<T>)() : value;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause === 'string' ? `${message} (${cause})` : message;
}

function pageOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  return typeof location?.origin === 'string' && location.origin !== 'null'
    ? location.origin
    : undefined;
}
