// The public surface of `mindoff`, by name. Everything else under lib/ is internal and may change
// in any release; lib/public-api.spec.ts lists what is exported so it changes only on purpose.

// The module and its options
export { MindoffModule } from './mindoff.module';
export { MINDOFF_MODULE_OPTIONS } from './mindoff.module-definition';
export { MindoffConfigurationError } from './mindoff.messages';
export type * from './interfaces/mindoff-module-options.interface';
export type * from './interfaces/mindoff-queue-options.interface';
export type * from './interfaces/redis-connection.interface';

// Declaring APIs
export { MindoffApi } from './decorators/mindoff-api.decorator';
export { MindoffResponseCodes } from './decorators/mindoff-response-codes.decorator';
export {
  MindoffVersions,
  type MindoffVersionMap,
  type MindoffVersionsOptions,
  type VersionClasses,
} from './versioning/mindoff-versions';
// The types of the app's APIs for `mindoff/client` (also exported there).
export type { MindoffApisOf } from './client/apis-of.type';
export { AllowAny } from './permissions/allow-any.permission';
export { IsAuthenticated } from './permissions/is-authenticated.permission';
export type * from './interfaces/mindoff-api-options.interface';
export type * from './interfaces/mindoff-context.interface';
export type { ApiContext, ApiData } from './interfaces/api-context.type';

// Payload schemas
export { Any, Int, type Infer } from './validation/schema.types';
export type {
  AnySchema,
  DictOfSchema,
  DictShorthand,
  IntSchema,
  ListOfSchema,
  ListShorthand,
  LiteralSchema,
  LiteralValue,
  OptionalSchema,
  ShorthandSchema,
  UnionSchema,
} from './validation/schema.types';
export { DictOf, ListOf, Literal, Optional, Union } from './validation/schema.builders';
export { compilePayloadSchema, type PayloadSchema } from './validation/payload-schema';
export type { IssueCode, ValidationIssue } from './validation/validation-issue';
export type { ValidationMode, PayloadValidator } from './validation/payload-validator.interface';
export type { PayloadOutcome, StandardSchemaV1 } from './validation/standard-schema';
export type { DtoClass } from './validation/dto-class';

// Answers: the envelope and its codes
export {
  MindoffResponse,
  type FileMindoffResponse,
  type FileResponseFields,
  type FileSource,
  type JsonMindoffResponse,
  type JsonResponseFields,
  type MindoffResponseFields,
  type MindoffResponseKind,
  type TextMindoffResponse,
  type TextResponseFields,
} from './responses/mindoff-response';
export { MindoffValidationError } from './responses/mindoff-validation.error';
export { MindoffHttpError } from './errors/mindoff-http.error';
export {
  DEFAULT_RESPONSES,
  ResponseCodes,
  type DefaultResponseCode,
} from './responses/default-responses';
export { ResponsesCsvError } from './responses/responses-csv.error';
export type {
  CatalogEntry,
  CatalogRow,
  Category,
  Envelope,
  EnvelopeResult,
  EnvelopeStatus,
} from './responses/envelope.interface';

// The envelope for plain controllers
export { MindoffEnvelope } from './plain-routes/mindoff-envelope.decorator';
export { MindoffEnvelopeInterceptor } from './plain-routes/envelope.interceptor';
export { MindoffEnvelopeFilter } from './plain-routes/envelope.filter';
export type { PipeIssue } from './plain-routes/validation-pipe.issues';

// Where APIs are served, and their documentation
export { MindoffRoutes } from './routing/mindoff-routes';
export { MindoffOpenApi } from './openapi/mindoff-openapi';

// Rate-limit stores (for `rateLimit.storage`)
export {
  MemoryThrottlerStorage,
  type MemoryThrottlerStorageOptions,
} from './throttling/memory-throttler.storage';
export {
  RedisThrottlerStorage,
  type RedisThrottlerStorageOptions,
} from './throttling/redis-throttler.storage';

// Idempotency-key stores (for `idempotency.store`)
export type * from './interfaces/idempotency-store.interface';
export { MemoryIdempotencyStore } from './idempotency/memory-idempotency.store';
export { RedisIdempotencyStore } from './idempotency/redis-idempotency.store';

// Health checks for @nestjs/terminus
export {
  MindoffHealthIndicator,
  type MindoffHealthResult,
} from './health/mindoff-health.indicator';
export type { QueueHealthOptions } from './health/queue-health';

// Queue mode
export { TaskCancelledError } from './queue/task-cancelled.error';
export { MINDOFF_QUEUE } from './queue/drivers/bullmq/bull-queue.token';
export type { TaskProgress, TaskStatus } from './queue/task.types';
