import { isSaneRequestId, pickRequestId } from './request-id';
import { forRequest } from './request.logger';
import { requestIdOf, tagRequest } from './request-tag';

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

describe('forRequest', () => {
  it('writes the id of the request a line is about in front of it, and nothing without one', () => {
    expect(forRequest('req-7', 'boom')).toBe('request_id=req-7 boom');
    expect(forRequest(undefined, 'outside')).toBe('outside');
  });
});

describe('request tags', () => {
  it('keeps the id on the Node request, found from the adapter request wrapping it too', () => {
    const raw = {};
    expect(requestIdOf(raw)).toBeUndefined();
    tagRequest({ raw }, 'req-9');
    expect([requestIdOf(raw), requestIdOf({ raw }), requestIdOf(undefined)]).toEqual([
      'req-9',
      'req-9',
      undefined,
    ]);
  });
});
