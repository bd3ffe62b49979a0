import { Controller, Get, Version } from '@nestjs/common';

/** Nest URI versioning: `GET /api/v1/items` and `GET /api/v2/items`. */
@Controller({ path: 'items', version: '1' })
export class ItemsController {
  @Get()
  listV1() {
    return [{ sku: 'tea', price: 4 }];
  }

  @Version('2')
  @Get()
  listV2() {
    return { currency: 'EUR', items: [{ sku: 'tea', price_cents: 400 }] };
  }
}
