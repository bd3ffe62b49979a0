import { Module } from '@nestjs/common';
import { CreateOrderVersions } from './create-order.versions';
import { GetOrderVersions } from './get-order.versions';

/** The `orders` app: `/v<n>/orders/...`. */
@Module({ imports: [CreateOrderVersions, GetOrderVersions] })
export class OrdersModule {}
