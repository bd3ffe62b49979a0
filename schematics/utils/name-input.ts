import { isSnakeCase } from './names';

/**
 * A name as typed or passed by the Nest CLI (which turns `createOrder` into `create-order`),
 * in snake_case; undefined when it cannot be one.
 */
export function toSnakeName(input: string): string | undefined {
  const name = input.trim().replace(/-/g, '_');
  return isSnakeCase(name) ? name : undefined;
}
