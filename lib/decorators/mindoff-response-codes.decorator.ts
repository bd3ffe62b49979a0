import 'reflect-metadata';
import { MINDOFF_RESPONSE_CODES_METADATA } from '../mindoff.constants';

/**
 * Names the codes an API's `run()` answers besides `SUCCESS` (its own `MindoffResponse.json` codes
 * and `MindoffValidationError`s), so the API docs list them with their HTTP status. Each must be a
 * built-in code or a row of the app's `responses.csv`. A later version that extends the class
 * inherits the list.
 *
 * @example
 * @MindoffResponseCodes('ORDER_CREATED', 'VALIDATION_ERR')
 * @MindoffApi({ urlName: 'shop__create_order', name: 'Create Order', method: 'POST' })
 * export class ShopCreateOrderV1Api { ... }
 */
export function MindoffResponseCodes(...codes: string[]): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(MINDOFF_RESPONSE_CODES_METADATA, codes, target);
  };
}
