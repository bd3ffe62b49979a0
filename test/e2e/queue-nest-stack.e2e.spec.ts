import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { MINDOFF_QUEUE } from 'mindoff';
import { gates, queueLab } from '../fixtures/queue.module';
import { call, startApp, type RunningApp } from '../support/http-app';
import { codeOf, untilTask } from '../support/task-poll';

const REDIS = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const connection = { host: REDIS.hostname, port: Number(REDIS.port || 6379) };
const bearer = (user: string) => ({ authorization: `Bearer user-${user}` });

/** Staff: the user whose id is `staff`. */
@Injectable()
class IsStaff implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest<{ user?: { id?: string } }>().user?.id === 'staff';
  }
}

/** An app service that reaches mindoff's queue the @nestjs/bullmq way. */
@Injectable()
class QueueProbe {
  constructor(@InjectQueue(MINDOFF_QUEUE) readonly queue: Queue) {}
}

/**
 * An app that already runs @nestjs/bullmq: its own BullModule configuration (which mindoff uses
 * instead of a connection of its own), a service injecting mindoff's queue, and bull-board.
 */
function nestStackApp(prefix: string) {
  @Module({
    imports: [
      BullModule.forRoot({ connection, prefix }),
      queueLab({ useBullModule: true, adminPermissions: [IsStaff] }),
      // @bull-board/express pins its own copy of @bull-board/api (types only differ by copy).
      BullBoardModule.forRoot({ route: '/queues', adapter: ExpressAdapter as never }),
      BullBoardModule.forFeature({ name: MINDOFF_QUEUE, adapter: BullMQAdapter }),
    ],
    providers: [QueueProbe],
  })
  class NestStackModule {}
  return NestStackModule;
}

describe('mindoff in an app that runs @nestjs/bullmq and bull-board', () => {
  const prefix = `nest-stack-${randomUUID().slice(0, 8)}`;
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(nestStackApp(prefix), 'express');
  });
  afterAll(() => app?.close());

  it('runs tasks on the connection and prefix of the app’s BullModule.forRoot()', async () => {
    const name = `bull-${randomUUID()}`;
    const ack = await call(app.url, 'POST', '/v2/jobs/report/', { json: { name } });
    const id = ack.body.data.queue_id as string;
    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ name, version: 2 });
    const probe = app.app.get(QueueProbe);
    expect(probe.queue.opts.prefix).toBe(prefix);
    const job = await probe.queue.getJob(id);
    expect([job?.id, await job?.getState()]).toEqual([id, 'completed']);
  });

  it('shows mindoff’s tasks on bull-board, with their state', async () => {
    const name = `board-${randomUUID()}`;
    const id = (await call(app.url, 'POST', '/v1/jobs/report/', { json: { name } })).body.data
      .queue_id as string;
    await untilTask(app, id, (a) => a.body?.data?.job_status === 'running');
    const board = await call(
      app.url,
      'GET',
      `/queues/api/queues?activeQueue=${MINDOFF_QUEUE}&status=active`,
    );
    expect(board.status).toBe(200);
    const queue = (
      board.body.queues as {
        name: string;
        jobs: { id: string }[];
        counts: Record<string, number>;
      }[]
    ).find((q) => q.name === 'mindoff');
    expect(queue?.jobs.map((job) => job.id)).toContain(id);
    expect(queue?.counts.active).toBeGreaterThanOrEqual(1);
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
    await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS');
  });

  it('lets staff read, list, cancel and retry another user’s task, and no one else', async () => {
    const name = `owned-${randomUUID()}`;
    const id = (
      await call(app.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer('ann') })
    ).body.data.queue_id as string;
    const stranger = await call(app.url, 'GET', `/mindoff/queue/${id}/`, {
      headers: bearer('bob'),
    });
    expect([stranger.status, codeOf(stranger)]).toEqual([404, 'QUEUE_TASK_NOT_FOUND']);
    const peek = await call(app.url, 'GET', '/mindoff/queue/list/?owner=ann', {
      headers: bearer('bob'),
    });
    expect([peek.status, codeOf(peek)]).toEqual([403, 'PERMISSION_DENIED']);

    const read = await call(app.url, 'GET', `/mindoff/queue/${id}/`, { headers: bearer('staff') });
    expect(read.body.data.queue_id).toBe(id);
    const listed = await call(app.url, 'GET', '/mindoff/queue/list/?owner=ann', {
      headers: bearer('staff'),
    });
    expect(listed.body.data.tasks.map((t: { id: string }) => t.id)).toContain(id);
    const cancel = await call(app.url, 'POST', `/mindoff/queue/${id}/cancel/`, {
      headers: bearer('staff'),
    });
    expect(codeOf(cancel)).toBe('SUCCESS');
    gates.open(`${name}:run`);
    await untilTask(app, id, (a) => codeOf(a) === 'QUEUE_TASK_CANCELLED', bearer('ann'));
    const retry = await call(app.url, 'POST', `/mindoff/queue/${id}/retry/`, {
      headers: bearer('staff'),
    });
    expect(codeOf(retry)).toBe('QUEUED');
    await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS', bearer('ann'));
  });
});

describe('useBullModule without a BullModule configuration', () => {
  it('fails at startup naming the fix', async () => {
    await expect(startApp(queueLab({ useBullModule: 'jobs' }), 'express')).rejects.toThrow(
      /queue\.useBullModule 'jobs' found no BullModule configuration.*BullModule\.forRoot\('jobs'/,
    );
  });
});
