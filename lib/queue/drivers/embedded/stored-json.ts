/**
 * A JSON value kept as its UTF-8 bytes, written once: what it holds is exactly `size` bytes (an
 * object graph would hold several times its JSON, and grow unseen), and nothing can change it.
 * Each `read()` parses a fresh copy, so a reader that never asks for the value never pays for it.
 */
export class StoredJson<T> {
  private readonly bytes: Buffer;

  constructor(value: T) {
    this.bytes = Buffer.from(JSON.stringify(value) ?? 'null');
  }

  get size(): number {
    return this.bytes.length;
  }

  read(): T {
    return JSON.parse(this.bytes.toString('utf8')) as T;
  }
}

/** Makes `key` a plain field of `target` holding `value`. */
function settle<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}

/**
 * Defines `key` on `target` as the value `read` gives the first time it is asked for (then kept on
 * that object, and writable like any field), so a view of a task costs what its reader reads.
 */
export function readOnDemand<T extends object, K extends keyof T>(
  target: T,
  key: K,
  read: () => T[K],
): T {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = read();
      settle(target, key, value);
      return value;
    },
    set(value: T[K]) {
      settle(target, key, value);
    },
  });
  return target;
}
