import { createHash, hash } from 'node:crypto';

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
 * The text is built once and hashed in one call. The digest is what a store keeps: 64 flat
 * characters, where the text `+=` built is a tree of its pieces several times its size, and never
 * the request itself.
 *
 * @example
 * requestFingerprint({ urlName: 'payments__charge', version: 1, params: {}, query: {}, payload: { a: 1, b: 2 } })
 *   === requestFingerprint({ urlName: 'payments__charge', version: 1, params: {}, query: {}, payload: { b: 2, a: 1 } }); // true
 */
export function requestFingerprint(parts: FingerprintParts): string {
  let text = `${JSON.stringify(parts.urlName)}@${parts.version}\n${canonicalJson(parts.params)}\n${canonicalJson(parts.query)}\n${canonicalJson(parts.payload)}\n`;
  if (parts.files) {
    for (const field of Object.keys(parts.files).sort()) {
      for (const file of parts.files[field] ?? []) {
        const digest = createHash('sha256').update(file.buffer).digest('hex');
        text += `${JSON.stringify([field, file.name, file.type, digest])}\n`;
      }
    }
  }
  return hash('sha256', text, 'hex');
}

/** An object or array being written: its keys (null for an array) and the next one to write. */
interface Open {
  container: Record<string, unknown> | readonly unknown[];
  keys: string[] | null;
  next: number;
}

/**
 * `value` as JSON with every object's keys sorted (keys holding `undefined` left out, as
 * `JSON.stringify` leaves them; `undefined` elsewhere written `null`; `toJSON` honoured). The walk
 * keeps its own stack instead of recursing: an API with `maxPayloadDepth: null` may take a body
 * nested far deeper than the call stack allows.
 */
function canonicalJson(root: unknown): string {
  let out = '';
  const open: Open[] = [];
  let value = root;
  for (;;) {
    // Dates and other values with toJSON count as JSON writes them.
    if (hasToJson(value)) value = value.toJSON();
    if (value === null || typeof value !== 'object') {
      out += JSON.stringify(value) ?? 'null';
    } else if (Array.isArray(value)) {
      out += '[';
      open.push({ container: value, keys: null, next: 0 });
    } else {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      out += '{';
      open.push({
        container: record,
        keys: (keys.length > 1 ? keys.sort() : keys).filter((key) => record[key] !== undefined),
        next: 0,
      });
    }
    // The next value to write, closing what is complete on the way.
    let more = false;
    while (open.length > 0) {
      const top = open[open.length - 1];
      const { container, keys } = top;
      if (keys === null) {
        const items = container as readonly unknown[];
        if (top.next < items.length) {
          if (top.next > 0) out += ',';
          value = items[top.next++];
          more = true;
          break;
        }
        out += ']';
      } else {
        if (top.next < keys.length) {
          const key = keys[top.next];
          out += `${top.next > 0 ? ',' : ''}${JSON.stringify(key)}:`;
          top.next++;
          value = (container as Record<string, unknown>)[key];
          more = true;
          break;
        }
        out += '}';
      }
      open.pop();
    }
    if (!more) return out;
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function';
}
