import { MindoffResponse, type Category, type EnvelopeJson } from '../responses';
import type { EnvelopeSender } from './envelope.sender';

/** Writes the `data` of a success envelope as JSON text (an API's compiled `responseSchema`). */
export type DataWriter = (data: unknown) => string | Promise<string>;

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

/**
 * The same envelope as JSON text, the same bytes JSON.stringify writes for `resultEnvelope`'s body:
 * the catalog's constant head, then the data. With `writeData` (the API's `responseSchema`), a
 * plain value's data is what it writes (declared keys only; it throws on a mismatch);
 * `MindoffResponse.json()` data is always written as given.
 *
 * @example
 * resultEnvelopeJson(sender, { id: 1 }); // { httpStatus: 200, json: '{"status":"ok",...,"data":{"id":1}}' }
 */
export function resultEnvelopeJson(
  sender: EnvelopeSender,
  result: unknown,
  writeData?: DataWriter,
): EnvelopeJson | Promise<EnvelopeJson> | null {
  if (result instanceof MindoffResponse) {
    return result.kind === 'json'
      ? asJson(sender, result.code, result.category, result.data)
      : null;
  }
  if (!writeData) return asJson(sender, 'SUCCESS', 'success', result);
  const data = writeData(result);
  return typeof data === 'string'
    ? sender.buildJson('SUCCESS', 'success', data)
    : data.then((json) => sender.buildJson('SUCCESS', 'success', json));
}

function asJson(
  sender: EnvelopeSender,
  code: string,
  category: Category | undefined,
  data: unknown,
): EnvelopeJson {
  const json = data === undefined ? '[]' : JSON.stringify(data);
  if (json !== undefined) return sender.buildJson(code, category, json);
  // A function or symbol as data: JSON.stringify leaves the key out of the envelope; so does this.
  const { httpStatus, body } = sender.build(code, category, data);
  return { httpStatus, json: JSON.stringify(body) };
}
