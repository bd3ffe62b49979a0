/** One request a fake fetch received. */
export interface FetchCall {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** A scripted `fetch`: each request is recorded, then answered by `answer`. */
export function fakeFetch(answer: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const call: FetchCall = {
      url,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    init.signal?.throwIfAborted();
    return answer(call);
  };
  return { fetch, calls };
}

/** The envelope answer of `code`, with `data`, as a JSON response. */
export function envelopeAnswer(code: string, data: unknown = null, httpStatus = 200): Response {
  const status = httpStatus < 300 ? 'ok' : httpStatus < 500 ? 'fail' : 'exception';
  const body = {
    status,
    message: { code, title: code, description: code, category: 'info' },
    data,
  };
  return new Response(JSON.stringify(body), {
    status: httpStatus,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * A `text/event-stream` answer sending `chunks` in order, then closing; `fail` instead errors the
 * body after the chunks, as a dropped connection does. The body also ends when `signal` aborts.
 */
export function eventStreamAnswer(
  chunks: string[],
  {
    fail = false,
    hang = false,
    signal,
  }: { fail?: boolean; hang?: boolean; signal?: AbortSignal } = {},
): Response {
  const encoder = new TextEncoder();
  const queue = [...chunks];
  // One chunk per read, so a failure comes after the chunks were read (an error discards a queue).
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => {
        try {
          controller.error(signal.reason);
        } catch {
          // already closed
        }
      });
    },
    pull(controller) {
      const chunk = queue.shift();
      if (chunk !== undefined) return controller.enqueue(encoder.encode(chunk));
      if (fail) return controller.error(new TypeError('terminated'));
      if (!hang) return controller.close();
      return new Promise<void>(() => undefined);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A fetch answer that never comes, until the request's signal aborts it. */
export function never(call: FetchCall): Promise<Response> {
  return new Promise((_resolve, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
  });
}

/** The SSE text of one task state. */
export function stateEvent(id: number, status: string, percent: number, step = ''): string {
  const state = {
    id: 'task-1',
    job_status: status,
    is_cancel: false,
    progress: { percent, current_step: step, current_message: step },
    started_at: '2026-12-01T10:00:00.000Z',
    updated_at: new Date(id).toISOString(),
  };
  return `id: ${id}\ndata: ${JSON.stringify(state)}\n\n`;
}
