/**
 * Attribute names of mindoff's metrics and spans: OpenTelemetry's HTTP semantic conventions where
 * they exist, `mindoff.*` for the rest.
 */
export const ATTR = {
  method: 'http.request.method',
  status: 'http.response.status_code',
  route: 'http.route',
  api: 'mindoff.api',
  version: 'mindoff.version',
  code: 'mindoff.code',
  taskState: 'mindoff.task.state',
  taskId: 'mindoff.task.id',
  reason: 'mindoff.reason',
} as const;

/** Bucket boundaries (seconds) of the duration histograms, as HTTP semantic conventions advise. */
export const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];
