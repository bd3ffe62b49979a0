// The bare handler answering exactly as mindoff does, with none of mindoff's checks: the same
// envelope around the same data and the same response headers (X-Request-Id made as mindoff makes
// it, RateLimit-Policy constant per API and RateLimit with what is left, as mindoff's default
// `rateLimit.headers: 'draft-8'` writes them). Its ratio to `bare` is what mindoff's answer alone costs
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
const POLICY = '"orders__create_order:request"';
const POLICY_FIELD = `${POLICY};q=${LIMIT};w=60`;
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
    remaining = remaining > 0 ? remaining - 1 : LIMIT;
    const reset = 60 - (Math.floor(Date.now() / 1000) % 60);
    set('RateLimit-Policy', POLICY_FIELD);
    set('RateLimit', `${POLICY};r=${remaining};t=${reset}`);
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
