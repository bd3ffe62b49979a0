import { Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MindoffApi, MindoffModule, MindoffVersions, MindoffResponse } from 'mindoff';
import { createTestApp, expectEnvelope } from 'mindoff/testing';
import { Injectable } from '@nestjs/common';

@Injectable()
class Greeting {
  text() {
    return 'hello';
  }
}

@MindoffApi({ urlName: 'hello__greet', name: 'Greet', method: 'GET' })
class GreetV1Api {
  async run() {
    return MindoffResponse.json({ code: 'SUCCESS', data: { greeting: 'hi' } });
  }
}

const GreetVersions = MindoffVersions.register({ 1: GreetV1Api });

@Module({
  imports: [MindoffModule.forRoot({ defaults: { limits: { request: '1/m' } } }), GreetVersions],
})
class RootModule {}

@Module({ providers: [Greeting], exports: [Greeting] })
class GreetingModule {}

describe('createTestApp', () => {
  it('adds MindoffModule.forRoot() to a version map and serves it', async () => {
    const app = await createTestApp(GreetVersions);
    try {
      expectEnvelope(await app.call('hello__greet', { version: 1 }), {
        code: 'SUCCESS',
        data: { greeting: 'hi' },
      });
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await app.close();
    }
  });

  it('passes the mindoff options to MindoffModule.forRoot()', async () => {
    const app = await createTestApp(GreetVersions, {
      mindoff: { defaults: { limits: { request: '1/m' } } },
    });
    try {
      await app.call('hello__greet', { version: 1 });
      expectEnvelope(await app.call('hello__greet', { version: 1 }), {
        code: 'API_RATE_LIMITED',
        httpStatus: 429,
      });
    } finally {
      await app.close();
    }
  });

  it("uses a root module's own MindoffModule and refuses options it would ignore", async () => {
    const app = await createTestApp(RootModule);
    try {
      await app.call('hello__greet', { version: 1 });
      expectEnvelope(await app.call('hello__greet', { version: 1 }), { code: 'API_RATE_LIMITED' });
    } finally {
      await app.close();
    }
    await expect(createTestApp(RootModule, { mindoff: {} })).rejects.toThrow(
      'createTestApp: the module imports MindoffModule already, so the mindoff option would be ignored; set the options in its MindoffModule.forRoot() instead.',
    );
  });

  it('runs on the fastify adapter it is given', async () => {
    const app = await createTestApp(GreetVersions, {
      httpAdapter: new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }),
    });
    try {
      expect(app.app.getHttpAdapter().getType()).toBe('fastify');
      expectEnvelope(await app.call('hello__greet', { version: 1 }));
    } finally {
      await app.close();
    }
  });

  it('lets the test change the testing module before it compiles', async () => {
    const app = await createTestApp(
      { module: class HostModule {}, imports: [GreetingModule, GreetVersions] },
      {
        configure: (builder) => builder.overrideProvider(Greeting).useValue({ text: () => 'fake' }),
      },
    );
    try {
      expect(app.app.get(Greeting).text()).toBe('fake');
    } finally {
      await app.close();
    }
  });

  it("refuses queue: 'wait' until mindoff runs queue-mode tasks in tests", async () => {
    await expect(createTestApp(GreetVersions, { queue: 'wait' })).rejects.toThrow(
      "createTestApp({ queue: 'wait' }) needs mindoff's queue mode",
    );
  });
});
