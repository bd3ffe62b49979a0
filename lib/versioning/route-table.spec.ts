import type { CompiledApi } from '../registry/compiled-api';
import { RouteTable } from './route-table';

const api = (apiPath: string, version: number) =>
  ({
    className: `${apiPath}@${version}`,
    route: { apiPath, version, versions: [] },
  }) as unknown as CompiledApi;

describe('RouteTable', () => {
  const table = new RouteTable();
  table.add(api('orders/create_order', 1));
  table.add(api('orders/create_order', 2));
  table.add(api('shop/items/:item_id', 3));

  it('matches a versioned path with or without the trailing slash and a query', () => {
    expect(table.match('/v2/orders/create_order/?x=1')?.className).toBe('orders/create_order@2');
    expect(table.match('/v1/orders/create_order')?.className).toBe('orders/create_order@1');
  });

  it('matches route params', () => {
    expect(table.match('/v3/shop/items/42')?.className).toBe('shop/items/:item_id@3');
  });

  it('does not match an unknown version, path or an unversioned path', () => {
    expect(table.match('/v9/orders/create_order')).toBeUndefined();
    expect(table.match('/v1/orders/other')).toBeUndefined();
    expect(table.match('/orders/create_order')).toBeUndefined();
  });

  it('explains a miss: the available versions of a known API', () => {
    expect(table.explainMiss('/v9/orders/create_order/')).toEqual({
      availableVersions: [1, 2],
      knownApp: true,
    });
  });

  it('explains a miss: a known app without that API, and a foreign path', () => {
    expect(table.explainMiss('/v1/orders/nope')).toEqual({ knownApp: true });
    expect(table.explainMiss('/v1/elsewhere/nope')).toEqual({ knownApp: false });
    expect(table.explainMiss('/health')).toEqual({ knownApp: false });
  });
});
