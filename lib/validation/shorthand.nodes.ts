import { fail, keepGoing, type Check, type ValidationRun } from './validation-run';

/** A compiled schema node: its check, what it expects (for issues), and whether it is Optional. */
export interface CompiledNode {
  readonly check: Check;
  readonly expected: string;
  readonly optional: boolean;
}

type Dict = Record<string, unknown>;

const hasOwn = (value: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(value, key);

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A dict shorthand: a non-array object; declared keys checked in order, extra keys ignored. */
export function dictNode(
  children: readonly (readonly [string, CompiledNode])[],
  strict: boolean,
): CompiledNode {
  const fields = children.map(([key, node]) => {
    return { key, check: node.check, expected: node.expected, required: strict && !node.optional };
  });
  const check: Check = (v, run) => {
    if (!isDict(v)) return fail(run, 'type', 'object', v);
    let ok = true;
    for (const field of fields) {
      run.path.push(field.key);
      const good = hasOwn(v, field.key)
        ? field.check(v[field.key], run)
        : !field.required || fail(run, 'required', field.expected, undefined);
      run.path.pop();
      if (!good) {
        ok = false;
        if (!keepGoing(run)) return false;
      }
    }
    return ok;
  };
  return { check, expected: 'object', optional: false };
}

/** An array whose every item passes `item`. */
export function listNode(item: CompiledNode): CompiledNode {
  const check: Check = (v, run) => {
    if (!Array.isArray(v)) return fail(run, 'type', 'array', v);
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      run.path.push(i);
      const good = item.check(v[i], run);
      run.path.pop();
      if (!good) {
        ok = false;
        if (!keepGoing(run)) return false;
      }
    }
    return ok;
  };
  return { check, expected: 'array', optional: false };
}

/** A non-array object whose every own enumerable value passes `value`. */
export function dictOfNode(value: CompiledNode): CompiledNode {
  const check: Check = (v, run) => {
    if (!isDict(v)) return fail(run, 'type', 'object', v);
    let ok = true;
    for (const key of Object.keys(v)) {
      run.path.push(key);
      const good = value.check(v[key], run);
      run.path.pop();
      if (!good) {
        ok = false;
        if (!keepGoing(run)) return false;
      }
    }
    return ok;
  };
  return { check, expected: 'object', optional: false };
}

/** Passes when any member passes (members are probed, stopping at their first issue). */
export function unionNode(members: readonly CompiledNode[]): CompiledNode {
  const expected = members.map((m) => m.expected).join(' | ');
  const matches = (v: unknown, run: ValidationRun): boolean => {
    const probing = run.probing;
    run.probing = true;
    let ok = false;
    for (let i = 0; i < members.length && !ok; i++) ok = members[i].check(v, run);
    run.probing = probing;
    return ok;
  };
  const check: Check = (v, run) => matches(v, run) || fail(run, 'union', expected, v);
  return { check, expected, optional: false };
}

/** Passes when the value is `===` one of `values`. */
export function literalNode(values: readonly unknown[]): CompiledNode {
  const expected = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ');
  const check: Check = (v, run) => {
    for (let i = 0; i < values.length; i++) if (values[i] === v) return true;
    return fail(run, 'literal', expected, v);
  };
  return { check, expected, optional: false };
}
