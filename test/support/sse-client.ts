/** One Server-Sent Event as a client sees it. */
export interface SseEvent {
  id?: string;
  data?: string;
  comment?: string;
}

/** An open event stream read with fetch: events in arrival order, the status, and close(). */
export interface SseConnection {
  status: number;
  headers: Headers;
  /** The body when the server answered without a stream (an envelope). */
  json?: unknown;
  /** Resolves with the next event (comments included), or null when the stream ended. */
  next(timeoutMs?: number): Promise<SseEvent | null>;
  /** The next event that carries data, parsed. */
  nextData(timeoutMs?: number): Promise<(SseEvent & { parsed: any }) | null>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
  close(): void;
}

export async function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: JSON.parse(text),
      next: async () => null,
      nextData: async () => null,
      close: () => undefined,
    };
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  let ended = false;
  let pending: Promise<void> | null = null;
  const pump = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.comment = line.slice(1).trim();
        else if (line.startsWith('id:')) event.id = line.slice(3).trim();
        else if (line.startsWith('data:')) event.data = (event.data ?? '') + line.slice(5).trim();
      }
      queue.push(event);
    }
  };
  const next = async (timeoutMs = 10_000): Promise<SseEvent | null> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0 && !ended) {
      if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
      pending ??= pump().finally(() => (pending = null));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pending,
        new Promise((r) => (timer = setTimeout(r, Math.max(1, deadline - Date.now())))),
      ]);
      clearTimeout(timer);
    }
    return queue.shift() ?? null;
  };
  return {
    status: res.status,
    headers: res.headers,
    next,
    async nextData(timeoutMs) {
      for (;;) {
        const event = await next(timeoutMs);
        if (event === null) return null;
        if (event.data !== undefined) return { ...event, parsed: JSON.parse(event.data) };
      }
    },
    close: () => controller.abort(),
  };
}
