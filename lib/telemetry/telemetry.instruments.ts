import type { Counter, Histogram, Meter, ObservableGauge } from '@opentelemetry/api';
import { DURATION_BUCKETS } from './telemetry.attributes';

/** mindoff's metric instruments, created once per app from the app's meter. */
export interface TelemetryInstruments {
  requests: Counter;
  requestDuration: Histogram;
  rateLimited: Counter;
  payloadRejected: Counter;
  tasks: Counter;
  taskWait: Histogram;
  taskRun: Histogram;
  queueDepth: ObservableGauge;
}

/** Creates every instrument mindoff records on `meter` (names, units and descriptions live here). */
export function createInstruments(meter: Meter): TelemetryInstruments {
  const seconds = (name: string, description: string) =>
    meter.createHistogram(name, {
      unit: 's',
      description,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
  return {
    requests: meter.createCounter('mindoff.requests', {
      unit: '{request}',
      description: 'Answered requests to mindoff APIs, by response code and HTTP status.',
    }),
    requestDuration: seconds(
      'mindoff.request.duration',
      'Time from the start of the pipeline to the answer, run() or enqueue included.',
    ),
    rateLimited: meter.createCounter('mindoff.rate_limited', {
      unit: '{request}',
      description: 'Requests refused with API_RATE_LIMITED.',
    }),
    payloadRejected: meter.createCounter('mindoff.payload.rejected', {
      unit: '{request}',
      description: 'Requests whose payload the pipeline refused, by reason.',
    }),
    tasks: meter.createCounter('mindoff.tasks', {
      unit: '{task}',
      description: 'Task runs that ended, by final state.',
    }),
    taskWait: seconds('mindoff.task.wait', 'Time a task waited between enqueue and its run.'),
    taskRun: seconds('mindoff.task.run', "Time a task's run() took."),
    queueDepth: meter.createObservableGauge('mindoff.queue.depth', {
      unit: '{task}',
      description: 'Tasks in the queue, by state (waiting, active).',
    }),
  };
}
