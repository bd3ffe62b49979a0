import type { MindoffApisOf } from 'mindoff';
import type { UploadAvatarVersions } from './files/upload-avatar.versions';
import type { ExportMyOrdersVersions } from './jobs/export-my-orders.versions';
import type { GenerateInventoryReportVersions } from './jobs/generate-inventory-report.versions';
import type { CreateOrderVersions } from './orders/create-order.versions';
import type { GetOrderVersions } from './orders/get-order.versions';
import type { ChargeVersions } from './payments/charge.versions';
import type { ShopCreateOrderVersions } from './shop/create-order.versions';
import type { GetMyOrdersVersions } from './shop/get-my-orders.versions';
import type { GetProfileVersions } from './shop/get-profile.versions';

/**
 * The sample's APIs as `mindoff/client` types them, with no code generation: a client in the same
 * TypeScript repository imports this type only.
 *
 * @example
 * const client = createMindoffClient<SampleApis>({ baseUrl: 'http://127.0.0.1:3000' });
 * const order = await client.call('orders__get_order', { version: 1, params: { order_id: 42 } });
 */
export type SampleApis = MindoffApisOf<{
  orders__create_order: typeof CreateOrderVersions;
  orders__get_order: typeof GetOrderVersions;
  shop__get_profile: typeof GetProfileVersions;
  shop__create_order: typeof ShopCreateOrderVersions;
  shop__get_my_orders: typeof GetMyOrdersVersions;
  jobs__generate_inventory_report: typeof GenerateInventoryReportVersions;
  jobs__export_my_orders: typeof ExportMyOrdersVersions;
  files__upload_avatar: typeof UploadAvatarVersions;
  payments__charge: typeof ChargeVersions;
}>;
