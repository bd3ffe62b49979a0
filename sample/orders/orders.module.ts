import { Module } from '@nestjs/common';
import { CreateOrderVersions } from './create-order.versions';

/** The `orders` app: `/v<n>/orders/...`. */
@Module({ imports: [CreateOrderVersions] })
export class OrdersModule {}
