import { Controller, Get } from '@nestjs/common';

/** `GET /health`, outside the global prefix. */
@Controller('health')
export class HealthController {
  @Get()
  check() {
    return { status: 'up' };
  }
}
