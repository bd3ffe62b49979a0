// Derived from the baseline harness (/work/shared/baseline-bench/src/common/bare.ts): Nest with
// one controller and no guard, pipe, interceptor or validation — the same handler with no
// mindoff. The body is used as parsed by the adapter.
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { boot } from './common/boot';
import { type OrderBody, type OrderSummary, summarizeOrder } from './common/order-summary';

@Controller('v1/orders')
class BareOrdersController {
  @Post('create_order/')
  @HttpCode(200)
  create(@Body() body: OrderBody): OrderSummary {
    return summarizeOrder(body);
  }
}

@Module({ controllers: [BareOrdersController] })
class BareModule {}

void boot(BareModule);
