import type { ApiAnswer } from './api-call.interface';
import { MindoffTestingError } from './testing.error';

const UNFINISHED = new Set(['QUEUE_TASK_PENDING', 'QUEUE_TASK_RUNNING']);

/**
 * Follows a `QUEUED` acknowledgment: reads the task's detail URL (with the caller's headers, so
 * the same user may read it) until the task has finished, and returns that answer. Polls back off
 * so the detail endpoint's rate limit (30/m per task by default) holds for long tasks.
 */
export async function waitForTask(
  queued: ApiAnswer,
  send: (url: string) => Promise<ApiAnswer>,
  timeoutMs: number,
): Promise<ApiAnswer> {
  const data = queued.body?.data as { response_url?: unknown } | undefined;
  if (queued.body?.message.code !== 'QUEUED' || typeof data?.response_url !== 'string') {
    return queued;
  }
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 1000)) {
    const answer = await send(data.response_url);
    if (!UNFINISHED.has(answer.body?.message.code ?? '')) return answer;
    if (Date.now() + delay > deadline) {
      throw new MindoffTestingError(
        `${queued.request}: its task was still ${answer.body?.message.code} after ${timeoutMs} ms; pass a larger waitMs.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
