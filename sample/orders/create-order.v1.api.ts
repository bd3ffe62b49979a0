import { randomUUID } from 'node:crypto';
import { Int, MindoffApi, type Infer, type MindoffContext } from 'mindoff';

const schema = { customer_id: String, items: [{ sku: String, qty: Int }] };

/** The 30-second example: an order summary from a validated body. */
@MindoffApi({
  urlName: 'orders__create_order',
  name: 'Create Order',
  description: 'Create Order API',
  method: 'POST',
  payloadSchema: schema,
  payloadValidation: 'strict',
})
export class CreateOrderV1Api {
  async run({ payload }: MindoffContext<Infer<typeof schema>>) {
    return {
      order_id: `ord_${randomUUID().slice(0, 8)}`,
      total_qty: payload.items.reduce((sum, item) => sum + item.qty, 0),
      unique_skus: [...new Set(payload.items.map((item) => item.sku))].sort(),
    };
  }
}
