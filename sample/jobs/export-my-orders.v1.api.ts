import { setTimeout as sleep } from 'node:timers/promises';
import { Literal, MindoffApi, type Infer, type MindoffContext } from 'mindoff';
import type { DemoUser } from '../auth/demo-users';

const schema = { format: Literal('csv', 'json') };

/** How long each step pauses, so progress is visible (0 in tests that only want the result). */
const PAUSE_MS = Number(process.env.SAMPLE_EXPORT_PAUSE_MS ?? 400);

/**
 * A signed-in user's background export. Identical requests of one user while an export is queued
 * or running share that task (deduplication, the default of queue mode); anonymous callers never
 * share tasks, and this API requires a user anyway.
 */
@MindoffApi({
  urlName: 'jobs__export_my_orders',
  name: 'Export My Orders',
  description: 'Exports the caller’s orders in the background; identical requests share one task.',
  method: 'POST',
  processMode: 'queue',
  auth: ['bearer'],
  payloadSchema: schema,
  // Checked before the task is queued: a body without a format (or not an object) answers 400
  // INVALID_PAYLOAD instead of queuing a task that fails on it.
  payloadValidation: 'strict',
  progressSteps: {
    gather: { label: 'Gather orders', percent: 40 },
    write: { label: 'Write the export', percent: 80 },
  },
})
export class ExportMyOrdersV1Api {
  async run({ payload, user, checkpoint, signal }: MindoffContext<Infer<typeof schema>, DemoUser>) {
    await checkpoint('gather');
    await sleep(PAUSE_MS, undefined, { signal });
    await checkpoint('write');
    await sleep(PAUSE_MS, undefined, { signal });
    return { user: user?.name, format: payload.format, rows: 0 };
  }
}
