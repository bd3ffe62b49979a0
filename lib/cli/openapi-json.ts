// Reading an OpenAPI document parsed from JSON: only own properties are read (a key such as
// `__proto__` or `constructor` is data like any other), and local references are followed a
// bounded number of times.

/** A JSON object of the document. */
export type Json = { readonly [key: string]: unknown };

/** How many `$ref`s in a row `resolve` follows before giving up (a reference to itself ends). */
const MAX_HOPS = 16;

/**
 * Whether `value` is a JSON object (not null, not an array).
 *
 * @example
 * isJson({ type: 'string' }); // true
 */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The own property `key` of a JSON object; undefined for anything else, or an inherited key.
 *
 * @example
 * child({ info: { title: 'Shop' } }, 'info'); // { title: 'Shop' }
 * child({}, 'constructor'); // undefined
 */
export function child(value: unknown, key: string): unknown {
  return isJson(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/**
 * The own entries of a JSON object (none for anything else).
 *
 * @example
 * entries({ '/v1/a/': {} }); // [['/v1/a/', {}]]
 */
export function entries(value: unknown): [string, unknown][] {
  return isJson(value) ? Object.entries(value) : [];
}

/**
 * One segment of a JSON Pointer, URI- and `~`-decoded; undefined when it is not valid URI encoding.
 *
 * @example
 * pointerSegment('a~1b%20c'); // 'a/b c'
 */
export function pointerSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}

/**
 * `value`, or what its local `$ref` (`#/…`) points to in `document`, followed while the target is
 * itself a reference; undefined when a reference leads nowhere or keeps leading to references.
 *
 * @example
 * resolve({ $ref: '#/components/requestBodies/Order' }, document); // document.components.requestBodies.Order
 */
export function resolve(value: unknown, document: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const ref = child(current, '$ref');
    if (typeof ref !== 'string') return current;
    current = pointer(document, ref);
  }
  return undefined;
}

function pointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let target = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = pointerSegment(raw);
    if (segment === undefined) return undefined;
    target = child(target, segment);
  }
  return target;
}
