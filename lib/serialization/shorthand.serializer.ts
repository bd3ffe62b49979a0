import { checkSchemaDefinition, type ShorthandSchema } from '../validation';
import { shorthandTree } from '../validation/shorthand.tree';
import { jsonString } from './json-string';
import { generateSerializer, SERIALIZER_PARAMS } from './serializer.codegen';
import { codeGenerationForbidden, invalidResponseSchema } from './serialization.messages';

const { hasOwnProperty } = Object.prototype;
const { getPrototypeOf } = Object;
const { stringify } = JSON;

/** The JSON text of a value the schema describes, or `undefined` when the value does not match it. */
export type ShorthandSerializer = (value: unknown) => string | undefined;

/**
 * Compiles a shorthand schema once into a specialised serializer (generated source, see
 * `generateSerializer`): the JSON of the declared keys only, in schema order, checked on the way
 * with the strict validator's rules. Throws when the schema itself is invalid.
 *
 * @example
 * const serialize = compileShorthandSerializer({ id: String, qty: Int });
 * serialize({ id: 'a', qty: 2, secret: 'x' }); // '{"id":"a","qty":2}'
 * serialize({ id: 'a', qty: 1.5 }); // undefined
 */
export function compileShorthandSerializer(schema: ShorthandSchema): ShorthandSerializer {
  const problems = checkSchemaDefinition(schema, 'responseSchema');
  if (problems.length > 0) throw new Error(invalidResponseSchema(problems));
  const source = generateSerializer(shorthandTree(schema, true));
  return factoryFrom(source)(
    hasOwnProperty,
    getPrototypeOf,
    Object.prototype,
    jsonString,
    stringify,
  );
}

function factoryFrom(source: string): (...args: unknown[]) => ShorthandSerializer {
  try {
    // The source holds no schema key or literal outside a JSON string literal (see generateSerializer).
    return new Function(...SERIALIZER_PARAMS, source) as (
      ...args: unknown[]
    ) => ShorthandSerializer;
  } catch (error) {
    if (error instanceof EvalError) throw new Error(codeGenerationForbidden(), { cause: error });
    throw error;
  }
}
