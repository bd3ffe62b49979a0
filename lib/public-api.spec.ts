import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as mindoff from './index';
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

  // The types are in API Extractor's reports, one per entry point (npm run api:check, in npm test).
  it('has an API report in etc/ for each entry point of the package', () => {
    const { exports } = JSON.parse(
      readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8'),
    ) as {
      exports: Record<string, unknown>;
    };
    const reports = Object.keys(exports)
      .filter((entry) => entry !== './package.json')
      .map((entry) => `${['mindoff', ...entry.split('/').slice(1)].join('-')}.api.md`);
    expect(readdirSync(resolve(__dirname, '..', 'etc')).sort()).toEqual(reports.sort());
  });
});
