import { connect } from 'node:net';

/** One raw HTTP exchange as the client saw it: `status` 0 when the server closed without answering. */
export interface RawExchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The client gave up waiting (the server neither answered nor closed in time). */
  timedOut: boolean;
}

/**
 * Writes `request` byte for byte to a fresh connection and reads the first answer: until it is
 * complete by its Content-Length or chunked framing, the server closes, or `timeoutMs` passes.
 * With `endAfterWrite` the client half-closes after writing (a body that never fully arrives).
 */
export function exchange(
  url: string,
  request: Buffer,
  { timeoutMs = 10_000, endAfterWrite = false } = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(chunks)), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (data: Buffer) => {
      chunks.push(data);
      if (isComplete(Buffer.concat(chunks))) finish(false);
    });
    // A server that answers early and closes may reset the rest of a long write: what arrived counts.
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.write(request, () => {
      if (endAfterWrite && !socket.destroyed) socket.end();
    });
  });
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The answer without any interim `1xx` heads (`100 Continue`) before it. */
function finalAnswer(received: Buffer): Buffer {
  let rest = received;
  while (/^HTTP\/1\.[01] 1\d\d /.test(rest.subarray(0, 13).toString('latin1'))) {
    const split = rest.indexOf(HEAD_END);
    if (split === -1) return rest;
    rest = rest.subarray(split + 4);
  }
  return rest;
}

function isComplete(all: Buffer): boolean {
  const received = finalAnswer(all);
  const split = received.indexOf(HEAD_END);
  if (split === -1) return false;
  const head = received.subarray(0, split).toString('latin1');
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return received.length - split - 4 >= Number(length[1]);
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    return received.subarray(received.length - 5).toString('latin1') === '0\r\n\r\n';
  }
  return false;
}

function parseAnswer(all: Buffer): Omit<RawExchange, 'timedOut'> {
  const received = finalAnswer(all);
  const split = received.indexOf(HEAD_END);
  if (split === -1) return { status: 0, headers: {}, body: Buffer.alloc(0) };
  const [statusLine, ...lines] = received.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const raw = received.subarray(split + 4);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? unchunk(raw) : raw;
  return { status, headers, body };
}

function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = raw.indexOf('\r\n', at);
    if (line === -1) break;
    const size = parseInt(raw.subarray(at, line).toString('latin1'), 16);
    if (!size) break;
    parts.push(raw.subarray(line + 2, line + 2 + size));
    at = line + 4 + size;
  }
  return Buffer.concat(parts);
}
