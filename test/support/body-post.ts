import type { Answer, RunningApp } from './http-app';
import { rawRequest } from './raw-http';

/** `levels` nested objects around `1`: `{"a":{"a":1}}` is 2 levels deep. */
export const nested = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** One POST written byte for byte: `headers` as given (repeated, missing or odd), `body` raw. */
export async function rawPost(
  server: RunningApp,
  path: string,
  body: string | Buffer,
  headers: string[],
): Promise<{ status: number; envelope: Answer['body'] }> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: localhost',
    ...headers,
    `Content-Length: ${bytes.length}`,
    'Connection: close',
    '',
  ].join('\n');
  const res = await rawRequest(server.url, head, [bytes]);
  return { status: res.status, envelope: JSON.parse(Buffer.from(res.body, 'latin1').toString()) };
}
