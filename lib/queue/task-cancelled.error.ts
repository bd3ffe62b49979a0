/** Thrown by a checkpoint once the task was cancelled; the task ends `cancelled`. */
export class TaskCancelledError extends Error {
  constructor(readonly taskId: string) {
    super(`Task ${taskId} was cancelled.`);
    this.name = 'TaskCancelledError';
  }
}
