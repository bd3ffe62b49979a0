import { connect } from 'node:net';

/** The status line and body of a raw HTTP exchange. */
export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Writes bytes straight to the server (for lying Content-Length and chunked bodies) and reads
 * the first response. `chunks` are written one after another; with `endAfterWrite` the client
 * then half-closes its side (hangs up without sending the rest).
 */
export function rawRequest(
  url: string,
  head: string,
  chunks: (string | Buffer)[],
  options: { endAfterWrite?: boolean } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const finish = () => {
      socket.destroy();
      const split = received.indexOf('\r\n\r\n');
      const headPart = split === -1 ? received : received.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headPart)?.[1] ?? 0);
      // A body is as long as its Content-Length says: what follows is the connection's next answer.
      const length = /content-length: (\d+)/i.exec(headPart);
      const end = length ? split + 4 + Number(length[1]) : undefined;
      resolve({
        status,
        head: headPart,
        body: decodeBody(headPart, received.slice(split + 4, end)),
      });
    };
    socket.setTimeout(10000, finish);
    socket.on('data', (data) => {
      received += data.toString('latin1');
      if (complete(received)) finish();
    });
    socket.on('error', (error) => (received ? finish() : reject(error)));
    socket.on('close', finish);
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    const writeNext = (i: number): void => {
      if (socket.destroyed) return;
      if (i >= chunks.length) {
        if (options.endAfterWrite) socket.end();
        return;
      }
      socket.write(chunks[i], () => writeNext(i + 1));
    };
    writeNext(0);
  });
}

function complete(received: string): boolean {
  const split = received.indexOf('\r\n\r\n');
  if (split === -1) return false;
  const head = received.slice(0, split);
  const length = /content-length: (\d+)/i.exec(head);
  if (length) return received.length - split - 4 >= Number(length[1]);
  return /transfer-encoding: chunked/i.test(head) && received.endsWith('0\r\n\r\n');
}

function decodeBody(head: string, body: string): string {
  if (!/transfer-encoding: chunked/i.test(head)) return body;
  let out = '';
  let rest = body;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 4 + size);
  }
}
