/**
 * A key JSON could spell `__proto__` with: literally, or with any of its letters escaped
 * (`"\u005f_proto__"`), which JSON.parse decodes into the same own key.
 */
const PROTO_SPELLING = /__proto__|\\u00(?:5f|6f|7[024])/i;

/** Whether the JSON text could hold a `__proto__` key at all (cheap: most bodies cannot). */
export function mayHoldProtoKey(text: string): boolean {
  return PROTO_SPELLING.test(text);
}

/**
 * Removes every own `__proto__` key from a value JSON.parse gave, in place: JSON.parse keeps them
 * as own properties, which a handler's `Object.assign(target, payload)` would turn into a
 * prototype swap. A loop over an explicit stack, not recursion (nor a reviver, which recurses):
 * a body of any depth is walked without running out of stack, so the depth rule, not a
 * `RangeError`, is what refuses a deep one.
 *
 * @example
 * withoutProtoKeys(JSON.parse('{"__proto__":{"admin":true},"a":1}')); // { a: 1 }
 */
export function withoutProtoKeys<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    const record = current as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(record, '__proto__')) delete record['__proto__'];
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return value;
}
