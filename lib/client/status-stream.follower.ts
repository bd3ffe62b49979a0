import { toFailure } from './envelope-result.js';
import { MindoffCallRefused } from './mindoff-call-refused.error.js';
import { MindoffClientError } from './mindoff-client.error.js';
import { SseParser } from './sse.parser.js';
import { isFinal, progressOf, type TaskProgress } from './task-progress.type.js';
import { anySignal, parseEnvelope, type Transport } from './transport.js';

/** Where a task's endpoints are, and how to follow its stream. */
export interface StreamFollowing {
  transport: Transport;
  taskId: string;
  /** The task's own path, e.g. `/api/mindoff/queue/<id>/` (found when first needed). */
  taskPath: () => Promise<string>;
  /** How many times in a row a dropped stream is reopened before giving up. */
  retries: number;
  signal?: AbortSignal;
}

/**
 * A task's states as its status stream pushes them, until the final one. Each connection starts
 * with a fresh single-use stream ticket (so it works where no `Authorization` header can be sent);
 * a dropped connection (an error, a close before the end, silence past the timeout) is reopened
 * with `Last-Event-ID`, so no state is repeated, and a 204 on resuming means the end was seen.
 * A refusal (of the ticket or the stream) rejects with `MindoffCallRefused`.
 *
 * @example
 * for await (const state of followStatusStream({ transport, taskId, taskPath, retries: 5 })) show(state);
 */
export async function* followStatusStream(
  following: StreamFollowing,
): AsyncGenerator<TaskProgress, void, undefined> {
  const { transport, taskId, signal } = following;
  let lastEventId: string | undefined;
  let drops = 0;
  let lastError: unknown;
  for (;;) {
    const connection = new AbortController();
    const combined = signal ? anySignal([signal, connection.signal]) : connection.signal;
    try {
      const taskPath = await following.taskPath();
      const ticket = await streamTicket(transport, taskPath, taskId, signal);
      const response = await transport.open(
        {
          method: 'GET',
          path: `${taskPath}stream/?ticket=${encodeURIComponent(ticket)}`,
          headers: lastEventId ? { 'last-event-id': lastEventId } : {},
          signal: combined,
        },
        'text/event-stream',
      );
      if (response.status === 204) return;
      await refuseUnlessEventStream(response, taskId);
      // Any bytes (a heartbeat too) prove the connection worked: drops count from there again.
      const alive = () => (drops = 0);
      for await (const event of sseEvents(response, connection, transport.timeoutMs, alive)) {
        if (event.id && lastEventId && isNotAfter(event.id, lastEventId)) continue;
        if (event.id) lastEventId = event.id;
        const progress = progressOf(event.data);
        if (!progress) continue;
        yield progress;
        if (isFinal(progress.status)) return;
      }
    } catch (error) {
      if (signal?.aborted) {
        throw new MindoffClientError('aborted', `Following task ${taskId} was aborted.`, {
          cause: signal.reason,
        });
      }
      if (!isDrop(error)) throw error;
      lastError = error;
    } finally {
      connection.abort();
    }
    drops++;
    if (drops > following.retries) {
      throw new MindoffClientError(
        'network',
        `The status stream of task ${taskId} dropped ${drops} times in a row.`,
        { cause: lastError },
      );
    }
    await pause(Math.min(100 * 2 ** (drops - 1), 2000), signal);
  }
}

async function streamTicket(
  transport: Transport,
  taskPath: string,
  taskId: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const answer = await transport.send({
    method: 'POST',
    path: `${taskPath}stream-ticket/`,
    signal,
  });
  const ticket = (answer.envelope.data as { ticket?: unknown } | null)?.ticket;
  if (answer.envelope.status !== 'ok' || typeof ticket !== 'string') {
    throw new MindoffCallRefused(toFailure(answer), `A stream ticket for task ${taskId}`);
  }
  return ticket;
}

/** A stream refused in an envelope (too many streams, an unknown task) rejects with that envelope. */
async function refuseUnlessEventStream(response: Response, taskId: string): Promise<void> {
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) return;
  const text = await response.text();
  const envelope = parseEnvelope(text);
  if (envelope) {
    throw new MindoffCallRefused(
      toFailure({ status: response.status, envelope, headers: response.headers }),
      `The status stream of task ${taskId}`,
    );
  }
  throw new MindoffClientError(
    'not_envelope',
    `The status stream of task ${taskId} answered HTTP ${response.status} with neither events nor an envelope.`,
    { url: response.url, status: response.status, body: text },
  );
}

/**
 * The events of a streamed answer; `alive` is told of every chunk, and silence longer than
 * `idleMs` aborts the connection.
 */
async function* sseEvents(
  response: Response,
  connection: AbortController,
  idleMs: number,
  alive: () => void,
) {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let idle: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => connection.abort(), idleMs);
  };
  try {
    watch();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      watch();
      alive();
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    if (idle !== undefined) clearTimeout(idle);
    reader.cancel().catch(() => undefined);
  }
}

/** A lost connection worth reopening: no answer, a broken or silent body, a timeout. */
function isDrop(error: unknown): boolean {
  if (error instanceof MindoffCallRefused) return false;
  if (error instanceof MindoffClientError)
    return error.kind === 'network' || error.kind === 'timeout';
  return true;
}

/** Whether event id `id` is not newer than `last` (both numbers: the server's update times). */
function isNotAfter(id: string, last: string): boolean {
  const [a, b] = [Number(id), Number(last)];
  return Number.isFinite(a) && Number.isFinite(b) && a <= b;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedFollowing(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedFollowing(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedFollowing(signal: AbortSignal): MindoffClientError {
  return new MindoffClientError('aborted', 'Following a task was aborted.', {
    cause: signal.reason,
  });
}
