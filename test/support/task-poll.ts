import { call, type Answer, type RunningApp } from './http-app';

/**
 * Reads a task's detail until `accept` says yes (backing off from 20 ms to 250 ms, so the
 * endpoint's own request limit is not reached), or fails after `timeoutMs` with the last answer.
 */
export async function untilTask(
  app: RunningApp,
  id: string,
  accept: (a: Answer) => boolean,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  let pause = 20;
  for (;;) {
    const answer = await call(app.url, 'GET', `/mindoff/queue/${id}/`, { headers });
    if (accept(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`task ${id} stuck at ${answer.text}`);
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(250, pause * 1.5);
  }
}

/** The envelope's code. */
export const codeOf = (a: Answer) => a.body?.message?.code as string;
