import { setTimeout as sleep } from 'node:timers/promises';
import { address, failure, type LoadContext } from './clients';
import { send } from './http-client';
import type { Kind } from './traffic';

const STILL_GOING = new Set(['QUEUE_TASK_PENDING', 'QUEUE_TASK_RUNNING']);

/** A task's own endpoint, read after the load: a finished task answers its stored result. */
const CHECK: Kind = {
  name: 'GET mindoff/queue/<id>/ (unwatched tasks)',
  group: 'after',
  request: () => ({ method: 'GET', path: '/' }),
  expect: [
    { status: 200, code: 'SUCCESS' },
    { status: 200, code: 'QUEUE_TASK_PENDING' },
    { status: 200, code: 'QUEUE_TASK_RUNNING' },
  ],
};

/**
 * Once the load is over, reads every unwatched task until it has finished or `deadline` passed
 * (each read from an address of its own, so the endpoint's per-client limit never answers).
 * A failed task, or one still unfinished at the deadline, is an error.
 */
export async function settleUnwatched(
  ctx: LoadContext,
  deadline: number,
): Promise<{ completed: number; unfinished: number }> {
  let pending = [...ctx.unwatched];
  let completed = 0;
  let reads = 0;
  for (let round = 0; pending.length > 0 && (round === 0 || Date.now() < deadline); round++) {
    const next: string[] = [];
    for (const id of pending) {
      const spec = {
        method: 'GET',
        path: `/mindoff/queue/${id}/`,
        headers: { 'x-forwarded-for': address(5, reads++) },
      };
      try {
        const answer = await send(ctx.port, false, spec);
        if (ctx.tally.answer(CHECK, answer, spec.path) !== null) continue;
        const code = (JSON.parse(answer.body) as { message: { code: string } }).message.code;
        if (STILL_GOING.has(code)) next.push(id);
        else completed++;
      } catch (error) {
        ctx.tally.record(
          CHECK.name,
          CHECK.group,
          NaN,
          'connection error',
          failure(error),
          spec.path,
        );
      }
    }
    pending = next;
    if (pending.length > 0) await sleep(1000);
  }
  for (const id of pending) {
    ctx.tally.record(
      'unwatched tasks',
      'after',
      NaN,
      'unfinished',
      'not finished by the end of the drain',
      id,
    );
  }
  return { completed, unfinished: pending.length };
}
