import { resolveOptions } from './resolve-options';
import { resolveIdempotency } from './resolve-idempotency';

describe('resolveIdempotency', () => {
  it('applies every default: answers kept a day, locks of 30 s, 64 MB of keys in memory', () => {
    const problems: string[] = [];
    expect(resolveIdempotency({}, problems)).toEqual({
      ttlMs: 86_400_000,
      lockTtlMs: 30_000,
      prefix: 'mindoff:idem:',
      commandTimeoutMs: 1000,
      memoryMaxBytes: 64 * 1024 * 1024,
    });
    expect(problems).toEqual([]);
  });

  it('takes the memory bound in megabytes, fractions included', () => {
    expect(resolveIdempotency({ memoryMaxMegabytes: 0.5 }, []).memoryMaxBytes).toBe(524_288);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '64' as never])(
    'stops startup for memoryMaxMegabytes %p, naming the option and the fix',
    (value) => {
      const problems: string[] = [];
      resolveIdempotency({ memoryMaxMegabytes: value }, problems);
      expect(problems).toEqual([
        expect.stringMatching(
          /^MindoffModule: idempotency\.memoryMaxMegabytes .+ must be a number of megabytes above 0 \(default 64\), or keep keys in Redis with idempotency\.store: \{ redis: /,
        ),
      ]);
    },
  );

  it('reports a ttl that does not parse beside the memory bound, for startup to list at once', () => {
    const { problems } = resolveOptions({
      idempotency: { ttl: 'soon' as never, memoryMaxMegabytes: 0 },
    });
    expect(problems).toEqual([
      expect.stringContaining('idempotency.ttl "soon"'),
      expect.stringContaining('idempotency.memoryMaxMegabytes 0'),
    ]);
  });
});
