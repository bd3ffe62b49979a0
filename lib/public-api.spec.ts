import { resolve } from 'node:path';
import * as mindoff from './index';
import { apiReport } from '../test/support/public-api.report';
import * as client from './client';
import * as testing from './testing';

// The runtime exports of each entry point, by name. A change here is a change of the public API:
// make it on purpose (and say so in the release notes), never as a side effect of a refactor.
describe('the public API', () => {
  it("exports exactly these values from 'mindoff'", () => {
    expect(Object.keys(mindoff).sort()).toEqual([
      'AllowAny',
      'Any',
      'DEFAULT_RESPONSES',
      'DictOf',
      'Int',
      'IsAuthenticated',
      'ListOf',
      'Literal',
      'MINDOFF_MODULE_OPTIONS',
      'MINDOFF_QUEUE',
      'MemoryIdempotencyStore',
      'MemoryThrottlerStorage',
      'MindoffApi',
      'MindoffConfigurationError',
      'MindoffEnvelope',
      'MindoffEnvelopeFilter',
      'MindoffEnvelopeInterceptor',
      'MindoffHealthIndicator',
      'MindoffHttpError',
      'MindoffModule',
      'MindoffOpenApi',
      'MindoffResponse',
      'MindoffResponseCodes',
      'MindoffRoutes',
      'MindoffValidationError',
      'MindoffVersions',
      'Optional',
      'RedisIdempotencyStore',
      'RedisThrottlerStorage',
      'ResponseCodes',
      'ResponsesCsvError',
      'TaskCancelledError',
      'Union',
      'compilePayloadSchema',
    ]);
  });

  it("exports exactly these values from 'mindoff/testing'", () => {
    expect(Object.keys(testing).sort()).toEqual([
      'MindoffTestApp',
      'MindoffTestingError',
      'createTestApp',
      'expectEnvelope',
      'expectVersionMap',
      'versionsOf',
    ]);
  });

  it("exports exactly these values from 'mindoff/client'", () => {
    expect(Object.keys(client).sort()).toEqual([
      'MindoffCallRefused',
      'MindoffClientError',
      'createMindoffClient',
      'rateLimitOf',
    ]);
  });

  // Types included: every exported name with its kind, and each class's public members. The
  // snapshot is the API report; update it (`npx jest lib/public-api.spec.ts -u`) only on purpose.
  it.each(['index.ts', 'testing/index.ts', 'client/index.ts'])(
    'has the API report of lib/%s',
    (entry) => {
      expect(apiReport(resolve(__dirname, entry)).join('\n')).toMatchSnapshot();
    },
  );
});
