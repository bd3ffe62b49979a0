import { Controller, Get } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';

/** `GET /api/system/crash` (a plain Error) and `GET /api/system/quota` (2 per minute). */
@Controller('system')
export class SystemController {
  @Get('crash')
  crash(): never {
    throw new Error('ledger connection refused at db-7:5432');
  }

  @Get('quota')
  @Throttle({ default: { limit: 2, ttl: 60_000 } })
  quota() {
    return { remaining_credits: 10 };
  }
}
