import { Logger } from '@nestjs/common';
import { isSaneRequestId, pickRequestId } from './request-id';
import { RequestLogger } from './request.logger';
import { currentRequestId, withRequestId } from './request-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pickRequestId', () => {
  it.each(['a', 'req-1', 'A.b_c:d-9', 'x'.repeat(128)])('keeps the sane id %j', (id) => {
    expect(isSaneRequestId(id)).toBe(true);
    expect(pickRequestId(id, true)).toBe(id);
  });

  it.each([
    '',
    'x'.repeat(129),
    'two words',
    'a\r\nSet-Cookie: x=1',
    'a\nb',
    'a\u0000b',
    'one, two',
    'café',
    undefined,
    ['a', 'b'],
  ])('replaces %j with a new UUID', (incoming) => {
    expect(isSaneRequestId(incoming)).toBe(false);
    expect(pickRequestId(incoming, true)).toMatch(UUID);
  });

  it('replaces even a sane id when the header is not trusted', () => {
    expect(pickRequestId('req-1', false)).toMatch(UUID);
  });

  it('gives a new id each time', () => {
    expect(pickRequestId(undefined, true)).not.toBe(pickRequestId(undefined, true));
  });
});

describe('RequestLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes the id of the request it logs for in front of each line, and nothing outside one', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const logger = new RequestLogger('Mindoff');
    withRequestId('req-7', () => {
      logger.error('boom', 'stack');
      logger.warn('careful');
    });
    logger.error('outside');
    expect(error.mock.calls).toEqual([['request_id=req-7 boom', 'stack'], ['outside']]);
    expect(warn.mock.calls).toEqual([['request_id=req-7 careful']]);
  });

  it('keeps the scope across awaits, one scope per concurrent request', async () => {
    const seen = await Promise.all(
      ['a', 'b'].map((id) =>
        withRequestId(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, id === 'a' ? 5 : 0));
          return currentRequestId();
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b']);
    expect(currentRequestId()).toBeUndefined();
  });
});
