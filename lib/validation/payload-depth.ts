import type { ValidationIssue } from './validation-issue';

/**
 * The nesting depth of a whole payload, measured iteratively (an explicit stack, so a
 * 100,000-deep array cannot overflow the call stack). The root is depth 0 and each object key or
 * array index adds 1: `5` is 0, `{}` is 0, `{ a: 1 }` is 1, `[[1]]` is 2. Stops as soon as the
 * depth passes `limit` and returns `limit + 1`.
 */
export function payloadDepth(value: unknown, limit: number): number {
  if (limit < 0) return limit + 1;
  if (!isContainer(value)) return 0;
  const values: object[] = [value];
  const depths: number[] = [0];
  let max = 0;
  while (values.length > 0) {
    const node = values.pop() as object;
    const depth = depths.pop() as number;
    const children = Array.isArray(node) ? node : Object.values(node);
    if (children.length === 0) continue;
    const childDepth = depth + 1;
    if (childDepth > limit) return limit + 1;
    if (childDepth > max) max = childDepth;
    for (const child of children) {
      if (isContainer(child)) {
        values.push(child);
        depths.push(childDepth);
      }
    }
  }
  return max;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * The `too_deep` issue of a body nested deeper than `limit` levels; `null` when no limit was set and
 * the body was deeper than a validator could follow.
 */
export function tooDeepIssue(limit: number | null): ValidationIssue {
  if (limit === null) {
    return {
      path: '',
      code: 'too_deep',
      message: 'payload is nested too deeply to be validated',
      expected: 'a shallower payload',
      received: 'too deep to follow',
    };
  }
  return {
    path: '',
    code: 'too_deep',
    message: `payload is nested deeper than ${limit} level(s)`,
    expected: `depth <= ${limit}`,
    received: `depth > ${limit}`,
  };
}

/** Whether `error` is the engine's call-stack overflow (a recursive walk of a too-deep value). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
