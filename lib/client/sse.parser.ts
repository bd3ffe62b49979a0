/** One Server-Sent Event: its data (lines joined with `\n`), type and the last event id seen. */
export interface SseEvent {
  /** The `event:` field, `message` when none was sent. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream so far (what a reconnect sends as `Last-Event-ID`). */
  id: string | undefined;
}

/**
 * Parses a Server-Sent Events stream as the HTML standard describes it, from text chunks cut
 * anywhere (inside a line, between `\r` and `\n`): `push` returns the events completed by each
 * chunk. Comment lines (`: heartbeat`) and `retry:` are read and dropped.
 *
 * @example
 * const parser = new SseParser();
 * parser.push('id: 7\ndata: {"a"'); // []
 * parser.push(':1}\n\n');           // [{ event: 'message', data: '{"a":1}', id: '7' }]
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private lastId: string | undefined;
  private afterCr = false;
  private started = false;

  /** Feeds the next chunk of text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A CRLF cut between two chunks is one line end, not two.
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1);
    this.afterCr = false;
    const events: SseEvent[] = [];
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (char === '\r') {
        if (i + 1 === this.buffer.length) this.afterCr = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const data = this.data;
    const event = this.event || 'message';
    this.data = [];
    this.event = '';
    if (data.length === 0) return undefined;
    return { event, data: data.join('\n'), id: this.lastId };
  }
}
