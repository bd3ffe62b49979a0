import { StreamableFile } from '@nestjs/common';

/**
 * Whether a handler's result is a body Nest sends as bytes rather than as JSON: a `StreamableFile`,
 * a `Buffer` or other binary view, a stream or async iterable, or a web `Response`. Such results
 * keep their own form; an envelope around them would serialise the object, not the bytes.
 */
export function isRawBody(value: unknown): boolean {
  if (
    value instanceof StreamableFile ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  ) {
    return true;
  }
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { [Symbol.asyncIterator]?: unknown; then?: unknown };
  // A thenable async iterable (a lazy query, say) stands for what it resolves to, as in Nest.
  const streams =
    typeof candidate[Symbol.asyncIterator] === 'function' && typeof candidate.then !== 'function';
  return streams || Object.prototype.toString.call(value) === '[object Response]';
}
