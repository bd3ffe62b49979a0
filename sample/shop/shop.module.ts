import { Module } from '@nestjs/common';
import { ShopCreateOrderVersions } from './create-order.versions';
import { GetMyOrdersVersions } from './get-my-orders.versions';
import { GetProfileVersions } from './get-profile.versions';

/** The `shop` app: `/v<n>/shop/...`. */
@Module({ imports: [GetProfileVersions, ShopCreateOrderVersions, GetMyOrdersVersions] })
export class ShopModule {}
