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

@MindoffApi({ urlName: 'hello__report', name: 'Report', method: 'POST', processMode: 'queue' })
class ReportV1Api {
  async run() {
    return { rows: 3 };
  }
}

const ReportVersions = MindoffVersions.register({ 1: ReportV1Api });

@MindoffApi({ urlName: 'hello__slow', name: 'Slow', method: 'POST', processMode: 'queue' })
class SlowV1Api {
  async run() {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return {};
  }
}

const SlowVersions = MindoffVersions.register({ 1: SlowV1Api });

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
      httpAdapter: new FastifyAdapter(),
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

  it("runs queue-mode APIs in the request by default, and waits for their task with queue: 'wait'", async () => {
    const direct = await createTestApp(ReportVersions);
    try {
      expect(direct.queueMode).toBe('direct');
      expectEnvelope(await direct.call('hello__report', { version: 1 }), {
        code: 'SUCCESS',
        data: { rows: 3 },
      });
    } finally {
      await direct.close();
    }
    const waiting = await createTestApp(ReportVersions, { queue: 'wait' });
    try {
      expect(waiting.queueMode).toBe('wait');
      const answer = await waiting.call('hello__report', { version: 1 });
      expect(answer.request).toMatch(/^GET \/mindoff\/queue\/[^/]+\/$/);
      expectEnvelope(answer, { code: 'SUCCESS', data: { rows: 3 } });
      await expect(waiting.call('hello__report', { version: 1, queue: 'direct' })).rejects.toThrow(
        "ReportV1Api: this test app runs queue-mode APIs with queue: 'wait'; build it with createTestApp(module, { queue: 'direct' }) to call them with 'direct'.",
      );
    } finally {
      await waiting.close();
    }
  });

  it('gives up waiting for a task after waitMs, saying how long it waited', async () => {
    const app = await createTestApp(SlowVersions, { queue: 'wait' });
    try {
      await expect(app.call('hello__slow', { version: 1, waitMs: 50 })).rejects.toThrow(
        /^POST \/v1\/hello\/slow\/: its task was still QUEUE_TASK_(PENDING|RUNNING) after 50 ms; pass a larger waitMs\.$/,
      );
    } finally {
      await app.close();
    }
  });
});
