import fc from 'fast-check';
import { ownObject, referenceAccepts } from '../../test/support/shorthand-reference';
import { buildSchema, type SchemaDesc } from '../../test/support/schema-desc';
import { SCHEMA_KIND, type LiteralValue, type ShorthandSchema } from '../validation';
import { compileShorthandSerializer } from './shorthand.serializer';

/*
 * Property tests: the compiled serializer against JSON.parse(JSON.stringify(stripped)), where
 * `stripped` is the value with every undeclared key removed by a slow reference written from the
 * rules; and its verdict (text or undefined) against the reference validator in strict mode.
 */
const RUNS = { numRuns: 500 };
const HOSTILE_KEY = '"]; globalThis.pwned = 1; //';
const KEYS = ['a', 'b', 'id', 'a b', '0', '', 'constructor', '__proto__', HOSTILE_KEY, '\u2028'];
const VALUE_KEYS = [...KEYS, 'extra', 'secret'];
const LITERALS: LiteralValue[] = ['a', '', '"', '\u2028', HOSTILE_KEY, 0, -0, 1.5, true, false];

type Desc = SchemaDesc;

const leaf: fc.Arbitrary<Desc> = fc.oneof(
  fc.constantFrom<Desc>(
    { kind: 'string' },
    { kind: 'number' },
    { kind: 'int' },
    { kind: 'boolean' },
    { kind: 'any' },
  ),
  fc
    .uniqueArray(fc.constantFrom(...LITERALS), { minLength: 1, maxLength: 3 })
    .map((values): Desc => ({ kind: 'literal', values })),
);

const { desc: descArb } = fc.letrec<{ desc: Desc }>((tie) => ({
  desc: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('desc')), {
        maxLength: 4,
        selector: ([key]) => key,
      })
      .map((entries): Desc => ({ kind: 'dict', entries })),
    tie('desc').map((item): Desc => ({ kind: 'list', item })),
    tie('desc').map((item): Desc => ({ kind: 'listOf', item })),
    tie('desc').map((value): Desc => ({ kind: 'dictOf', value })),
    fc
      .array(tie('desc'), { minLength: 1, maxLength: 3 })
      .map((members): Desc => ({ kind: 'union', members })),
    tie('desc').map((inner): Desc => ({ kind: 'optional', inner })),
  ),
}));

const build = buildSchema;

const anyLeaf = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom<unknown>(null, undefined, true, false, 1.5, 2 ** 53, -0, NaN, () => 1),
);
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    anyLeaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...VALUE_KEYS), tie('value')), {
        maxLength: 3,
        selector: ([key]) => key,
      })
      .map((entries) => ownObject(entries)),
  ),
}));

const ABSENT = Symbol('absent');

/** Values the schema accepts (strict), with undeclared keys sprinkled in; `noisy` spoils some. */
function matching(desc: Desc, noisy: boolean): fc.Arbitrary<unknown> {
  const exact = matchingExactly(desc, noisy);
  return noisy
    ? fc.oneof({ arbitrary: exact, weight: 8 }, { arbitrary: anyValue, weight: 1 })
    : exact;
}

function matchingExactly(desc: Desc, noisy: boolean): fc.Arbitrary<unknown> {
  switch (desc.kind) {
    case 'string':
      return fc.string({ unit: 'binary', maxLength: 6 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'int':
      return fc.oneof(fc.integer(), fc.constantFrom(-0, Number.MAX_SAFE_INTEGER));
    case 'boolean':
      return fc.boolean();
    case 'any':
      return anyValue;
    case 'literal':
      return fc.constantFrom(...desc.values);
    case 'dict': {
      const declared = desc.entries.map(([key, child]) => {
        const value = matching(child, noisy);
        const entry =
          child.kind === 'optional' || noisy ? fc.option(value, { nil: ABSENT, freq: 3 }) : value;
        return entry.map((v) => [key, v] as const);
      });
      const taken = new Set(desc.entries.map(([key]) => key));
      const extras = fc.uniqueArray(
        fc.tuple(fc.constantFrom(...VALUE_KEYS.filter((key) => !taken.has(key))), anyValue),
        { maxLength: 2, selector: ([key]) => key },
      );
      return fc
        .tuple(fc.tuple(...declared), extras)
        .map(([entries, more]) => ownObject([...more, ...entries.filter(([, v]) => v !== ABSENT)]));
    }
    case 'list':
    case 'listOf':
      return fc.array(matching(desc.item, noisy), { maxLength: 3 });
    case 'dictOf':
      return fc
        .uniqueArray(fc.tuple(fc.constantFrom(...VALUE_KEYS), matching(desc.value, noisy)), {
          maxLength: 3,
          selector: ([key]) => key,
        })
        .map((entries) => ownObject(entries));
    case 'union':
      return fc.oneof(...desc.members.map((member) => matching(member, noisy)));
    case 'optional':
      return fc.oneof(fc.constantFrom(null, undefined), matching(desc.inner, noisy));
  }
}

const brand = (schema: unknown): unknown =>
  typeof schema === 'object' && schema !== null
    ? Object.getOwnPropertyDescriptor(schema, SCHEMA_KIND)?.value
    : undefined;

/** The reference: `value` (which the schema accepts) with the keys the schema does not declare removed. */
function strip(schema: unknown, value: unknown): unknown {
  if (schema === String || schema === Number || schema === Boolean) return value;
  if (Array.isArray(schema)) return (value as unknown[]).map((item) => strip(schema[0], item));
  const record = schema as Record<PropertyKey, unknown>;
  switch (brand(schema)) {
    case 'int':
    case 'any':
    case 'literal':
      return value;
    case 'optional':
      return value === null || value === undefined ? value : strip(record.inner, value);
    case 'listOf':
      return (value as unknown[]).map((item) => strip(record.item, item));
    case 'dictOf':
      return ownObject(
        Object.keys(value as object).map((key) => [key, strip(record.value, ownValue(value, key))]),
      );
    case 'union': {
      const members = record.members as ShorthandSchema[];
      const member = members.find((m) => referenceAccepts(m, value, 'strict'));
      return strip(member, value);
    }
    default:
      return ownObject(
        Object.keys(record)
          .filter((key) => Object.getOwnPropertyDescriptor(value, key) !== undefined)
          .map((key) => [key, strip(record[key], ownValue(value, key))]),
      );
  }
}

function ownValue(value: unknown, key: string): unknown {
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

const reparsed = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

afterEach(() => {
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
});

describe('the compiled serializer, on random schemas', () => {
  it('writes what JSON.stringify writes for the value with its undeclared keys removed', () => {
    const cases = descArb.chain((desc) => fc.tuple(fc.constant(desc), matching(desc, false)));
    fc.assert(
      fc.property(cases, ([desc, value]) => {
        const schema = build(desc);
        const json = compileShorthandSerializer(schema)(value);
        expect(json).toBeDefined();
        expect(JSON.parse(json!)).toEqual(reparsed(strip(schema, value)));
      }),
      RUNS,
    );
  });

  it('gives undefined exactly when the strict validator refuses the value', () => {
    const cases = descArb.chain((desc) => fc.tuple(fc.constant(desc), matching(desc, true)));
    fc.assert(
      fc.property(cases, ([desc, value]) => {
        const schema = build(desc);
        const json = compileShorthandSerializer(schema)(value);
        expect(json !== undefined).toBe(referenceAccepts(schema, value, 'strict'));
      }),
      RUNS,
    );
  });
});
