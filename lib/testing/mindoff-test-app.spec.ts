import { Injectable, Module } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { IsAuthenticated, MindoffApi, MindoffVersions, type MindoffContext } from 'mindoff';
import {
  createTestApp,
  expectEnvelope,
  MindoffTestingError,
  type MindoffTestApp,
} from 'mindoff/testing';

@MindoffApi({
  urlName: 'kit__echo',
  name: 'Echo',
  method: 'POST',
  payloadSchema: { n: Number },
  payloadValidation: 'strict',
})
class EchoV1Api {
  async run({ payload, query, version }: MindoffContext<{ n: number }>) {
    return { payload, query, version };
  }
}

@MindoffApi({ urlName: 'kit__item', name: 'Item', method: 'GET', params: { item_id: String } })
class ItemV1Api {
  async run({ params, query }: MindoffContext) {
    return { params, query };
  }
}

@MindoffApi({
  urlName: 'kit__me',
  name: 'Me',
  method: 'GET',
  auth: ['kit-bearer'],
  permissions: [IsAuthenticated],
})
class MeV1Api {
  async run({ user }: MindoffContext) {
    return { user };
  }
}

@Injectable()
class KitBearerStrategy extends PassportStrategy(Strategy, 'kit-bearer') {
  validate(token: string) {
    return token === 'good-token' ? { id: 'u_token' } : false;
  }
}

@Module({
  imports: [
    MindoffVersions.register({ 1: EchoV1Api }),
    MindoffVersions.register(
      { 1: ItemV1Api },
      { path: ['kit/items/:item_id', 'kit/things/:item_id/detail'] },
    ),
    MindoffVersions.register({ 1: MeV1Api }),
  ],
  providers: [KitBearerStrategy],
})
class KitModule {}

describe('MindoffTestApp.call', () => {
  let app: MindoffTestApp;
  beforeAll(async () => {
    app = await createTestApp(KitModule);
  });
  afterAll(() => app.close());

  it('calls an API by urlName and version with its declared method and a JSON payload', async () => {
    const answer = await app.call('kit__echo', {
      version: 1,
      payload: { n: 2 },
      query: { tag: ['a', 'b'] },
    });
    expect(answer.request).toBe('POST /v1/kit/echo/');
    expectEnvelope(answer, {
      status: 'ok',
      code: 'SUCCESS',
      httpStatus: 200,
      data: { payload: { n: 2 }, query: { tag: ['a', 'b'] }, version: 1 },
    });
  });

  it('answers what the pipeline answers, e.g. INVALID_PAYLOAD', async () => {
    const answer = await app.call('kit__echo', { version: 1, payload: { n: 'two' } });
    expectEnvelope(answer, {
      status: 'fail',
      code: 'INVALID_PAYLOAD',
      category: 'danger',
      httpStatus: 400,
    });
  });

  it('fills route parameters of a custom path', async () => {
    const answer = await app.call('kit__item', { version: 1, params: { item_id: 'a b' } });
    expect(answer.request).toBe('GET /v1/kit/items/a%20b/');
    expectEnvelope(answer, { code: 'SUCCESS', data: { params: { item_id: 'a b' }, query: {} } });
  });

  it('calls another pattern of the map when asked, and names the patterns for an unknown one', async () => {
    const answer = await app.call('kit__item', {
      version: 1,
      params: { item_id: 7 },
      pattern: 'kit/things/:item_id/detail',
    });
    expect(answer.request).toBe('GET /v1/kit/things/7/detail/');
    expectEnvelope(answer, { code: 'SUCCESS', data: { params: { item_id: '7' }, query: {} } });
    await expect(
      app.call('kit__item', { version: 1, params: { item_id: 7 }, pattern: 'kit/nope' }),
    ).rejects.toThrow(
      "kit__item is not served at 'kit/nope'; its patterns are 'kit/items/:item_id', 'kit/things/:item_id/detail'.",
    );
  });

  it('says which params a custom path needs', async () => {
    await expect(app.call('kit__item', { version: 1 })).rejects.toThrow(
      "kit__item is served at 'kit/items/:item_id'; pass params: { item_id: ... }.",
    );
  });

  it('answers INVALID_API_VERSION with the available versions for a version the API lacks', async () => {
    const answer = await app.call('kit__echo', { version: 7, payload: { n: 1 } });
    expectEnvelope(answer, {
      code: 'INVALID_API_VERSION',
      httpStatus: 404,
      data: { available_versions: [1] },
    });
  });

  it('sends another method when asked, to check INVALID_METHOD', async () => {
    const answer = await app.call('kit__echo', { version: 1, method: 'get' });
    expectEnvelope(answer, { code: 'INVALID_METHOD', httpStatus: 405 });
  });

  it('authenticates as a forced user without credentials', async () => {
    const answer = await app.call('kit__me', { version: 1, user: { id: 'u_forced' } });
    expectEnvelope(answer, { code: 'SUCCESS', data: { user: { id: 'u_forced' } } });
  });

  it('forgets the forced user after the call', async () => {
    await app.call('kit__me', { version: 1, user: { id: 'u_forced' } });
    expectEnvelope(await app.call('kit__me', { version: 1 }), {
      code: 'NOT_AUTHENTICATED',
      httpStatus: 401,
    });
  });

  it('sends a bearer token to the real strategies', async () => {
    expectEnvelope(await app.call('kit__me', { version: 1, token: 'good-token' }), {
      code: 'SUCCESS',
      data: { user: { id: 'u_token' } },
    });
    expectEnvelope(await app.call('kit__me', { version: 1, token: 'bad' }), {
      code: 'AUTHENTICATION_FAILED',
      httpStatus: 401,
    });
  });

  it('refuses a forced user on an API without auth, saying why', async () => {
    await expect(
      app.call('kit__item', { version: 1, params: { item_id: 1 }, user: { id: 1 } }),
    ).rejects.toThrow(
      'ItemV1Api declares no auth strategies, so its user is always null; add auth: [...] to its @MindoffApi, or call it without user.',
    );
  });

  it('refuses a payload on a GET API', async () => {
    await expect(
      app.call('kit__item', { version: 1, params: { item_id: 1 }, payload: {} }),
    ).rejects.toThrow(
      new MindoffTestingError(
        'kit__item is a GET API, which reads no payload; send the values as query instead.',
      ),
    );
  });

  it('names the APIs it serves when the urlName is unknown', async () => {
    await expect(app.call('kit__nope', { version: 1 })).rejects.toThrow(
      "No API 'kit__nope' in this test app; it serves kit__echo, kit__item, kit__me. Build the app from the module that imports its version map.",
    );
  });

  it('refuses to wait for the task of a direct API', async () => {
    await expect(app.call('kit__echo', { version: 1, queue: 'wait' })).rejects.toThrow(
      "EchoV1Api is a direct API: there is no task to wait for; drop queue: 'wait'.",
    );
  });

  it('tells which class serves a version', () => {
    expect(app.route('kit__echo', 1)).toEqual({
      cls: EchoV1Api,
      method: 'POST',
      path: '/v1/kit/echo/',
    });
    expect(app.route('kit__echo', 2)).toBeUndefined();
    expect(app.route('kit__nope', 1)).toBeUndefined();
  });
});
