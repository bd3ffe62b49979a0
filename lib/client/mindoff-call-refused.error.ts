import type { CallFailure } from './call-result.type.js';

/**
 * What `enqueue()` (and a task's progress stream) rejects with when the server answered with an
 * envelope other than the expected one: the call was refused (`NOT_AUTHENTICATED`,
 * `INVALID_PAYLOAD`, `RATE_LIMITED`…) and `result` is that envelope, as `call()` would return it.
 *
 * @example
 * try {
 *   const task = await client.enqueue('jobs__export_my_orders', { version: 1, payload: { format: 'csv' } });
 * } catch (error) {
 *   if (error instanceof MindoffCallRefused && error.code === 'NOT_AUTHENTICATED') login();
 * }
 */
export class MindoffCallRefused extends Error {
  override readonly name = 'MindoffCallRefused';

  constructor(
    /** The refusal, as a call result. */
    readonly result: CallFailure,
    what: string,
  ) {
    super(`${what} was refused: ${result.code} (HTTP ${result.status}).`);
  }

  /** The refusal's code, e.g. `NOT_AUTHENTICATED`. */
  get code(): CallFailure['code'] {
    return this.result.code;
  }
}
