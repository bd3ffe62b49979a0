import { setTimeout as sleep } from 'node:timers/promises';
import { MindoffApi, type Infer, type MindoffContext } from 'mindoff';
import { INVENTORY } from './inventory-catalog';

const schema = { report_name: String };

/** How long each step pauses, so progress is visible (0 in tests that only want the result). */
const PAUSE_MS = Number(process.env.SAMPLE_REPORT_PAUSE_MS ?? 400);

/**
 * A background job: enqueued and answered `QUEUED` at once, then run by a worker that reports
 * each declared step; `GET /` follows it live in the browser.
 */
@MindoffApi({
  urlName: 'jobs__generate_inventory_report',
  name: 'Generate Inventory Report',
  description: 'Summarises the catalog in the background, reporting progress as it goes.',
  method: 'POST',
  processMode: 'queue',
  allowDuplicateQueue: true,
  // A retry with the same Idempotency-Key gets the same task back instead of a second report.
  idempotency: true,
  payloadSchema: schema,
  payloadValidation: 'basic',
  progressSteps: {
    collect: { label: 'Collect catalog rows', percent: 20 },
    summarize: { label: 'Summarize inventory', percent: 70 },
    finish: { label: 'Finalize report', percent: 90 },
  },
})
export class GenerateInventoryReportV1Api {
  async run({ payload, checkpoint, signal }: MindoffContext<Infer<typeof schema>>) {
    await checkpoint('collect');
    await sleep(PAUSE_MS, undefined, { signal });
    const rows = [...INVENTORY];

    await checkpoint('summarize', `Summarizing ${rows.length} products`);
    await sleep(PAUSE_MS, undefined, { signal });
    const totalStock = rows.reduce((sum, row) => sum + row.stock, 0);
    const averagePrice = rows.reduce((sum, row) => sum + row.price, 0) / rows.length;

    await checkpoint('finish');
    await sleep(PAUSE_MS, undefined, { signal });
    return {
      report_name: payload.report_name ?? 'inventory',
      status: 'completed',
      summary: {
        total_products: rows.length,
        total_stock: totalStock,
        average_price: Math.round(averagePrice * 100) / 100,
      },
    };
  }
}
