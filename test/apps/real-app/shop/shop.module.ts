import { Module } from '@nestjs/common';
import { MindoffVersions } from 'mindoff';
import { CreateOrderV1Api } from './create-order.v1.api';
import { GetOffersV1Api } from './get-offers.v1.api';
import { GetProfileV1Api } from './get-profile.v1.api';
import { GetProfileV2Api } from './get-profile.v2.api';

/** The `shop` mindoff app: `/api/v<n>/shop/...`. */
@Module({
  imports: [
    MindoffVersions.register({ 1: CreateOrderV1Api }),
    MindoffVersions.register({ 1: GetProfileV1Api, 2: GetProfileV2Api }),
    MindoffVersions.register({ 1: GetOffersV1Api }),
  ],
})
export class ShopModule {}
