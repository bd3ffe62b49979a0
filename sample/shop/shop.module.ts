import { Module } from '@nestjs/common';
import { MindoffVersions } from 'mindoff';
import { ShopCreateOrderV1Api } from './create-order.v1.api';
import { ShopCreateOrderV2Api } from './create-order.v2.api';
import { GetMyOrdersV1Api } from './get-my-orders.v1.api';
import { GetProfileV1Api } from './get-profile.v1.api';

/** The `shop` app: `/v<n>/shop/...`. */
@Module({
  imports: [
    MindoffVersions.register({ 1: GetProfileV1Api }),
    MindoffVersions.register({ 1: ShopCreateOrderV1Api, 2: ShopCreateOrderV2Api }),
    MindoffVersions.register({ 1: GetMyOrdersV1Api }),
  ],
})
export class ShopModule {}
