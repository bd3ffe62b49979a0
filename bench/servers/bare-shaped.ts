// The bare handler answering exactly as mindoff does, with none of mindoff's checks: the same
// envelope around the same data and the same response headers (X-Request-Id made as mindoff makes
// it, RateLimit-Limit/-Remaining/-Reset). Its ratio to `bare` is what mindoff's answer alone costs
// (the bytes and headers a client receives), the ceiling for mindoff ÷ bare.
import { Body, Controller, Header, HttpCode, Module, Post, Res } from '@nestjs/common';
import { flatRandomUuid } from '../../lib/request-id/flat-uuid';
import { boot } from './common/boot';
import { type OrderBody, type OrderSummary, summarizeOrder } from './common/order-summary';

interface HeaderSetter {
  header?(name: string, value: string): unknown;
  setHeader?(name: string, value: string): unknown;
}

const LIMIT = 100_000_000;
let remaining = LIMIT;

@Controller('v1/orders')
class ShapedOrdersController {
  @Post('create_order/')
  @HttpCode(200)
  @Header('Content-Type', 'application/json; charset=utf-8')
  create(@Body() body: OrderBody, @Res({ passthrough: true }) response: HeaderSetter) {
    const set = (name: string, value: string) =>
      response.header ? response.header(name, value) : response.setHeader?.(name, value);
    set('X-Request-Id', flatRandomUuid());
    set('RateLimit-Limit', String(LIMIT));
    set('RateLimit-Remaining', String((remaining = remaining > 0 ? remaining - 1 : LIMIT)));
    set('RateLimit-Reset', String(60 - (Math.floor(Date.now() / 1000) % 60)));
    const data: OrderSummary = summarizeOrder(body);
    return {
      status: 'ok',
      message: {
        code: 'SUCCESS',
        title: 'Success',
        description: 'Operation completed successfully.',
        category: 'success',
      },
      data,
    };
  }
}

@Module({ controllers: [ShapedOrdersController] })
class ShapedModule {}

void boot(ShapedModule);
