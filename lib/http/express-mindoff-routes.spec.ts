import type { IncomingMessage } from 'node:http';
import { markMindoffRoute, mindoffRouteOwner } from '../routing/mindoff-route.handler';
import { ExpressMindoffRoutes, type ExpressLayer } from './express-mindoff-routes';

class OrdersApi {}

/** A route layer as express 5 builds one for `path`, with a matcher that counts its calls. */
function layer(path: string, sensitive = false) {
  const handle = () => undefined;
  markMindoffRoute(handle, OrdersApi);
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}(?:\\/)?$`, sensitive ? '' : 'i');
  const counted = {
    calls: 0,
    name: 'handle',
    route: { path, stack: [{ handle }] },
    match(candidate: string) {
      counted.calls++;
      return pattern.test(candidate);
    },
  };
  return counted satisfies ExpressLayer;
}

const request = (url: string) => ({ url, headers: {} }) as unknown as IncomingMessage;

describe('ExpressMindoffRoutes', () => {
  it('recognises a literal route in any case and with a trailing slash, matching only at startup', () => {
    const orders = layer('/v1/orders/create_order');
    const routes = new ExpressMindoffRoutes([orders], mindoffRouteOwner);
    const atStartup = orders.calls;
    for (const url of [
      '/v1/orders/create_order',
      '/V1/Orders/CREATE_ORDER/',
      '/v1/orders/create_order/?a=1',
    ]) {
      expect(routes.ownerOf(request(url))).toBe(OrdersApi);
    }
    expect(orders.calls).toBe(atStartup);
    expect(routes.ownerOf(request('/v1/orders/create_order//'))).toBeNull();
  });

  it('asks the layer itself when the router is case-sensitive, as the router will', () => {
    const routes = new ExpressMindoffRoutes(
      [layer('/v1/orders/create_order', true)],
      mindoffRouteOwner,
    );
    expect(routes.ownerOf(request('/v1/orders/create_order/'))).toBe(OrdersApi);
    expect(routes.ownerOf(request('/V1/orders/create_order/'))).toBeNull();
  });

  it('asks the layer itself for a path that is not ASCII', () => {
    const orders = layer('/v1/shop/kit');
    const routes = new ExpressMindoffRoutes([orders], mindoffRouteOwner);
    const atStartup = orders.calls;
    // U+212A KELVIN SIGN lower-cases to "k", but the router's match does not take it for one.
    expect(routes.ownerOf(request('/v1/shop/\u212Ait'))).toBeNull();
    expect(orders.calls).toBe(atStartup + 1);
  });
});
