import { IsAuthenticated, MindoffApi, type MindoffContext } from 'mindoff';
import type { DemoUser } from '../auth/demo-users';

/** An authenticated API: `Authorization: Bearer demo-token-asha`. */
@MindoffApi({
  urlName: 'shop__get_my_orders',
  name: 'Get My Orders',
  description: "The signed-in customer's orders",
  method: 'GET',
  auth: ['bearer'],
  permissions: [IsAuthenticated],
})
export class GetMyOrdersV1Api {
  async run({ user }: MindoffContext<unknown, DemoUser>) {
    return {
      customer: user?.name,
      orders: [{ order_id: 'ord_1001', product_name: 'Tea', quantity: 2, status: 'delivered' }],
    };
  }
}
