import { requestFingerprint, type FingerprintParts } from './request-fingerprint';

const base: FingerprintParts = {
  urlName: 'payments__charge',
  version: 1,
  params: { id: 7 },
  query: { page: '2' },
  payload: { amount: 10, currency: 'EUR', items: [{ sku: 'a', qty: 1 }] },
};
const file = (bytes: string) => ({ name: 'a.png', type: 'image/png', buffer: Buffer.from(bytes) });

describe('requestFingerprint', () => {
  it('ignores the order of object keys at every level', () => {
    const reordered = {
      ...base,
      payload: { items: [{ qty: 1, sku: 'a' }], currency: 'EUR', amount: 10 },
    };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(base));
  });

  it.each([
    ['the API', { urlName: 'payments__refund' }],
    ['the version', { version: 2 }],
    ['a path parameter', { params: { id: 8 } }],
    ['the query', { query: { page: '3' } }],
    ['the payload', { payload: { amount: 11, currency: 'EUR', items: [{ sku: 'a', qty: 1 }] } }],
    [
      'the order of an array',
      { payload: { amount: 10, currency: 'EUR', items: [{ sku: 'a', qty: 1 }, 1] } },
    ],
    ['a value moved between query and payload', { query: {}, payload: { page: '2' } }],
  ])('changes with %s', (_case, change) => {
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });

  it('counts uploaded files by their bytes', () => {
    const one = requestFingerprint({ ...base, files: { avatar: [file('one')] } });
    expect(requestFingerprint({ ...base, files: { avatar: [file('one')] } })).toBe(one);
    expect(requestFingerprint({ ...base, files: { avatar: [file('two')] } })).not.toBe(one);
    expect(requestFingerprint(base)).not.toBe(one);
  });

  it('writes a body nested far deeper than the call stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    expect(requestFingerprint({ ...base, payload: deep })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells strings from numbers and dates by their JSON', () => {
    expect(requestFingerprint({ ...base, payload: { a: 1 } })).not.toBe(
      requestFingerprint({ ...base, payload: { a: '1' } }),
    );
    expect(requestFingerprint({ ...base, payload: { at: new Date(1) } })).not.toBe(
      requestFingerprint({ ...base, payload: { at: new Date(2) } }),
    );
  });
});
