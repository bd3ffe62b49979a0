import type { CompiledApi } from '../registry/compiled-api';
import { MindoffTestingError } from './testing.error';

/**
 * How a test app runs queue-mode APIs: `'direct'` runs `run()` inside the request (the kit sets
 * `MINDOFF_RUN_INLINE`, like the original's test helpers); `'wait'` enqueues each
 * call and `call()` waits for its task and returns the task's answer.
 */
export type QueueTestMode = 'direct' | 'wait';

/** Refuses a call whose `queue` option the test app cannot honour. */
export function checkCallQueueMode(
  api: CompiledApi,
  asked: QueueTestMode | undefined,
  app: QueueTestMode,
): void {
  if (api.processMode !== 'queue') {
    if (asked === 'wait') {
      throw new MindoffTestingError(
        `${api.className} is a direct API: there is no task to wait for; drop queue: 'wait'.`,
      );
    }
    return;
  }
  if (asked !== undefined && asked !== app) {
    throw new MindoffTestingError(
      `${api.className}: this test app runs queue-mode APIs with queue: '${app}'; build it with createTestApp(module, { queue: '${asked}' }) to call them with '${asked}'.`,
    );
  }
}
