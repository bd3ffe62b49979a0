import { request } from 'node:http';

/** One request; its path is sent as written (not normalised or re-encoded). */
export interface Exchange {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** The answer with every header, lower-cased (repeated headers joined with `, `). */
export interface ExchangeAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends `sent` over a fresh connection with node:http and reads the whole answer. An answer
 * that arrives before the body was fully written (an early 413) is kept, even when the server
 * then stops reading and the write fails.
 */
export function exchange(base: string, sent: Exchange): Promise<ExchangeAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      {
        host: hostname,
        port: Number(port),
        method: sent.method,
        path: sent.path,
        headers: sent.headers,
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(sent.body);
  });
}
