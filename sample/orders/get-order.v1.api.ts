import { Int, MindoffApi, Optional, type ApiContext, type MindoffApiOptions } from 'mindoff';

const getOrder = {
  urlName: 'orders__get_order',
  name: 'Get Order',
  description: 'One order by its number; its items with ?include_items=true',
  method: 'GET',
  params: { order_id: Int },
  query: { include_items: Optional(Boolean) },
  responseSchema: { order_id: Int, items: Optional([{ sku: String, quantity: Int }]) },
  limits: { request: '120/m' },
} satisfies MindoffApiOptions;

/**
 * Version 1, served at `/v1/orders/get_order/<order_id>/` and `/v1/orders/<order_id>/`:
 * `order_id` arrives as a number, `include_items` as a boolean, and the compiler checks that
 * `run()` answers with what `responseSchema` declares.
 */
@MindoffApi(getOrder)
export class GetOrderV1Api {
  async run({ params, query }: ApiContext<typeof getOrder>) {
    const { order_id } = params;
    if (!query.include_items) return { order_id };
    return {
      order_id,
      items: [
        { sku: `SKU-${order_id}-A`, quantity: 1 + (order_id % 3) },
        { sku: `SKU-${order_id}-B`, quantity: 1 },
      ],
    };
  }
}
