import type { ResponseCatalog } from '../responses/response.catalog';
import type { ApiResponseCode } from './api-response-codes';
import { envelopeResponse, type ResponseObject } from './envelope.response';

interface QueueOperation {
  path: string;
  method: 'get' | 'post';
  summary: string;
  description: string;
  codes: ApiResponseCode[];
  stream?: boolean;
}

const ANYONE = 'the task does not exist, or belongs to another user';
const LIMITED = "over this endpoint's own limit, or the creating API's per-task limit";

const OPERATIONS: QueueOperation[] = [
  {
    path: '/mindoff/queue/{queue_id}/',
    method: 'get',
    summary: 'A task: its state, or its stored answer',
    description:
      'Borrows the auth of the API that created the task. Completed tasks answer the stored envelope verbatim, with its own HTTP status.',
    codes: [
      { code: 'QUEUE_TASK_PENDING', when: 'queued, not started' },
      { code: 'QUEUE_TASK_RUNNING', when: 'running; `data.progress` is its last checkpoint' },
      { code: 'QUEUE_TASK_FAILED', when: 'failed; `data.error` is `{ code, message }`' },
      { code: 'QUEUE_TASK_CANCELLED', when: 'cancelled' },
      { code: 'QUEUE_TASK_NOT_FOUND', when: ANYONE },
      { code: 'API_RATE_LIMITED', when: LIMITED },
      { code: 'QUEUE_SERVICE_UNAVAILABLE', when: 'the broker cannot be reached' },
    ],
  },
  {
    path: '/mindoff/queue/list/',
    method: 'get',
    summary: "The caller's tasks, newest first",
    description:
      'Query: `job_status`, `api_url_name`, `id`, `page` (from 1), `page_size` (default 50, at most 200). Anonymous callers see none.',
    codes: [
      {
        code: 'SUCCESS',
        when: '`data` is `{ tasks, count, page, page_size, total_pages, has_next, has_previous }`',
      },
      { code: 'API_RATE_LIMITED', when: LIMITED },
      { code: 'QUEUE_SERVICE_UNAVAILABLE', when: 'the broker cannot be reached' },
    ],
  },
  {
    path: '/mindoff/queue/{queue_id}/stream/',
    method: 'get',
    summary: 'The task’s states as Server-Sent Events',
    description:
      'Pushed as they change, each with an `id:` (send `Last-Event-ID` to resume), a heartbeat comment every 15 s, a final event on a terminal state. `?ticket=` (from `stream-ticket/`) stands in for credentials.',
    stream: true,
    codes: [
      { code: 'QUEUE_TASK_NOT_FOUND', when: ANYONE },
      {
        code: 'RATE_LIMITED',
        when: 'the owner has as many open streams as `limits.queueStatusStream`',
      },
      { code: 'API_RATE_LIMITED', when: LIMITED },
    ],
  },
  {
    path: '/mindoff/queue/{queue_id}/stream-ticket/',
    method: 'post',
    summary: 'A single-use ticket to open the status stream from a browser',
    description: 'Bound to the task and its owner, short-lived; only its hash is stored.',
    codes: [
      { code: 'SUCCESS', when: '`data` is `{ queue_id, ticket, expires_in, status_stream_url }`' },
      { code: 'QUEUE_TASK_NOT_FOUND', when: ANYONE },
      { code: 'API_RATE_LIMITED', when: LIMITED },
    ],
  },
  {
    path: '/mindoff/queue/{queue_id}/cancel/',
    method: 'post',
    summary: 'Cancel a task',
    description:
      "A queued task is cancelled at once; a running one gets its AbortSignal fired wherever it runs (`job_status: 'cancel_requested'`).",
    codes: [
      { code: 'SUCCESS', when: '`data.job_status` is `cancelled` or `cancel_requested`' },
      { code: 'QUEUE_TASK_NOT_CANCELLABLE', when: 'the task already ended' },
      { code: 'QUEUE_TASK_NOT_FOUND', when: ANYONE },
      { code: 'API_RATE_LIMITED', when: LIMITED },
    ],
  },
  {
    path: '/mindoff/queue/{queue_id}/retry/',
    method: 'post',
    summary: 'Queue a failed or cancelled task again, under the same id',
    description: 'Runs the same version with the same request.',
    codes: [
      { code: 'QUEUED', when: 'queued again; `data` holds the task URLs' },
      { code: 'QUEUE_TASK_NOT_RETRIABLE', when: 'the task is not failed or cancelled' },
      { code: 'QUEUE_TASK_NOT_FOUND', when: ANYONE },
      { code: 'API_RATE_LIMITED', when: LIMITED },
    ],
  },
];

/**
 * The paths of the task endpoints under `base` (where the router serves them, default
 * `/mindoff/queue`), with envelope responses per status.
 */
export function queueEndpointPaths(
  catalog: ResponseCatalog,
  base = '/mindoff/queue',
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const byStatus = new Map<number, ApiResponseCode[]>();
    for (const code of op.codes) {
      const status = catalog.get(code.code)!.httpStatus;
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    const responses: Record<string, ResponseObject> = {};
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = envelopeResponse(catalog, codes, {
        method: op.method.toUpperCase(),
        rateSource: undefined,
      });
    }
    if (op.stream) {
      responses['200'] = {
        description: 'The status stream',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      };
    }
    paths[base + op.path.slice('/mindoff/queue'.length)] = {
      [op.method]: {
        operationId: `mindoff_queue_${
          op.path
            .split('/')
            .filter((p) => p && !p.startsWith('{') && p !== 'mindoff' && p !== 'queue')
            .join('_') || 'detail'
        }`,
        tags: ['mindoff queue'],
        summary: op.summary,
        description: op.description,
        parameters: op.path.includes('{queue_id}')
          ? [
              {
                name: 'queue_id',
                in: 'path',
                required: true,
                schema: { type: 'string', format: 'uuid' },
              },
            ]
          : [],
        responses,
      },
    };
  }
  return paths;
}
