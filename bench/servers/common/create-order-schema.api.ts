// The sample's create_order v1 (sample/orders/create-order.v1.api.ts), declaring what it answers
// as its `responseSchema`: the same run(), the same data on the wire.
import { randomUUID } from 'node:crypto';
import { Int, MindoffApi, type Infer, type MindoffContext } from 'mindoff';

const schema = { customer_id: String, items: [{ sku: String, qty: Int }] };
const summary = { order_id: String, total_qty: Int, unique_skus: [String] };

@MindoffApi({
  urlName: 'orders__create_order',
  name: 'Create Order',
  description: 'Create Order API',
  method: 'POST',
  payloadSchema: schema,
  payloadValidation: 'strict',
  responseSchema: summary,
})
export class CreateOrderSchemaV1Api {
  async run({ payload }: MindoffContext<Infer<typeof schema>>) {
    return {
      order_id: `ord_${randomUUID().slice(0, 8)}`,
      total_qty: payload.items.reduce((sum, item) => sum + item.qty, 0),
      unique_skus: [...new Set(payload.items.map((item) => item.sku))].sort(),
    };
  }
}
