export { createTestApp, type TestAppOptions } from './create-test-app';
export { MindoffTestApp, type ServedApi } from './mindoff-test-app';
export type { ApiAnswer, ApiCallOptions, QueryValue } from './api-call.interface';
export { expectEnvelope, type ExpectedEnvelope } from './expect-envelope';
export { expectVersionMap, versionsOf } from './expect-version-map';
export type { QueueTestMode } from './queue-test-mode';
export { MindoffTestingError } from './testing.error';
