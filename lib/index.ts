export { MindoffModule } from './mindoff.module';
export { MINDOFF_MODULE_OPTIONS } from './mindoff.module-definition';
export { MindoffApi } from './decorators/mindoff-api.decorator';
export { MindoffResponseCodes } from './decorators/mindoff-response-codes.decorator';
export { MindoffVersions, type MindoffVersionsOptions } from './versioning/mindoff-versions';
export { AllowAny } from './permissions/allow-any.permission';
export { IsAuthenticated } from './permissions/is-authenticated.permission';
export { MindoffGuard } from './pipeline/mindoff.guard';
export { MindoffHttpError } from './errors/mindoff-http.error';
export { MINDOFF_THROTTLER_STORAGE } from './throttling/rate-limit-storage.provider';
export { MindoffExceptionFilter } from './filters/mindoff-exception.filter';
export { MindoffEnvelope } from './envelope/mindoff-envelope.decorator';
export { MindoffEnvelopeInterceptor } from './envelope/envelope.interceptor';
export { MindoffEnvelopeFilter } from './envelope/envelope.filter';
export { MINDOFF_ENVELOPE_METADATA } from './envelope/envelope.constants';
export type { EnvelopeMode } from './envelope/envelope-mode';
export type { PipeIssue } from './envelope/validation-pipe.issues';
export { MindoffRegistry } from './registry/mindoff.registry';
export { MindoffRoutes } from './routing/mindoff-routes';
export type { CompiledApi } from './registry/compiled-api';
export { MindoffConfigurationError } from './mindoff.messages';
export type * from './interfaces/mindoff-api-options.interface';
export type * from './interfaces/mindoff-context.interface';
export type * from './interfaces/mindoff-module-options.interface';
export * from './responses';
export * from './validation';
export { MemoryThrottlerStorage, RedisThrottlerStorage, parseRate, type Rate } from './throttling';
export { MindoffOpenApi } from './openapi';
export { MindoffQueue } from './queue/mindoff-queue.service';
export { MindoffQueueModule } from './queue/mindoff-queue.module';
export {
  MINDOFF_QUEUE_DRIVER,
  type QueueDriver,
  type TaskRun,
  type TaskRunner,
} from './queue/queue-driver';
export { EmbeddedQueueDriver } from './queue/drivers/embedded.driver';
export { BullmqQueueDriver, type BullmqDriverOptions } from './queue/drivers/bullmq.driver';
export { BrokerUnavailableError } from './queue/broker-unavailable.error';
export { TaskCancelledError } from './queue/task-cancelled.error';
export type * from './queue/task.types';
export type * from './interfaces/mindoff-queue-options.interface';
