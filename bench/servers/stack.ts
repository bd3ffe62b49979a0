// Derived from the baseline harness (/work/shared/baseline-bench/src/common/stack-module.ts and
// servers/c_stack_cv_express.ts, d_stack_cv_fastify.ts): the "standard Nest stack".
// Token guard + per-user ThrottlerGuard (APP_GUARDs, in that order), class-validator
// ValidationPipe({ whitelist: false, transform: true }), envelope interceptor; the handler does
// the sample's work. Env: THROTTLE=off drops the throttler guard; THROTTLE_TTL_MS (default 60 s)
// and THROTTLE_LIMIT (default 1e9, never reached) set its window.
import {
  Body,
  Controller,
  HttpCode,
  Module,
  Post,
  UseInterceptors,
  ValidationPipe,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { boot } from './common/boot';
import { CreateOrderDto } from './common/dto';
import { type OrderSummary, summarizeOrder } from './common/order-summary';
import { EnvelopeInterceptor, TokenAuthGuard, UserThrottlerGuard } from './common/stack';

const throttler = ThrottlerModule.forRoot([
  {
    name: 'default',
    ttl: Number(process.env.THROTTLE_TTL_MS ?? 60_000),
    limit: Number(process.env.THROTTLE_LIMIT ?? 1_000_000_000),
  },
]);

const guards = [
  { provide: APP_GUARD, useClass: TokenAuthGuard },
  ...(process.env.THROTTLE === 'off' ? [] : [{ provide: APP_GUARD, useClass: UserThrottlerGuard }]),
];

@Controller('v1/orders')
@UseInterceptors(EnvelopeInterceptor)
class StackOrdersController {
  @Post('create_order/')
  @HttpCode(200)
  create(@Body() body: CreateOrderDto): OrderSummary {
    return summarizeOrder(body);
  }
}

@Module({ imports: [throttler], controllers: [StackOrdersController], providers: guards })
class StackModule {}

void boot(StackModule, [new ValidationPipe({ whitelist: false, transform: true })]);
