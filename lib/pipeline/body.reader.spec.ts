import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readBody } from './body.reader';
import { MindoffHttpError } from '../errors/mindoff-http.error';

function stream(headers: Record<string, string>, chunks: string[]): IncomingMessage {
  const s = new PassThrough() as unknown as IncomingMessage & PassThrough;
  Object.assign(s, { headers });
  setImmediate(() => {
    for (const chunk of chunks) s.write(chunk);
    s.end();
  });
  return s;
}

describe('readBody', () => {
  it('reads a chunked body under the limit', async () => {
    const body = await readBody(stream({ 'transfer-encoding': 'chunked' }, ['ab', 'cd']), 10);
    expect(body.toString()).toBe('abcd');
  });

  it('refuses an honest Content-Length over the limit without reading', async () => {
    await expect(readBody(stream({ 'content-length': '11' }, []), 10)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('cuts a body whose bytes pass the limit whatever Content-Length claimed', async () => {
    const error = await readBody(stream({ 'content-length': '2' }, ['abcdef', 'ghijkl']), 10).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MindoffHttpError);
    expect((error as MindoffHttpError).headers).toEqual({ Connection: 'close' });
  });

  it('returns an empty buffer when no body is announced', async () => {
    expect((await readBody(stream({}, []), 10)).length).toBe(0);
  });

  it('reads any size when the limit is null', async () => {
    const body = await readBody(
      stream({ 'transfer-encoding': 'chunked' }, ['x'.repeat(5000)]),
      null,
    );
    expect(body.length).toBe(5000);
  });
});
