import { MindoffApi } from 'mindoff';
import { ShopCreateOrderV1Api, shopOrderSchema, type ShopOrder } from './create-order.v1.api';

/** Version 2: the same order, plus a delivery estimate and a one-line summary. */
@MindoffApi({
  urlName: 'shop__create_order',
  name: 'Create Order',
  description: 'Create a shop order (with delivery estimate)',
  method: 'POST',
  payloadSchema: shopOrderSchema,
  payloadValidation: 'strict',
  maxPayloadSize: 2,
  maxPayloadDepth: 2,
})
export class ShopCreateOrderV2Api extends ShopCreateOrderV1Api {
  protected override order(payload: ShopOrder) {
    return {
      ...super.order(payload),
      estimated_delivery_days: 3,
      order_summary: `${payload.quantity} x ${payload.product_name} for ${payload.customer_name}`,
    };
  }
}
