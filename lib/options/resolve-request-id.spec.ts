import { resolveOptions } from './resolve-options';

describe('resolveOptions: requestId', () => {
  it('trusts X-Request-Id by default', () => {
    const { options, problems } = resolveOptions({});
    expect(problems).toEqual([]);
    expect(options.requestId).toEqual({ header: 'X-Request-Id', trustHeader: true });
  });

  it('keeps a header of the app and trustHeader: false', () => {
    const { options } = resolveOptions({
      requestId: { header: 'X-Correlation-Id', trustHeader: false },
    });
    expect(options.requestId).toEqual({ header: 'X-Correlation-Id', trustHeader: false });
  });

  it.each(['', 'X Request Id', 'X-Id\r\nSet-Cookie', 42])(
    'reports a header name %j that is not one',
    (header) => {
      const { problems } = resolveOptions({ requestId: { header: header as string } });
      expect(problems).toEqual([expect.stringContaining('requestId.header')]);
    },
  );
});
