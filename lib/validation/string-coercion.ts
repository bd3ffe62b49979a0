import { schemaForm } from './schema-form';

/** Turns one URL string (or repeated strings) into the value its schema expects, when it can. */
export type Coerce = (value: unknown) => unknown;

const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Why a URL value cannot be coerced to a value `value` of schema form `kind`. */
const NO_VALUE = Symbol('not coercible');

/**
 * The coercion of URL values (path parameters, query strings) for one shorthand schema: a string
 * becomes the integer, number, boolean or literal its schema names when it spells one exactly
 * (`'42'` → `42`, `'true'` → `true`); anything else is left as it is, for the validator to refuse
 * with the usual issue. Repeated query keys (arrays) are kept as arrays only under `ListOf`, whose
 * items are coerced one by one; a single value under `ListOf` becomes a one-item list.
 *
 * @example
 * compileCoercion(Int)('42'); // 42
 * compileCoercion(ListOf(Int))('7'); // [7]
 */
export function compileCoercion(schema: unknown): Coerce {
  const scalar = compileScalar(schema);
  const form = schemaForm(schema);
  if (form.kind === 'listOf') {
    const item = compileScalar(form.item);
    return (value) => (Array.isArray(value) ? value.map(orSelf(item)) : [orSelf(item)(value)]);
  }
  if (form.kind === 'optional' && schemaForm(form.inner).kind === 'listOf') {
    const list = compileCoercion(form.inner);
    return (value) => (value === undefined ? value : list(value));
  }
  return orSelf(scalar);
}

type Scalar = (text: string) => unknown;

function orSelf(scalar: Scalar): Coerce {
  return (value) => {
    if (typeof value !== 'string') return value;
    const coerced = scalar(value);
    return coerced === NO_VALUE ? value : coerced;
  };
}

function compileScalar(schema: unknown): Scalar {
  const form = schemaForm(schema);
  switch (form.kind) {
    case 'int':
      return (text) => (INTEGER.test(text) ? safeInteger(Number(text)) : NO_VALUE);
    case 'number':
      return (text) => (DECIMAL.test(text) ? finite(Number(text)) : NO_VALUE);
    case 'boolean':
      return (text) => (text === 'true' ? true : text === 'false' ? false : NO_VALUE);
    case 'literal': {
      const values = form.values as readonly unknown[];
      return (text) => {
        for (const value of values) if (String(value) === text) return value;
        return NO_VALUE;
      };
    }
    case 'optional':
      return compileScalar(form.inner);
    case 'union': {
      const members = (form.members as readonly unknown[]).map(compileScalar);
      return (text) => {
        for (const member of members) {
          const value = member(text);
          if (value !== NO_VALUE) return value;
        }
        return NO_VALUE;
      };
    }
    default:
      // String, Any: the text itself.
      return (text) => text;
  }
}

function safeInteger(value: number): unknown {
  return Number.isSafeInteger(value) ? value : NO_VALUE;
}

function finite(value: number): unknown {
  return Number.isFinite(value) ? value : NO_VALUE;
}
