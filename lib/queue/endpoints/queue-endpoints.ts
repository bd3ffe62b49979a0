import type { QueueEndpointName } from '../../interfaces/mindoff-queue-options.interface';

/** A built-in task endpoint (its own request limit is `queue.endpointLimits[name]`). */
export type QueueEndpoint = QueueEndpointName;

/** The base path of the task endpoints. */
export const QUEUE_BASE_PATH = 'mindoff/queue';
