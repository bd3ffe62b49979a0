import { RateLimitLabModule, VALID_TOKEN, checkedTokens } from '../fixtures/rate-limit.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { waitUntil } from '../support/wait-until';

describe.each(ADAPTERS)('failed authentications on %s', (adapter) => {
  let app: RunningApp;
  /** `GET /v1/rl/whoami/` with a bearer token, from the client address `from` (X-Forwarded-For). */
  const whoami = (token: string | null, from: string) =>
    call(app.url, 'GET', '/v1/rl/whoami/', {
      headers: {
        'x-forwarded-for': from,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
    });

  beforeAll(async () => {
    app = await startApp(
      RateLimitLabModule.with({ trustProxy: true, rateLimit: { failedAuth: '3/s' } }),
      adapter,
    );
  });
  afterAll(() => app.close());

  it('answers 3 bad tokens 401, then refuses the address 429 before checking any token, valid ones included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await whoami(`guess-${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const checkedBefore = checkedTokens.length;

    const guess = await whoami('guess-3', '203.0.113.7');
    expect(guess.status).toBe(429);
    expect(guess.body.message.code).toBe('API_RATE_LIMITED');
    expect(guess.body.data).toEqual({ limit: '3/s', retry_after_seconds: 1 });
    expect(guess.headers.get('retry-after')).toBe('1');

    const valid = await whoami(VALID_TOKEN, '203.0.113.7');
    expect(valid.status).toBe(429);
    expect(valid.body.message.code).toBe('API_RATE_LIMITED');
    expect(checkedTokens.length).toBe(checkedBefore);

    const anonymous = await whoami(null, '203.0.113.7');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data).toEqual({ user: null });

    const elsewhere = await whoami(VALID_TOKEN, '198.51.100.20');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data).toEqual({ user: { id: 'asha' } });
  });

  it('lets the address in again once the window has passed', async () => {
    // Valid tokens are never counted, so asking with one waits for the window without moving it.
    await waitUntil(async () => (await whoami(VALID_TOKEN, '203.0.113.7')).status === 200);
    const valid = await whoami(VALID_TOKEN, '203.0.113.7');
    expect(valid.status).toBe(200);
    expect(valid.body.data).toEqual({ user: { id: 'asha' } });
    expect((await whoami('guess-again', '203.0.113.7')).status).toBe(401);
  });

  it('never counts valid tokens, however many', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) statuses.add((await whoami(VALID_TOKEN, '192.0.2.55')).status);
    expect([...statuses]).toEqual([200]);
  });
});

describe('the failed-authentication limit by default and turned off', () => {
  const guesses = async (app: RunningApp, count: number): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await call(app.url, 'GET', '/v1/rl/whoami/', {
        headers: { authorization: `Bearer guess-${i}` },
      });
      statuses.push(res.status);
    }
    return statuses;
  };

  it("allows 10 failures a minute by default ('10/m')", async () => {
    const app = await startApp(RateLimitLabModule.with({}), 'express');
    try {
      expect(await guesses(app, 11)).toEqual([...Array<number>(10).fill(401), 429]);
    } finally {
      await app.close();
    }
  });

  it('answers every bad token 401 with failedAuth: null', async () => {
    const app = await startApp(
      RateLimitLabModule.with({ rateLimit: { failedAuth: null } }),
      'fastify',
    );
    try {
      expect(new Set(await guesses(app, 15))).toEqual(new Set([401]));
    } finally {
      await app.close();
    }
  });
});
