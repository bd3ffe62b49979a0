import { MindoffVersions } from 'mindoff';
import { GetOrderV1Api } from './get-order.v1.api';

export const GetOrderVersions = MindoffVersions.register(
  { 1: GetOrderV1Api },
  { path: ['orders/get_order/:order_id', 'orders/:order_id'] },
);
