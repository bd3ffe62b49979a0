/**
 * The name mindoff's queue is registered under with @nestjs/bullmq, so the app's own tools find
 * it: `@InjectQueue(MINDOFF_QUEUE)` gives the BullMQ `Queue`, and bull-board's
 * `BullBoardModule.forFeature({ name: MINDOFF_QUEUE, adapter: BullMQAdapter })` shows its tasks.
 */
export const MINDOFF_QUEUE = 'mindoff';

/** @nestjs/bullmq's `getQueueToken(MINDOFF_QUEUE)`, written without loading the optional peer. */
export const MINDOFF_QUEUE_TOKEN = `BullQueue_${MINDOFF_QUEUE}`;

/** @nestjs/bullmq's `getSharedConfigToken(configKey)`: where `BullModule.forRoot()` keeps its options. */
export function bullSharedConfigToken(configKey?: string): string {
  return configKey ? `BULLMQ_CONFIG(${configKey})` : 'BULLMQ_CONFIG(default)';
}
