import type { Attributes, Span } from '@opentelemetry/api';
import type { OtelApi } from './otel.loader';
import { payloadRejection } from './payload-rejection';
import { ATTR } from './telemetry.attributes';
import type { TelemetryInstruments } from './telemetry.instruments';

/** Where the pipeline leaves a request's telemetry on the request object (only while recording). */
export const MINDOFF_TELEMETRY = Symbol('mindoff:telemetry');

/** The pipeline's steps, in order, as they appear as events on the request span. */
export type PipelineStep =
  'auth' | 'permissions' | 'method' | 'rate_limit' | 'url' | 'payload' | 'run' | 'enqueue';

/**
 * One request's span and measurements, from the start of the pipeline to its answer. Exists only
 * when an OpenTelemetry SDK records metrics or traces, so a request without one pays nothing.
 */
export class RequestTelemetry {
  private last?: PipelineStep;
  private ended = false;

  constructor(
    private readonly otel: OtelApi,
    private readonly instruments: TelemetryInstruments | undefined,
    /** The request span, for attributes others add (e.g. a request id); undefined without traces. */
    readonly span: Span | undefined,
    private readonly attributes: Attributes,
    private readonly rawResponse: { statusCode: number },
    private readonly startedAt: number,
  ) {}

  /** Marks `step` as reached: an event on the span. */
  reached(step: PipelineStep): void {
    this.last = step;
    this.span?.addEvent(step);
  }

  /** Runs `fn` with the request span active, so spans `run()` starts (and enqueued tasks) link to it. */
  within<T>(fn: () => T): T {
    if (!this.span) return fn();
    const { context, trace } = this.otel;
    return context.with(trace.setSpan(context.active(), this.span), fn);
  }

  /**
   * This request's trace context as a carrier to store with the task it enqueues (W3C
   * `traceparent`, with the app's propagator); undefined without traces.
   */
  traceContext(): Record<string, string> | undefined {
    if (!this.span) return undefined;
    const { context, propagation, trace } = this.otel;
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), this.span), carrier);
    return Object.keys(carrier).length > 0 ? carrier : undefined;
  }

  /**
   * The handler answered with `body`: an envelope (an object, or its JSON text as mindoff's APIs
   * send it), or a text or file answer without a code.
   */
  answered(body: unknown): void {
    const code =
      typeof body === 'string'
        ? envelopeCodeOf(body)
        : (body as { message?: { code?: unknown } } | null | undefined)?.message?.code;
    this.end(typeof code === 'string' ? code : undefined);
  }

  /** The request was refused, or `run()` threw: answered with the envelope of `code`. */
  refused(code: string, data: unknown): void {
    if (this.ended || !this.instruments) return this.end(code);
    if (code === 'API_RATE_LIMITED') this.instruments.rateLimited.add(1, this.attributes);
    // Only a refusal of the payload step itself: run() may answer the same codes on its own.
    const reason = this.last === 'rate_limit' ? payloadRejection(code, data) : undefined;
    if (reason) {
      this.instruments.payloadRejected.add(1, { ...this.attributes, [ATTR.reason]: reason });
    }
    this.end(code);
  }

  private end(code: string | undefined): void {
    if (this.ended) return;
    this.ended = true;
    const status = this.rawResponse.statusCode;
    const outcome: Attributes = { ...this.attributes, [ATTR.status]: status };
    if (code !== undefined) outcome[ATTR.code] = code;
    if (this.instruments) {
      this.instruments.requests.add(1, outcome);
      this.instruments.requestDuration.record((performance.now() - this.startedAt) / 1000, outcome);
    }
    if (this.span) {
      this.span.setAttributes(outcome);
      // A server span is an error only when the server failed (5xx), as HTTP conventions say.
      if (status >= 500)
        this.span.setStatus({ code: this.otel.SpanStatusCode.ERROR, message: code });
      this.span.end();
    }
  }
}

/** How every envelope's JSON text begins, up to its code (a JSON string). */
const ENVELOPE_CODE = /^\{"status":"[a-z]+","message":\{"code":("(?:[^"\\]|\\.)*")/;

/** The code of an envelope written as JSON text; undefined for any other text. */
function envelopeCodeOf(text: string): unknown {
  const found = ENVELOPE_CODE.exec(text);
  return found ? JSON.parse(found[1]!) : undefined;
}

/** Whether any request was given telemetry yet: until then no request is asked for it. */
let attached = false;

/**
 * Leaves `telemetry` on `request`, for the handler and the exception filter to find.
 *
 * @example
 * attachTelemetry(request, telemetry); // requestTelemetry(request) === telemetry
 */
export function attachTelemetry(
  request: Record<symbol, unknown>,
  telemetry: RequestTelemetry,
): void {
  attached = true;
  request[MINDOFF_TELEMETRY] = telemetry;
}

/**
 * The telemetry the pipeline left on `request`, if it is recording. While no SDK records, the
 * request is not even looked at (a property it lacks is a slow read on an express request).
 */
export function requestTelemetry(request: unknown): RequestTelemetry | undefined {
  if (!attached) return undefined;
  return (request as Record<symbol, RequestTelemetry | undefined> | null)?.[MINDOFF_TELEMETRY];
}
