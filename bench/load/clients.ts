// The load's clients. Each has an address of its own, sent as X-Forwarded-For (the sample runs
// with TRUST_PROXY=1), so per-client limits and stream slots count each client apart, as they
// would behind a proxy.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { readStream, send, type RequestSpec } from './http-client';
import type { Tally } from './tally';
import { REPORT, STREAM_KIND, type Kind } from './traffic';

/** What every client of one load run shares. */
export interface LoadContext {
  port: number;
  tally: Tally;
  /** Epoch ms after which no client starts anything new. */
  until: number;
  /** Streams open right now. */
  openStreams: number;
  /** Ids of the reports nobody watches, checked once the load is over. */
  unwatched: string[];
  /** Enqueue → completed, in ms, of the tasks followed on their stream. */
  turnaroundMs: number[];
}

/** `10.<group>.<hi>.<lo>`: a client's address. */
export const address = (group: number, i: number) => `10.${group}.${(i >> 8) & 255}.${i & 255}`;

const withAddress = (spec: RequestSpec, from: string): RequestSpec => ({
  ...spec,
  headers: { ...spec.headers, 'x-forwarded-for': from },
});
const describe = (spec: RequestSpec) => `${spec.method} ${spec.path}`;

/** Why a request got no answer: the socket error's code, or what went wrong. */
export const failure = (error: unknown) =>
  `connection error: ${(error as { code?: string }).code ?? (error as Error).message ?? String(error)}`;

/** Sends one request of `kind` and records the outcome; returns the answer's body when right. */
async function exchange(
  ctx: LoadContext,
  kind: Kind,
  spec: RequestSpec,
  agent: http.Agent | false,
): Promise<string | null> {
  try {
    const answer = await send(ctx.port, agent, spec);
    return ctx.tally.answer(kind, answer, describe(spec)) === null ? answer.body : null;
  } catch (error) {
    ctx.tally.record(
      kind.name,
      kind.group,
      NaN,
      'connection error',
      failure(error),
      describe(spec),
    );
    return null;
  }
}

/** A well-behaved client on one keep-alive connection: the next request as soon as answered. */
export async function closedLoop(ctx: LoadContext, kind: Kind, from: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; Date.now() < ctx.until; i++) {
    await exchange(ctx, kind, withAddress(kind.request(i), from), agent);
  }
  agent.destroy();
}

/**
 * A client sending `perSecond` requests of `kind` (fewer when answers take longer), each on a
 * connection of its own, from the addresses `from` in turn; `onBody` gets each right answer.
 */
export async function paced(
  ctx: LoadContext,
  kind: Kind,
  from: readonly string[],
  perSecond: number,
  onBody: (body: string) => void = () => undefined,
): Promise<void> {
  const start = Date.now();
  for (let i = 0; Date.now() < ctx.until; i++) {
    await sleep(Math.max(0, start + (i * 1000) / perSecond - Date.now()));
    if (Date.now() >= ctx.until) break;
    const body = await exchange(
      ctx,
      kind,
      withAddress(kind.request(i), from[i % from.length]),
      false,
    );
    if (body !== null) onBody(body);
  }
}

const queueIdOf = (body: string) =>
  (JSON.parse(body) as { data: { queue_id: string } }).data.queue_id;

/** Unwatched reports: enqueued at `perSecond` from a few addresses, their ids kept. */
export function reporter(ctx: LoadContext, perSecond: number): Promise<void> {
  const from = Array.from({ length: 10 }, (_, i) => address(2, i));
  return paced(ctx, REPORT, from, perSecond, (body) => ctx.unwatched.push(queueIdOf(body)));
}

// The stream endpoint allows 60 opens a minute per client: one every 1.2 s stays under it.
const STREAM_GAP_MS = 1200;

/**
 * A client that enqueues a report, follows it on its status stream to the end, and starts again.
 * The stream is right when it answers events whose progress never goes back and whose last one
 * is `completed`; its latency is the time to the first event.
 */
export async function watcher(ctx: LoadContext, from: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; Date.now() < ctx.until; i++) {
    const opened = Date.now();
    const body = await exchange(ctx, REPORT, withAddress(REPORT.request(i), from), agent);
    if (body !== null) await follow(ctx, queueIdOf(body), from, opened);
    await sleep(Math.max(0, opened + STREAM_GAP_MS - Date.now()));
  }
  agent.destroy();
}

async function follow(ctx: LoadContext, id: string, from: string, enqueued: number) {
  const spec = withAddress({ method: 'GET', path: `/mindoff/queue/${id}/stream/` }, from);
  ctx.openStreams++;
  try {
    const outcome = await readStream(ctx.port, spec);
    if (outcome.status !== 200) {
      const reason = `${outcome.status}: the stream was refused`;
      ctx.tally.record(STREAM_KIND, 'queue', NaN, `${outcome.status}`, reason, outcome.body);
      return;
    }
    const statuses = outcome.events.map((e) => e.job_status);
    const percents = outcome.events.map((e) => e.progress.percent);
    const last = statuses[statuses.length - 1];
    const error =
      last !== 'completed'
        ? `the stream ended on ${last ?? 'no event'}, not completed`
        : percents.some((p, k) => k > 0 && p < percents[k - 1])
          ? `progress went back: ${percents.join(' ')}`
          : null;
    ctx.tally.record(
      STREAM_KIND,
      'queue',
      outcome.firstEventMs,
      `200 ${last}`,
      error,
      statuses.join(' '),
    );
    if (error === null) ctx.turnaroundMs.push(Date.now() - enqueued);
  } catch (error) {
    const reason = failure(error);
    ctx.tally.record(STREAM_KIND, 'queue', NaN, 'connection error', reason, spec.path);
  } finally {
    ctx.openStreams--;
  }
}
