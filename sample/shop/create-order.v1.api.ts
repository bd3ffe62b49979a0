import { randomUUID } from 'node:crypto';
import {
  Int,
  MindoffApi,
  MindoffResponse,
  MindoffResponseCodes,
  type Infer,
  type MindoffContext,
} from 'mindoff';
import { orderErrors } from './order-rules';

export const shopOrderSchema = {
  customer_name: String,
  customer_email: String,
  product_name: String,
  quantity: Int,
};
export type ShopOrder = Infer<typeof shopOrderSchema>;

/**
 * Version 1: validates the shape, then the business rules; answers `ORDER_CREATED`. Deprecated:
 * its answers carry `Deprecation`, `Sunset` and a `Link` to version 2.
 */
@MindoffApi({
  urlName: 'shop__create_order',
  name: 'Create Order',
  description: 'Create a shop order',
  method: 'POST',
  payloadSchema: shopOrderSchema,
  payloadValidation: 'strict',
  maxPayloadSize: 2,
  maxPayloadDepth: 2,
  deprecated: { sunset: '2027-06-30' },
})
@MindoffResponseCodes('ORDER_CREATED', 'VALIDATION_ERR')
export class ShopCreateOrderV1Api {
  async run({ payload }: MindoffContext<ShopOrder>) {
    const errors = orderErrors(payload);
    if (Object.keys(errors).length > 0) {
      return MindoffResponse.json({ code: 'VALIDATION_ERR', category: 'danger', data: { errors } });
    }
    return MindoffResponse.json({
      code: 'ORDER_CREATED',
      category: 'success',
      data: this.order(payload),
    });
  }

  protected order(payload: ShopOrder) {
    return {
      order_id: `ord_${randomUUID().slice(0, 8)}`,
      customer_name: payload.customer_name,
      product_name: payload.product_name,
      quantity: payload.quantity,
      status: 'created',
    };
  }
}
