import { Logger, type MessageEvent } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Subscription, type Observable } from 'rxjs';
import { ignoreLateHeaders } from '../../http/response-takeover';

/** The headers of a status stream (as Nest's `@Sse()` sends them; `no-transform` keeps compression off). */
const STREAM_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

const logger = new Logger('Mindoff');

/**
 * Answers a HEAD on a status stream: the stream's status and headers, then the end at once (no
 * events, no stream slot), so a HEAD never holds a connection open for as long as the task runs.
 */
export function endAsEventStreamHead(raw: ServerResponse): void {
  for (const [name, value] of Object.entries(STREAM_HEADERS)) {
    // The connection is the client's to keep or close: nothing streams on it.
    if (name !== 'Connection') raw.setHeader(name, value);
  }
  raw.statusCode = 200;
  raw.end();
}

/**
 * Writes `events` to `raw` as Server-Sent Events and resolves once the stream is over (completed,
 * failed, or the client left). The events never pass through the app's interceptors, so one that
 * maps or decorates each value (timing headers, response wrappers, serializers) cannot break a
 * stream; interceptors see the handler's end only. A compression middleware's `flush()` is called
 * after each event, so every event leaves at once. A failure while streaming ends the stream: the
 * client reconnects and resumes from its `Last-Event-ID`.
 */
export function writeEventStream(
  raw: ServerResponse,
  events: Observable<MessageEvent>,
): Promise<void> {
  for (const [name, value] of Object.entries(STREAM_HEADERS)) raw.setHeader(name, value);
  raw.statusCode = 200;
  raw.flushHeaders();
  ignoreLateHeaders(raw);
  const flush = (raw as { flush?: () => void }).flush?.bind(raw);
  return new Promise<void>((resolve) => {
    // A closed Subscription unsubscribes what is added to it later: the events may end while
    // subscribing (a task already finished).
    const subscription = new Subscription();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      raw.off('close', end);
      subscription.unsubscribe();
      if (!raw.writableEnded) raw.end();
      resolve();
    };
    raw.once('close', end);
    subscription.add(
      events.subscribe({
        next: (event) => {
          if (raw.writableEnded) return;
          raw.write(eventText(event));
          flush?.();
        },
        error: (error: unknown) => {
          logger.warn(`A task status stream ended early: ${String(error)}`);
          end();
        },
        complete: end,
      }),
    );
    if (raw.destroyed) end();
  });
}

/** One event in the text/event-stream format; data lines split at line breaks. */
export function eventText(event: MessageEvent): string {
  if (event.comment !== undefined && event.data === undefined) return `: ${event.comment}\n\n`;
  let text = '';
  if (event.type) text += `event: ${event.type}\n`;
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  if (event.retry !== undefined) text += `retry: ${event.retry}\n`;
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  for (const line of data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}
