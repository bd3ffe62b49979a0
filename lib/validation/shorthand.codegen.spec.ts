import fc from 'fast-check';
import { ownObject as own, referenceIssues } from '../../test/support/shorthand-reference';
import {
  DictOf,
  Int,
  Literal,
  Optional,
  Union,
  compileShorthand,
  type ShorthandSchema,
} from './index';
import { generateValidator } from './shorthand.codegen';
import { shorthandTree } from './shorthand.tree';
import { HOSTILE_STRINGS as HOSTILE } from '../../test/support/hostile-strings';

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 }));

/** A schema with arbitrary keys and literal strings at every place a key or literal can be. */
function schemaOf(keys: readonly string[], literals: readonly string[]): ShorthandSchema {
  const [a, b, c, d] = keys;
  return own([
    [a, Literal(...literals)],
    [b, [own([[c, DictOf(Union(Int, Literal(literals[0])))]])]],
    [d, Optional(own([[a, String]]) as ShorthandSchema)],
  ]) as ShorthandSchema;
}

const GENERATED_NAME = /^[vijkp]\d+$/;
const WORDS = new Set(
  (
    'use strict return function validate const let if else for typeof in null undefined true ' +
    'false Array isArray Number isFinite isSafeInteger Object keys call length ' +
    'c I S T R K G h OP cap'
  ).split(' '),
);

const TOKEN =
  /\s+|""|([A-Za-z_$][\w$]*)|\d+(?:\.\d+)?(?:e[+-]?\d+)?|[=!]==|>=|&&|\|\||\+\+|[-+!<>=(){}[\];,.]/y;

/**
 * What in `source`, once its double-quoted string literals are emptied, is not a known word, a
 * generated name, a number or an operator: a spliced key or literal would show up here.
 */
function foreignCode(source: string): string[] {
  const code = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const foreign: string[] = [];
  for (let at = 0; at < code.length; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at;
    const token = TOKEN.exec(code);
    if (token === null) return [...foreign, code.slice(at, at + 20)];
    const word = token[1];
    if (word !== undefined && !WORDS.has(word) && !GENERATED_NAME.test(word)) foreign.push(word);
  }
  return foreign;
}

describe('the generated validator source', () => {
  afterEach(() => {
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('holds schema keys and literal strings only inside JSON string literals', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(text, { minLength: 4, maxLength: 4 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(true, false),
        (keys, literals, strict) => {
          const { source } = generateValidator(shorthandTree(schemaOf(keys, literals), strict));
          expect(foreignCode(source)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('checks bodies with hostile keys and literals exactly as the reference does', () => {
    const value = (keys: string[], literals: string[], pick: number, broken: boolean) => {
      const [a, b, c, d] = keys;
      const literal = broken ? `${literals[0]}!` : literals[pick % literals.length];
      return own([
        [a, literal],
        [
          b,
          [
            own([
              [
                c,
                own([
                  [d, broken ? literals[0] : 1],
                  [a, 2],
                ]),
              ],
            ]),
          ],
        ],
        [d, own([[a, broken ? 0 : 'x']])],
      ]);
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(text, { minLength: 4, maxLength: 4 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        (keys, literals, pick, broken) => {
          const schema = schemaOf(keys, literals);
          const body = value(keys, literals, pick, broken);
          for (const mode of ['strict', 'basic'] as const) {
            const issues = compileShorthand(schema, { mode }).validate(body) ?? [];
            expect(issues.map(({ path, code }) => ({ path, code }))).toEqual(
              referenceIssues(schema, body, mode),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a key that looks like code as data, in the path and the message', () => {
    const key = '"]; globalThis.pwned = 1; //';
    const validator = compileShorthand(own([[key, Int]]) as ShorthandSchema, { mode: 'strict' });
    expect(validator.validate({})).toEqual([
      {
        path: '["\\"]; globalThis.pwned = 1; //"]',
        code: 'required',
        message: `Missing key '${key}' in payload`,
        expected: 'integer',
        received: 'undefined',
      },
    ]);
    expect(validator.validate(own([[key, 'x']]))?.[0].message).toBe(
      '["\\"]; globalThis.pwned = 1; //"] must be an integer, got string',
    );
  });

  it('names the literal values as written, quotes and template syntax included', () => {
    const validator = compileShorthand(Literal('${x}', "it's", '"', 7), { mode: 'strict' });
    expect(validator.validate('${x}')).toBeNull();
    expect(validator.validate('"')).toBeNull();
    expect(validator.validate('x')?.[0]).toMatchObject({
      code: 'literal',
      expected: `'\${x}' | 'it's' | '"' | 7`,
    });
  });
});

describe('own keys under a polluted Object.prototype', () => {
  const schema = { sku: String, qty: Int };

  function withPollution(key: string, run: () => void): void {
    Object.defineProperty(Object.prototype, key, {
      value: 'polluted',
      configurable: true,
      writable: true,
    });
    try {
      run();
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
  }

  it('finds a key missing when Object.prototype gained it after the schema was compiled', () => {
    const validator = compileShorthand(schema, { mode: 'strict' });
    withPollution('sku', () => {
      expect(validator.validate({ qty: 1 })).toEqual([
        expect.objectContaining({ path: 'sku', code: 'required' }),
      ]);
      expect(validator.validate({ sku: 'a', qty: 1 })).toBeNull();
    });
    expect(validator.validate({ qty: 1 })?.[0].code).toBe('required');
  });

  it('finds a key missing when Object.prototype had it before the schema was compiled', () => {
    withPollution('qty', () => {
      const validator = compileShorthand(schema, { mode: 'strict' });
      expect(validator.validate({ sku: 'a' })).toEqual([
        expect.objectContaining({ path: 'qty', code: 'required' }),
      ]);
      expect(validator.validate({ sku: 'a', qty: 2 })).toBeNull();
    });
  });

  it('keeps to own keys when the app replaces Object.getPrototypeOf after mindoff loaded', () => {
    const validator = compileShorthand(schema, { mode: 'strict' });
    const body = Object.create({ qty: 1 }) as Record<string, unknown>;
    body.sku = 'a';
    const original = Object.getPrototypeOf;
    Object.getPrototypeOf = () => Object.prototype;
    try {
      expect(validator.validate(body)?.[0]).toMatchObject({ path: 'qty', code: 'required' });
    } finally {
      Object.getPrototypeOf = original;
    }
  });

  it('checks a key that an object inherits from its own prototype as missing', () => {
    const validator = compileShorthand(schema, { mode: 'basic' });
    const body = Object.create({ qty: 'not checked' }) as Record<string, unknown>;
    body.sku = 'a';
    expect(validator.validate(body)).toBeNull();
    expect(compileShorthand(schema, { mode: 'strict' }).validate(body)?.[0].path).toBe('qty');
  });
});
