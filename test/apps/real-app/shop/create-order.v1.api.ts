import { SkipThrottle } from '@nestjs/throttler';
import { Int, MindoffApi, type Infer, type MindoffContext } from 'mindoff';

const schema = { customer_id: String, items: [{ sku: String, qty: Int }] };

/** `POST /api/v1/shop/create_order/`: answers a summary of the body it received. */
@SkipThrottle()
@MindoffApi({
  urlName: 'shop__create_order',
  name: 'Create Order',
  method: 'POST',
  payloadSchema: schema,
  payloadValidation: 'strict',
  maxPayloadSize: 1,
  limits: { request: '120/m' },
})
export class CreateOrderV1Api {
  async run({ payload }: MindoffContext<Infer<typeof schema>>) {
    return {
      customer_id: payload.customer_id,
      received_keys: Object.keys(payload).sort(),
      item_count: payload.items.length,
      total_qty: payload.items.reduce((sum, item) => sum + item.qty, 0),
      skus: [...new Set(payload.items.map((item) => item.sku))].sort(),
    };
  }
}
