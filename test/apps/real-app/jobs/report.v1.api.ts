import { SkipThrottle } from '@nestjs/throttler';
import { MindoffApi, type Infer, type MindoffContext } from 'mindoff';

const schema = { report_name: String };

/** `POST /api/v1/jobs/report/`: queued, then answers at once when a worker runs it. */
@SkipThrottle()
@MindoffApi({
  urlName: 'jobs__report',
  name: 'Report',
  method: 'POST',
  processMode: 'queue',
  allowDuplicateQueue: true,
  payloadSchema: schema,
  payloadValidation: 'strict',
})
export class ReportV1Api {
  async run({ payload }: MindoffContext<Infer<typeof schema>>) {
    return { report_name: payload.report_name, rows: 3 };
  }
}
