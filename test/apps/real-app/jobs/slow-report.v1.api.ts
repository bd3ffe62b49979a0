import { SkipThrottle } from '@nestjs/throttler';
import { MindoffApi, type MindoffContext } from 'mindoff';
import { ReportGate } from './report-gate';

/** `POST /api/v1/jobs/slow_report/`: queued; reports a checkpoint, then waits for the gate. */
@SkipThrottle()
@MindoffApi({
  urlName: 'jobs__slow_report',
  name: 'Slow report',
  method: 'POST',
  processMode: 'queue',
  allowDuplicateQueue: true,
  progressSteps: {
    started: { label: 'Started', percent: 10 },
    written: { label: 'Written', percent: 90 },
  },
})
export class SlowReportV1Api {
  constructor(private readonly gate: ReportGate) {}

  async run({ checkpoint }: MindoffContext) {
    await checkpoint('started');
    await this.gate.wait();
    await checkpoint('written');
    return { rows: 1 };
  }
}
