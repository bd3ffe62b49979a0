import type { TaskRecord } from '../task.types';

/** What the detail endpoint answers for a task: a catalog code and data, or the stored answer verbatim. */
export type TaskView =
  | { stored: true; httpStatus: number; body: unknown }
  | { stored: false; code: string; category: 'info' | 'warning' | 'danger'; data: unknown };

export function taskView(task: TaskRecord): TaskView {
  const base = { queue_id: task.id, job_status: task.status, request_id: task.request.requestId };
  switch (task.status) {
    case 'queued':
      return { stored: false, code: 'QUEUE_TASK_PENDING', category: 'info', data: base };
    case 'running':
      return {
        stored: false,
        code: 'QUEUE_TASK_RUNNING',
        category: 'info',
        data: { ...base, progress: task.progress, cancel_requested: task.cancelRequested },
      };
    case 'completed':
      return { stored: true, httpStatus: task.response!.httpStatus, body: task.response!.body };
    case 'failed':
      return {
        stored: false,
        code: 'QUEUE_TASK_FAILED',
        category: 'danger',
        data: { ...base, error: { code: task.error!.code, message: task.error!.message } },
      };
    case 'cancelled':
      return { stored: false, code: 'QUEUE_TASK_CANCELLED', category: 'warning', data: base };
  }
}

/** One status-stream event's data: the task's live state. */
export function streamState(task: TaskRecord) {
  return {
    id: task.id,
    job_status: task.status,
    is_cancel: task.status === 'cancelled' || task.cancelRequested,
    progress: task.progress,
    started_at: new Date(task.createdAt).toISOString(),
    updated_at: new Date(task.updatedAt).toISOString(),
  };
}

/** A task as the list shows it (no user object, no stored request body). */
export function listItem(task: TaskRecord) {
  return {
    id: task.id,
    api_url_name: task.request.urlName,
    version: task.request.version,
    request_id: task.request.requestId,
    job_status: task.status,
    progress: task.progress,
    created_at: new Date(task.createdAt).toISOString(),
    updated_at: new Date(task.updatedAt).toISOString(),
    response_code: task.response?.httpStatus ?? task.error?.httpStatus ?? null,
    error: task.error ? { code: task.error.code, message: task.error.message } : null,
  };
}
