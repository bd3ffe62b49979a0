import type { CompiledApi } from '../registry/compiled-api';
import { MindoffTestingError } from './testing.error';

/**
 * How a test runs a queue-mode API: `'direct'` runs `run()` inside the request, like the
 * original's test helpers; `'wait'` enqueues it and waits for its task to finish.
 */
export type QueueTestMode = 'direct' | 'wait';

const UNAVAILABLE =
  "needs mindoff's queue mode, which this version of mindoff does not include; test direct APIs only.";

/** Refuses a test app built for `'wait'` until the library runs queue-mode APIs. */
export function checkAppQueueMode(mode: QueueTestMode | undefined): void {
  if (mode === 'wait')
    throw new MindoffTestingError(`createTestApp({ queue: 'wait' }) ${UNAVAILABLE}`);
}

/** Refuses what a call cannot do: waiting on a direct API, or any queue-mode API for now. */
export function checkCallQueueMode(api: CompiledApi, mode: QueueTestMode | undefined): void {
  if (api.processMode === 'queue') {
    throw new MindoffTestingError(
      `${api.className} is a queue-mode API: calling it ${UNAVAILABLE}`,
    );
  }
  if (mode === 'wait') {
    throw new MindoffTestingError(
      `${api.className} is a direct API: there is no task to wait for; drop queue: 'wait'.`,
    );
  }
}
