import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request of the load, as a client sends it. */
export interface RequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Send the headers first and wait this long for an early answer before the body, as curl does
   * with `Expect: 100-continue`: a body refused on its Content-Length is then never sent.
   */
  holdBodyMs?: number;
}

/** The server's whole answer and how long it took, from sending to the last byte. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
  ms: number;
}

/**
 * Sends `spec` to 127.0.0.1:`port` and reads the whole answer. `agent` is the client's own
 * keep-alive agent, or false for a connection of its own that closes after the answer. Rejects
 * on a connection error (refused, reset, timeout) before the answer was read.
 */
export function send(
  port: number,
  agent: http.Agent | false,
  spec: RequestSpec,
  timeoutMs = 30_000,
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = Buffer.byteLength(spec.body);
    let answered = false;
    let bodySent = false;
    const sendBody = () => {
      if (answered || bodySent) return;
      bodySent = true;
      req.end(spec.body);
    };
    const req = http.request(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          });
          if (!bodySent) req.destroy(); // answered early: the body is not needed
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // Once the answer has arrived, a later socket error (the server closing the connection after
    // a refusal) changes nothing.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (spec.holdBodyMs === undefined || spec.body === undefined) return sendBody();
    req.flushHeaders();
    setTimeout(sendBody, spec.holdBodyMs).unref();
  });
}

/** What a client saw on one status stream. */
export interface StreamOutcome {
  status: number;
  /** ms from the request to the first event (the task's state when the stream opened). */
  firstEventMs: number;
  /** Each event's data, parsed, in order. */
  events: { job_status: string; progress: { percent: number } }[];
  /** The answer's body when it was not a stream (a refusal). */
  body: string;
}

/**
 * Opens a Server-Sent Events stream on a connection of its own and reads it until the server ends
 * it. Rejects on a connection error or when the stream stays silent for `idleMs`.
 */
export function readStream(
  port: number,
  spec: RequestSpec,
  idleMs = 60_000,
): Promise<StreamOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'GET',
        path: spec.path,
        headers: spec.headers,
        agent: false,
      },
      (res) => {
        const outcome: StreamOutcome = {
          status: res.statusCode ?? 0,
          firstEventMs: NaN,
          events: [],
          body: '',
        };
        const isStream = String(res.headers['content-type']).startsWith('text/event-stream');
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (!isStream) return void (outcome.body += chunk);
          buffer += chunk;
          for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, cut)
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trim())
              .join('');
            buffer = buffer.slice(cut + 2);
            if (!data) continue; // a heartbeat comment
            if (outcome.events.length === 0) outcome.firstEventMs = performance.now() - started;
            try {
              outcome.events.push(JSON.parse(data) as StreamOutcome['events'][number]);
            } catch {
              req.destroy(new Error(`an event that is not JSON: ${data.slice(0, 100)}`));
              return;
            }
          }
        });
        res.on('error', reject);
        res.on('end', () => resolve(outcome));
      },
    );
    req.setTimeout(idleMs, () => req.destroy(new Error(`stream silent for ${idleMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
