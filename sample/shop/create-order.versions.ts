import { MindoffVersions } from 'mindoff';
import { ShopCreateOrderV1Api } from './create-order.v1.api';
import { ShopCreateOrderV2Api } from './create-order.v2.api';

export const ShopCreateOrderVersions = MindoffVersions.register({
  1: ShopCreateOrderV1Api,
  2: ShopCreateOrderV2Api,
});
