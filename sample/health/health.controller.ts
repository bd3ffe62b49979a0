import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { MindoffHealthIndicator } from 'mindoff';

/**
 * `GET /health` for load balancers and orchestrators: 200 while the queue (its broker, a worker
 * seen in the last 30 s, no task waiting over a minute) and the rate-limit store are healthy,
 * 503 naming what is not.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mindoff: MindoffHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.mindoff.queue('queue', { maxWaitingAgeSeconds: 60, workerSeenWithinSeconds: 30 }),
      () => this.mindoff.rateLimit('rateLimit'),
    ]);
  }
}
