import { Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { bufferedBody, readBody } from './body.reader';
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
    expect((error as MindoffHttpError).code).toBe('PAYLOAD_TOO_LARGE');
    // The rest is read and thrown away, so the connection can carry the 413 and stay open.
    expect((error as MindoffHttpError).headers).toEqual({});
  });

  it('reads the rest of a refused body to its end, and closes past 16 MB more', async () => {
    const refused = stream({ 'transfer-encoding': 'chunked' }, ['abcdef', 'ghijkl', 'mnop']);
    await readBody(refused, 4).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(refused.readableEnded).toBe(true);
    const huge = await readBody(
      stream({ 'content-length': String(17 * 1024 * 1024 + 11) }, []),
      10,
    ).catch((e: unknown) => e);
    expect((huge as MindoffHttpError).headers).toEqual({ Connection: 'close' });
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

  describe('when the client aborts its upload', () => {
    let debug: jest.SpyInstance;
    let error: jest.SpyInstance;
    beforeEach(() => {
      debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
      error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => jest.restoreAllMocks());

    const upload = () => {
      const s = new PassThrough() as unknown as IncomingMessage & PassThrough;
      return Object.assign(s, {
        method: 'POST',
        url: '/v1/a/b/?token=secret',
        headers: { 'content-length': '100' },
      });
    };

    it.each([
      ['aborted', (raw: PassThrough) => raw.emit('aborted')],
      [
        'an ECONNRESET error',
        (raw: PassThrough) =>
          raw.emit('error', Object.assign(new Error('aborted'), { code: 'ECONNRESET' })),
      ],
    ])(
      'refuses the read on %s and logs it at debug, with no stack and no query string',
      async (_event, hangUp) => {
        const raw = upload();
        const read = readBody(raw, null);
        raw.write('{"a":');
        await new Promise((resolve) => setImmediate(resolve));
        hangUp(raw);
        await expect(read).rejects.toMatchObject({ code: 'MALFORMED_PAYLOAD' });
        expect(debug.mock.calls).toEqual([
          [expect.stringMatching(/^POST \/v1\/a\/b\/: the client aborted its upload after 5 byte/)],
        ]);
        expect(error).not.toHaveBeenCalled();
        // Node emits its follow-up 'error' only to listeners: none is left, so nothing more is logged.
        expect([raw.listenerCount('error'), raw.listenerCount('aborted')]).toEqual([0, 0]);
      },
    );

    it('refuses at once a request already gone before its body was asked for', async () => {
      const raw = upload();
      raw.destroy();
      await expect(readBody(raw, null)).rejects.toMatchObject({ code: 'MALFORMED_PAYLOAD' });
      expect(debug).toHaveBeenCalledTimes(1);
    });
  });
});

describe('bufferedBody', () => {
  /** A request whose body has arrived, announced by a Content-Length (the real length by default). */
  function arrived(chunks: string[], headers: Record<string, string> = {}): IncomingMessage {
    const s = new PassThrough() as unknown as IncomingMessage & PassThrough;
    for (const chunk of chunks) s.write(chunk);
    const length = String(chunks.join('').length);
    return Object.assign(s, { headers: { 'content-length': length, ...headers } });
  }

  it('takes a body that has fully arrived at once, every chunk of it', () => {
    expect(bufferedBody(arrived(['{"a":', '1}']), 10)?.toString()).toBe('{"a":1}');
  });

  it('gives an empty buffer for an empty body that has arrived', () => {
    expect(bufferedBody(arrived([]), 10)?.length).toBe(0);
  });

  it('leaves to readBody a body still arriving, one over the limit, or one being read', () => {
    expect(bufferedBody(arrived(['abc'], { 'content-length': '5' }), 10)).toBeUndefined();
    expect(bufferedBody(arrived(['abc'], { 'transfer-encoding': 'chunked' }), 10)).toBeUndefined();
    expect(bufferedBody(arrived(['abcdefghijk']), 10)).toBeUndefined();
    const flowing = arrived(['abc']);
    flowing.on('data', () => undefined);
    expect(bufferedBody(flowing, 10)).toBeUndefined();
    const decoded = arrived(['abc']);
    decoded.setEncoding('utf8');
    expect(bufferedBody(decoded, 10)).toBeUndefined();
  });

  it('takes nothing twice: a read body is left to the consumed-body rules', () => {
    const raw = arrived(['abc']);
    expect(bufferedBody(raw, null)?.toString()).toBe('abc');
    expect(bufferedBody(raw, null)).toBeUndefined();
  });
});
