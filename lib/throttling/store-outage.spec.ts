import { MindoffHttpError } from '../errors/mindoff-http.error';
import { STORE_OUTAGE_QUIET_MS, StoreOutage } from './store-outage';

function capturingLogger() {
  const lines: string[] = [];
  return {
    lines,
    warn: (message: unknown) => void lines.push(`warn: ${String(message)}`),
    log: (message: unknown) => void lines.push(`log: ${String(message)}`),
  };
}

describe('StoreOutage', () => {
  it("refuses every request with RATE_LIMIT_UNAVAILABLE while the store fails, under 'fail-closed'", () => {
    const outage = new StoreOutage('fail-closed', capturingLogger());
    for (let i = 0; i < 3; i++) {
      let thrown: unknown;
      try {
        outage.failed(new Error('connect ECONNREFUSED'));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(MindoffHttpError);
      expect((thrown as MindoffHttpError).code).toBe('RATE_LIMIT_UNAVAILABLE');
    }
    expect(outage.active).toBe(true);
  });

  it("lets requests through under 'fail-open'", () => {
    const outage = new StoreOutage('fail-open', capturingLogger());
    expect(() => outage.failed(new Error('down'))).not.toThrow();
    expect(outage.active).toBe(true);
    expect(outage.failsOpen).toBe(true);
  });

  it('logs the start and the end of each outage once, not once per request', () => {
    const logger = capturingLogger();
    let now = 1_000_000;
    const outage = new StoreOutage('fail-open', logger, () => now);
    outage.answered();
    for (let i = 0; i < 5; i++) outage.failed(new Error('connect ECONNREFUSED'));
    now += STORE_OUTAGE_QUIET_MS;
    for (let i = 0; i < 5; i++) outage.answered();
    outage.failed('no answer');
    expect(logger.lines).toEqual([
      "warn: The rate-limit store cannot be reached (connect ECONNREFUSED); requests proceed without rate limits (rateLimit.onStoreError: 'fail-open') until it answers again.",
      'log: The rate-limit store answers again; rate limits apply.',
      "warn: The rate-limit store cannot be reached (no answer); requests proceed without rate limits (rateLimit.onStoreError: 'fail-open') until it answers again.",
    ]);
    expect(outage.active).toBe(true);
  });

  it("says that requests are answered 503 under 'fail-closed'", () => {
    const logger = capturingLogger();
    expect(() => new StoreOutage('fail-closed', logger).failed(new Error('down'))).toThrow();
    expect(logger.lines).toEqual([
      'warn: The rate-limit store cannot be reached (down); rate-limited requests are answered 503 RATE_LIMIT_UNAVAILABLE until it answers again.',
    ]);
  });

  it('does not flap while only some keys fail (a Cluster with a slot down): one line until a quiet time passed', () => {
    const logger = capturingLogger();
    let now = 1_000_000;
    const outage = new StoreOutage('fail-open', logger, () => now);
    for (let i = 0; i <= 48; i++) {
      now += 10;
      if (i % 3 === 0) outage.failed(new Error('CLUSTERDOWN The cluster is down'));
      else outage.answered();
      expect(outage.active).toBe(i % 3 === 0);
    }
    expect(logger.lines).toHaveLength(1);
    now += STORE_OUTAGE_QUIET_MS - 1;
    outage.answered();
    expect(logger.lines).toHaveLength(1);
    now += 1;
    outage.answered();
    expect(logger.lines).toEqual([
      "warn: The rate-limit store cannot be reached (CLUSTERDOWN The cluster is down); requests proceed without rate limits (rateLimit.onStoreError: 'fail-open') until it answers again.",
      'log: The rate-limit store answers again; rate limits apply.',
    ]);
  });
});
