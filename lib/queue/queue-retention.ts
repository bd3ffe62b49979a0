/** How long finished tasks are kept, in milliseconds. */
export interface QueueRetention {
  completedMs: number;
  /** Failed and cancelled tasks. */
  failedMs: number;
}

export const DEFAULT_RETENTION: QueueRetention = {
  completedMs: 24 * 3600 * 1000,
  failedMs: 7 * 24 * 3600 * 1000,
};
