import { MindoffResponse } from '../responses';
import type { EnvelopeSender } from './envelope.sender';

/**
 * The envelope of what `run()` returned, when it answers in one: `MindoffResponse.json()` as
 * declared, any plain value as `SUCCESS` with the value as `data` (`[]` for undefined). `null`
 * for a text, html or file answer. One rule for direct answers and stored task results.
 */
export function resultEnvelope(
  sender: EnvelopeSender,
  result: unknown,
): { httpStatus: number; body: unknown } | null {
  if (!(result instanceof MindoffResponse)) {
    return sender.build('SUCCESS', 'success', result === undefined ? [] : result);
  }
  return result.kind === 'json' ? sender.build(result.code, result.category, result.data) : null;
}
