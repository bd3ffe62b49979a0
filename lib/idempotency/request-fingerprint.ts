import { createHash, type Hash } from 'node:crypto';

/** What makes two requests "the same request" for one idempotency key. */
export interface FingerprintParts {
  urlName: string;
  version: number;
  params: unknown;
  query: unknown;
  payload: unknown;
  /** Uploaded files by field; each counts by its field, name, type and the SHA-256 of its bytes. */
  files?: Readonly<Record<string, readonly { name: string; type: string; buffer: Buffer }[]>>;
}

/**
 * A SHA-256 over the API, its version, path parameters, query and payload, written canonically
 * (object keys sorted at every level, so key order never matters) and uploaded files by digest.
 *
 * The walk keeps its own stack instead of recursing: an API with `maxPayloadDepth: null` may take a
 * body nested far deeper than the call stack allows.
 *
 * @example
 * requestFingerprint({ urlName: 'payments__charge', version: 1, params: {}, query: {}, payload: { a: 1, b: 2 } })
 *   === requestFingerprint({ urlName: 'payments__charge', version: 1, params: {}, query: {}, payload: { b: 2, a: 1 } }); // true
 */
export function requestFingerprint(parts: FingerprintParts): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(parts.urlName)}@${parts.version}\n`);
  for (const value of [parts.params, parts.query, parts.payload]) {
    writeCanonical(hash, value);
    hash.update('\n');
  }
  for (const field of Object.keys(parts.files ?? {}).sort()) {
    for (const file of parts.files?.[field] ?? []) {
      const digest = createHash('sha256').update(file.buffer).digest('hex');
      hash.update(`${JSON.stringify([field, file.name, file.type, digest])}\n`);
    }
  }
  return hash.digest('hex');
}

type Pending = { value: unknown } | { text: string };

function writeCanonical(hash: Hash, root: unknown): void {
  const stack: Pending[] = [{ value: root }];
  while (stack.length > 0) {
    const next = stack.pop() as Pending;
    if ('text' in next) {
      hash.update(next.text);
      continue;
    }
    // Dates and other values with toJSON count as JSON writes them.
    const value = hasToJson(next.value) ? next.value.toJSON() : next.value;
    if (value === null || typeof value !== 'object') {
      // undefined (a missing optional) and functions write as JSON.stringify leaves them: null.
      hash.update(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      const items: Pending[] = [{ text: '[' }];
      value.forEach((item, i) => items.push(...(i > 0 ? [{ text: ',' }] : []), { value: item }));
      items.push({ text: ']' });
      stack.push(...items.reverse());
    } else {
      const record = value as Record<string, unknown>;
      const entries: Pending[] = [{ text: '{' }];
      Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .forEach((key, i) =>
          entries.push(
            { text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` },
            { value: record[key] },
          ),
        );
      entries.push({ text: '}' });
      stack.push(...entries.reverse());
    }
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function';
}
