import { SkipThrottle } from '@nestjs/throttler';
import { MindoffApi } from 'mindoff';

/** `GET /api/backoffice/v1/stats/summary/`: its version map is mounted by `RouterModule`. */
@SkipThrottle()
@MindoffApi({ urlName: 'stats__summary', name: 'Stats Summary', method: 'GET' })
export class StatsV1Api {
  async run() {
    return { orders_today: 12, revenue_cents: 34_000 };
  }
}
