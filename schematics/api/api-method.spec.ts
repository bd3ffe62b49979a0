import { API_METHODS as LIBRARY_METHODS } from '../../lib/mindoff.constants';
import { API_METHODS, apiMethod } from './api-method';

describe('apiMethod', () => {
  it.each([
    ['create_order', 'POST'],
    ['add_item', 'POST'],
    ['update_order', 'PUT'],
    ['edit_profile', 'PUT'],
    ['delete_order', 'DELETE'],
    ['remove_item', 'DELETE'],
    ['create', 'POST'],
    ['get_order', 'GET'],
    ['list_orders', 'GET'],
    ['address_lookup', 'GET'],
    ['recreate_index', 'GET'],
  ])('suggests for %s: %s', (api, method) => {
    expect(apiMethod('auto', api)).toBe(method);
    expect(apiMethod(undefined, api)).toBe(method);
  });

  it('takes the method chosen over the one the name suggests', () => {
    expect(apiMethod('PATCH', 'update_order')).toBe('PATCH');
    expect(apiMethod('GET', 'create_order')).toBe('GET');
  });

  it('refuses a method mindoff does not serve, naming those it does', () => {
    expect(() => apiMethod('FETCH', 'create_order')).toThrow(
      "--method 'FETCH' is not a method mindoff serves: use GET, POST, PUT, PATCH, DELETE, or auto (the one the API's name suggests).",
    );
  });

  it("offers the library's methods", () => {
    expect(API_METHODS).toEqual(LIBRARY_METHODS);
  });
});
