import { Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  Int,
  MindoffApi,
  MindoffConfigurationError,
  MindoffModule,
  MindoffVersions,
  type MindoffApiOptions,
} from 'mindoff';
import { initOutcome } from '../support/init-outcome';

/** The error the app's start-up threw; fails the test when it started. */
async function initError(module: unknown, adapter?: FastifyAdapter): Promise<Error> {
  const error = await initOutcome(module, adapter);
  if (!error) throw new Error('the app started');
  return error;
}

const bad = (options: Record<string, unknown>) => options as unknown as MindoffApiOptions;

@MindoffApi(
  bad({
    urlName: 'shop__broken',
    name: '',
    method: 'FETCH',
    limits: { request: '30/min', queueStatusStream: -1, burst: '1/s' },
    maxPayloadSize: 0,
    payloadValidation: 'loose',
    payloadSchema: { qty: 'int' },
    progressSteps: { a: { label: 'A', percent: 50 } },
    maxPayloadSze: 3,
  }),
)
class BrokenV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'shop__no_run', name: 'No Run', method: 'GET' })
class NoRunV1Api {}

@MindoffApi({ urlName: 'shop__dupe', name: 'Dupe', method: 'GET' })
class DupeAV1Api {
  async run() {
    return {};
  }
}
@MindoffApi({ urlName: 'shop__dupe', name: 'Dupe', method: 'GET' })
class DupeBV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'shop__unmapped', name: 'Unmapped', method: 'GET' })
class UnmappedApi {
  async run() {
    return {};
  }
}

@MindoffApi({
  urlName: 'shop__ghost_auth',
  name: 'Ghost Auth',
  method: 'GET',
  auth: ['nobody-registered-this'],
})
class GhostAuthV1Api {
  async run() {
    return {};
  }
}

@Module({
  imports: [
    MindoffModule.forRoot(),
    MindoffVersions.register({ 1: BrokenV1Api }),
    MindoffVersions.register({ 1: NoRunV1Api }),
    MindoffVersions.register({ 1: DupeAV1Api }),
    MindoffVersions.register({ 1: DupeBV1Api }, { path: 'shop/dupe_b' }),
    MindoffVersions.register({ 1: GhostAuthV1Api }),
  ],
  controllers: [UnmappedApi],
})
class MisconfiguredModule {}

@MindoffApi({ urlName: 'ok__ping', name: 'Ping', method: 'GET', payloadSchema: { a: Int } })
class PingV1Api {
  async run() {
    return {};
  }
}
@Module({ imports: [MindoffModule.forRoot(), MindoffVersions.register({ 1: PingV1Api })] })
class SoundModule {}

describe('startup checks', () => {
  let error: Error;
  beforeAll(async () => {
    error = await initError(MisconfiguredModule);
  });

  it('refuses to start with a MindoffConfigurationError', () => {
    expect(error).toBeInstanceOf(MindoffConfigurationError);
  });

  it.each([
    ['an empty name', 'BrokenV1Api: name must be a non-empty string'],
    [
      'a bad method',
      "BrokenV1Api: method 'FETCH' is not allowed; use one of 'get', 'post', 'put', 'patch', 'delete'.",
    ],
    [
      'a bad rate string',
      "BrokenV1Api: limits.request '30/min' must look like '<n>/<s|m|h|d>', e.g. '30/m'",
    ],
    [
      'a negative stream limit',
      'BrokenV1Api: limits.queueStatusStream -1 must be a whole number >= 0',
    ],
    ['an unknown limit', 'BrokenV1Api: limits.burst is not a limit'],
    ['a zero size', 'BrokenV1Api: maxPayloadSize 0 must be a positive number of megabytes'],
    [
      'a bad validation mode',
      "BrokenV1Api: payloadValidation 'loose' must be 'strict', 'basic' or null.",
    ],
    ['an unsupported schema form', 'BrokenV1Api: payloadSchema.qty'],
    [
      'progress steps on a direct API',
      'BrokenV1Api: progressSteps are only valid for queue-mode APIs',
    ],
    ['a typo in a field name', 'BrokenV1Api: maxPayloadSze is not a @MindoffApi field'],
    ['a missing run()', 'NoRunV1Api: run() is missing'],
    ['a duplicate urlName', "DupeBV1Api: urlName 'shop__dupe' is already used by DupeAV1Api"],
    [
      'an API outside any version map',
      'UnmappedApi: is declared with @MindoffApi but is not in a version map',
    ],
    [
      'an unregistered passport strategy',
      "GhostAuthV1Api: auth 'nobody-registered-this' is not a registered passport strategy",
    ],
  ])('reports %s, naming the class, the field and the fix', (_what, text) => {
    expect(error.message).toContain(text);
  });

  it('reports every problem at once', () => {
    expect((error as MindoffConfigurationError).problems.length).toBeGreaterThanOrEqual(14);
  });

  it('starts a sound app', async () => {
    const ref = await Test.createTestingModule({ imports: [SoundModule] }).compile();
    const app = ref.createNestApplication({ logger: false });
    await expect(app.init()).resolves.toBe(app);
    await app.close();
  });

  it.each([
    ['a plain FastifyAdapter', () => new FastifyAdapter()],
    [
      'a FastifyAdapter that ignores trailing slashes',
      () => new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }),
    ],
  ])('starts a sound app on %s', async (_what, adapter) => {
    const ref = await Test.createTestingModule({ imports: [SoundModule] }).compile();
    const app = ref.createNestApplication(adapter(), { logger: false });
    await expect(app.init()).resolves.toBe(app);
    await app.close();
  });
});
