// The public surface of `mindoff/client`: a dependency-free client of mindoff apps, for Node ≥ 20
// and browsers. Nothing here loads server code; the server's types are read with `import type` only.

export { createMindoffClient, type MindoffClient } from './mindoff-client.js';
export type { FetchLike, MindoffClientOptions, PerRequest } from './client-options.interface.js';
export type { RetryPolicy } from './retry-policy.js';
export type { UploadFile, UploadFiles } from './upload-file.type.js';
export type {
  ApiName,
  ApiOf,
  ApiShape,
  ApisShape,
  ApiVersion,
  CallOptions,
  QueryValue,
  RequestOptions,
} from './api-shape.type.js';
export type { ApiShapeOf, JsonOf, MindoffApisOf, VersionMapLike } from './apis-of.type.js';
export type {
  CallFailure,
  CallResult,
  CallSuccess,
  FailureCode,
  TaskAck,
  TaskCancelled,
  TaskFailureData,
} from './call-result.type.js';
export {
  MindoffClientError,
  type MindoffClientErrorDetails,
  type MindoffClientErrorKind,
} from './mindoff-client.error.js';
export { MindoffCallRefused } from './mindoff-call-refused.error.js';
export type { MindoffClientManifest, MindoffRoute, MindoffRouteTable } from './route-table.type.js';
export type { KnownRoutes } from './route-source.js';
export { rateLimitOf, type RateLimitState } from './rate-limit-state.js';
export type { TaskHandle } from './task.handle.js';
export type { TaskProgress, TaskStatus } from './task-progress.type.js';
