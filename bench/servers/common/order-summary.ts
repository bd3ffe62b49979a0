// The work the sample's CreateOrderV1Api.run() does (sample/orders/create-order.v1.api.ts),
// so the bare and stack servers answer with the same data as mindoff.
import { randomUUID } from 'node:crypto';

export interface OrderItem {
  sku: string;
  qty: number;
}

export interface OrderBody {
  customer_id: string;
  items: OrderItem[];
}

export interface OrderSummary {
  order_id: string;
  total_qty: number;
  unique_skus: string[];
}

export function summarizeOrder(payload: OrderBody): OrderSummary {
  return {
    order_id: `ord_${randomUUID().slice(0, 8)}`,
    total_qty: payload.items.reduce((sum, item) => sum + item.qty, 0),
    unique_skus: [...new Set(payload.items.map((item) => item.sku))].sort(),
  };
}
