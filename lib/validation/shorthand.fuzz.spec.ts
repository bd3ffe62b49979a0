import fc from 'fast-check';
import {
  ownObject,
  referenceIssues,
  renderPath,
  type ReferenceIssue,
} from '../../test/support/shorthand-reference';
import { buildSchema, type SchemaDesc } from '../../test/support/schema-desc';
import {
  compileShorthand,
  type LiteralValue,
  type ShorthandSchema,
  type ValidationIssue,
  type ValidationMode,
} from './index';

/*
 * Property tests: the compiled validator against the slow reference interpreter in
 * test/support/shorthand-reference.ts, on random schemas and on values derived from them.
 * fast-check prints the seed and the shrunk counterexample when a property fails; pass that seed
 * in RUNS to replay it.
 */
const RUNS = { numRuns: 400 };
/** Would set `globalThis.pwned` if a key or literal were ever run as code. */
const HOSTILE_KEY = '"]; globalThis.pwned = 1; //';
const MODES: readonly ValidationMode[] = ['strict', 'basic'];

// ---------------------------------------------------------------------------------------------
// Schemas: generated as a plain description (printable), then built with the real builders.

type Desc = SchemaDesc;

/**
 * Schema keys: identifiers, odd keys, Object.prototype names, `__proto__`, and keys that would
 * break or run as code if the generated validator spliced them in raw.
 */
const SCHEMA_KEYS = [
  'a',
  'b',
  'id',
  '$x',
  '_',
  'a b',
  '0',
  '',
  'x.y',
  'say "hi"',
  'é',
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__',
  HOSTILE_KEY,
  "'); globalThis.pwned = 1; ('",
  '\\',
  '\u2028\u2029',
  '*/ x /*',
  '${x}`',
  'v0',
];
/** Value keys: the schema keys plus a few that no schema declares. */
const VALUE_KEYS = [...SCHEMA_KEYS, 'c', 'prototype'];
const LITERAL_POOL: LiteralValue[] = [
  'a',
  'b',
  '',
  'A',
  0,
  -0,
  1,
  -1,
  1.5,
  true,
  false,
  '"',
  '\\"',
  '\u2028',
  '`${x}`',
  HOSTILE_KEY,
];

const leafDesc: fc.Arbitrary<Desc> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom<Desc>(
      { kind: 'string' },
      { kind: 'number' },
      { kind: 'int' },
      { kind: 'boolean' },
      { kind: 'any' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .uniqueArray(fc.constantFrom(...LITERAL_POOL), { minLength: 1, maxLength: 3 })
      .map((values): Desc => ({ kind: 'literal', values })),
  },
);

const { desc: descArb } = fc.letrec<{ desc: Desc }>((tie) => ({
  desc: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    leafDesc,
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...SCHEMA_KEYS), tie('desc')), {
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

/** Half the time a dict of 2–5 keys at the root, where most issues pile up. */
const rootDescArb: fc.Arbitrary<Desc> = fc.oneof(
  descArb,
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...SCHEMA_KEYS), descArb), {
      minLength: 2,
      maxLength: 5,
      selector: ([key]) => key,
    })
    .map((entries): Desc => ({ kind: 'dict', entries })),
);

const build = buildSchema;

/** The schema as source code, for counterexamples. */
function showDesc(desc: Desc): string {
  switch (desc.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return desc.kind[0].toUpperCase() + desc.kind.slice(1);
    case 'int':
      return 'Int';
    case 'any':
      return 'Any';
    case 'literal':
      return `Literal(${desc.values.map(showValue).join(', ')})`;
    case 'dict':
      return `{ ${desc.entries.map(([k, d]) => `${JSON.stringify(k)}: ${showDesc(d)}`).join(', ')} }`;
    case 'list':
      return `[${showDesc(desc.item)}]`;
    case 'listOf':
      return `ListOf(${showDesc(desc.item)})`;
    case 'dictOf':
      return `DictOf(${showDesc(desc.value)})`;
    case 'union':
      return `Union(${desc.members.map(showDesc).join(', ')})`;
    case 'optional':
      return `Optional(${showDesc(desc.inner)})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Values: JSON-ish (plus undefined, NaN, ±Infinity, -0), objects built with own properties only
// (so a `__proto__` key is an own data property, as JSON.parse makes it).

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom<unknown>('a', 'b', '', 'A', '1', 'true'),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom<unknown>(0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 1e21, -1e300),
  fc.constantFrom<unknown>(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -(2 ** 53)),
  fc.boolean(),
  fc.constantFrom<unknown>(null, undefined),
);

function objectOf(values: fc.Arbitrary<unknown>, maxLength = 4): fc.Arbitrary<Obj> {
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...VALUE_KEYS), values), {
      maxLength,
      selector: ([key]) => key,
    })
    .map((entries) => ownObject(entries));
}

const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    leafValue,
    fc.array(tie('value'), { maxLength: 4 }),
    objectOf(tie('value')),
  ),
}));

const ABSENT = Symbol('absent');

/**
 * Values that the schema accepts in strict mode (and so in basic mode too). With `noisy`, each
 * node is sometimes replaced by a random value and each declared key sometimes left out, so the
 * value is nearly right with a few issues spread through it.
 */
function matching(desc: Desc, noisy = false): fc.Arbitrary<unknown> {
  const exact = matchingExactly(desc, noisy);
  if (!noisy) return exact;
  return fc.oneof(
    { arbitrary: exact, weight: 6 },
    { arbitrary: nearMiss(desc), weight: 2 },
    { arbitrary: anyValue, weight: 1 },
  );
}

/** Values that are almost right for a leaf (the edge of each rule); random for the rest. */
function nearMiss(desc: Desc): fc.Arbitrary<unknown> {
  switch (desc.kind) {
    case 'string':
      return fc.constantFrom<unknown>(1, true, null, undefined, ['a']);
    case 'number':
      return fc.constantFrom<unknown>(NaN, Infinity, -Infinity, '1', null, undefined);
    case 'int':
      return fc.constantFrom<unknown>(1.5, -0.5, 1e-300, NaN, Infinity, -Infinity, '1', true);
    case 'boolean':
      return fc.constantFrom<unknown>('true', 0, 1, null, undefined);
    case 'literal':
      return fc.constantFrom<unknown>(...LITERAL_POOL, '1', '0', 'true', 'a ', NaN);
    default:
      return anyValue;
  }
}

function matchingExactly(desc: Desc, noisy: boolean): fc.Arbitrary<unknown> {
  switch (desc.kind) {
    case 'string':
      return fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a', 'b', ''));
    case 'number':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(-0, 1e21, Number.MAX_VALUE),
      );
    case 'int':
      return fc.oneof(
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
      );
    case 'boolean':
      return fc.boolean();
    case 'any':
      return anyValue;
    case 'literal':
      return fc.constantFrom(...desc.values);
    case 'dict': {
      const declared = desc.entries.map(([key, child]) => {
        const value = matching(child, noisy);
        const mayBeAbsent = child.kind === 'optional' || noisy;
        const entry = mayBeAbsent
          ? fc.option(value, { nil: ABSENT, freq: child.kind === 'optional' ? 2 : 6 })
          : value;
        return entry.map((v) => [key, v] as const);
      });
      const taken = new Set(desc.entries.map(([key]) => key));
      const extraKeys = VALUE_KEYS.filter((key) => !taken.has(key));
      const extras = fc.uniqueArray(fc.tuple(fc.constantFrom(...extraKeys), anyValue), {
        maxLength: 2,
        selector: ([key]) => key,
      });
      return fc
        .tuple(fc.tuple(...declared), extras, fc.boolean())
        .map(([entries, more, extrasFirst]) => {
          const present = entries.filter(([, v]) => v !== ABSENT);
          return ownObject(extrasFirst ? [...more, ...present] : [...present, ...more]);
        });
    }
    case 'list':
    case 'listOf':
      return fc.array(matching(desc.item, noisy), { maxLength: noisy ? 4 : 3 });
    case 'dictOf':
      return objectOf(matching(desc.value, noisy), noisy ? 4 : 3);
    case 'union':
      return fc.oneof(...desc.members.map((member) => matching(member, noisy)));
    case 'optional':
      return fc.oneof(
        { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
        { arbitrary: matching(desc.inner, noisy), weight: 3 },
      );
  }
}

/** One random edit somewhere in a value; `at` picks the child to descend into at each level. */
interface Mutation {
  at: number[];
  op: 'replace' | 'delete' | 'insert' | 'inherit' | 'nullProto';
  pick: number;
  key: string;
  replacement: unknown;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.array(fc.nat(7), { maxLength: 4 }),
  op: fc.constantFrom<Mutation['op']>('replace', 'delete', 'insert', 'inherit', 'nullProto'),
  pick: fc.nat(7),
  key: fc.constantFrom(...VALUE_KEYS),
  replacement: anyValue,
});

/** A shallow copy with the same prototype and own properties. */
function shallowCopy(value: unknown[] | Obj): unknown[] | Obj {
  if (Array.isArray(value)) return value.slice();
  return ownObject(
    Object.keys(value).map((key) => [key, value[key]] as const),
    Object.getPrototypeOf(value) as object | null,
  );
}

/** `value` with `mutation` applied to a copy; the original is left as it was. */
function mutate(value: unknown, mutation: Mutation, depth = 0): unknown {
  if (depth < mutation.at.length && typeof value === 'object' && value !== null) {
    const container = value as unknown[] | Obj;
    const keys: (string | number)[] = Array.isArray(container)
      ? container.map((_, i) => i)
      : Object.keys(container);
    if (keys.length > 0) {
      const key = keys[mutation.at[depth] % keys.length];
      const copy = shallowCopy(container);
      const child = (container as Record<string | number, unknown>)[key];
      const changed = mutate(child, mutation, depth + 1);
      if (Array.isArray(copy)) copy[key as number] = changed;
      else Object.defineProperty(copy, key, { value: changed });
      return copy;
    }
  }
  return mutateHere(value, mutation);
}

function mutateHere(value: unknown, mutation: Mutation): unknown {
  const { op, pick, key, replacement } = mutation;
  if (Array.isArray(value) && value.length > 0 && op === 'delete') {
    return value.filter((_, i) => i !== pick % value.length);
  }
  if (Array.isArray(value) && op === 'insert') {
    const copy = value.slice();
    copy.splice(pick % (value.length + 1), 0, replacement);
    return copy;
  }
  if (isObj(value)) {
    const entries = Object.keys(value).map((k) => [k, value[k]] as const);
    const proto = Object.getPrototypeOf(value) as object | null;
    switch (op) {
      case 'delete':
        if (entries.length === 0) break;
        return ownObject(
          entries.filter((_, i) => i !== pick % entries.length),
          proto,
        );
      case 'insert':
        return ownObject([...entries.filter(([k]) => k !== key), [key, replacement]], proto);
      case 'inherit': {
        // Moves some own keys onto a prototype: present to `in`, absent to an own-property check.
        if (entries.length === 0) return ownObject([], ownObject([[key, replacement]]));
        const cut = pick % (entries.length + 1);
        return ownObject(entries.slice(cut), ownObject(entries.slice(0, cut), proto));
      }
      case 'nullProto':
        return ownObject(entries, null);
      default:
        break;
    }
  }
  return replacement;
}

/** A schema and a value to check against it, printed as source code in counterexamples. */
interface Case {
  desc: Desc;
  schema: ShorthandSchema;
  value: unknown;
  kind: 'match' | 'noisy' | 'mutated' | 'random';
}

function makeCase(desc: Desc, value: unknown, kind: Case['kind']): Case {
  return {
    desc,
    schema: build(desc),
    value,
    kind,
    [fc.toStringMethod]: () => `schema ${showDesc(desc)}, ${kind} value ${showValue(value)}`,
  } as Case;
}

const caseArb: fc.Arbitrary<Case> = rootDescArb.chain((desc) =>
  fc.oneof(
    { weight: 3, arbitrary: matching(desc).map((v) => makeCase(desc, v, 'match')) },
    { weight: 3, arbitrary: matching(desc, true).map((v) => makeCase(desc, v, 'noisy')) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(matching(desc), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
        .map(([v, edits]) =>
          makeCase(
            desc,
            edits.reduce((acc, m) => mutate(acc, m), v),
            'mutated',
          ),
        ),
    },
    { weight: 1, arbitrary: anyValue.map((v) => makeCase(desc, v, 'random')) },
  ),
);

/** A value as source code: -0, NaN, undefined, null-prototype and inherited keys made visible. */
function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  const own = `{ ${Object.keys(value)
    .map((k) => `${JSON.stringify(k)}: ${showValue((value as Obj)[k])}`)
    .join(', ')} }`;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype) return own;
  if (proto === null) return `nullProto(${own})`;
  return `inheriting(${own}, from ${showValue(proto)})`;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the properties.

const pairs = (issues: readonly (ValidationIssue | ReferenceIssue)[] | null): ReferenceIssue[] =>
  (issues ?? []).map(({ path, code }) => ({ path, code }));

/** A deep, exact picture of a value: types, -0, NaN, prototypes, descriptors, extensibility. */
function snapshot(value: unknown, seen = new Set<object>()): string {
  if (typeof value === 'number') return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
  if (typeof value !== 'object' || value === null) {
    return `${typeof value}:${value === undefined ? '' : JSON.stringify(value)}`;
  }
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  const proto = Object.getPrototypeOf(value) as object | null;
  const protoTag =
    proto === Object.prototype
      ? 'O'
      : proto === Array.prototype
        ? 'A'
        : proto === null
          ? 'N'
          : `P(${snapshot(proto, seen)})`;
  const props = Reflect.ownKeys(value).map((key) => {
    const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    const flags = `${d.enumerable ? 'e' : ''}${d.writable ? 'w' : ''}${d.configurable ? 'c' : ''}`;
    const inner = 'value' in d ? snapshot(d.value, seen) : 'accessor';
    return `${String(key)}/${flags}=${inner}`;
  });
  seen.delete(value);
  return `${protoTag}${Object.isExtensible(value) ? '' : '!ext'}{${props.join(',')}}`;
}

/** The own property descriptors of a built-in prototype, to see that nothing was added or changed. */
function protoState(proto: object): Map<PropertyKey, PropertyDescriptor> {
  return new Map(
    Reflect.ownKeys(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)!] as const),
  );
}

function sameProtoState(
  before: Map<PropertyKey, PropertyDescriptor>,
  after: Map<PropertyKey, PropertyDescriptor>,
): boolean {
  if (before.size !== after.size) return false;
  for (const [key, d] of before) {
    const e = after.get(key);
    if (e === undefined) return false;
    const fields = ['value', 'get', 'set', 'enumerable', 'writable', 'configurable'] as const;
    if (fields.some((f) => !Object.is(d[f], e[f]))) return false;
  }
  return true;
}

/**
 * `value` behind proxies that log (and refuse) every write and every read of a string key the
 * object does not own, at any depth.
 */
function watched(value: unknown, log: string[], at = ''): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const where = (key: PropertyKey) => `${at}/${String(key)}`;
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !Object.prototype.hasOwnProperty.call(target, key)) {
        log.push(`read of a key it does not own: ${where(key)}`);
      }
      return watched(Reflect.get(target, key, receiver), log, where(key));
    },
    set(_target, key) {
      log.push(`set ${where(key)}`);
      return true;
    },
    defineProperty(_target, key) {
      log.push(`defineProperty ${where(key)}`);
      return true;
    },
    deleteProperty(_target, key) {
      log.push(`delete ${where(key)}`);
      return true;
    },
    setPrototypeOf() {
      log.push(`setPrototypeOf ${at}`);
      return true;
    },
    preventExtensions() {
      log.push(`preventExtensions ${at}`);
      return false;
    },
  });
}

// ---------------------------------------------------------------------------------------------

describe('compileShorthand, property-based against a reference interpreter', () => {
  afterAll(() => {
    // The hostile keys and literals above were compiled and run hundreds of times.
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('the reference renders paths like items[1].qty, meta["a b"] and "" for the root', () => {
    expect(renderPath([])).toBe('');
    expect(renderPath(['items', 1, 'qty'])).toBe('items[1].qty');
    expect(renderPath(['meta', 'a b'])).toBe('meta["a b"]');
    expect(renderPath(['0', ''])).toBe('["0"][""]');
    expect(renderPath([0, '$x', 'é'])).toBe('[0].$x["é"]');
  });

  it('the harness itself notices a write, a read of an inherited key and a changed value', () => {
    const value = ownObject([['a', [1]]]);
    const log: string[] = [];
    const proxy = watched(value, log) as { a: unknown[]; toString: unknown };
    void proxy.toString;
    proxy.a.push(2);
    expect(log).toEqual([
      'read of a key it does not own: /toString',
      'read of a key it does not own: /a/push',
      'set /a/1',
      'set /a/length',
    ]);
    expect(snapshot(value)).toBe(snapshot(ownObject([['a', [1]]])));
    expect(snapshot(ownObject([['a', -0]]))).not.toBe(snapshot(ownObject([['a', 0]])));
    expect(snapshot(ownObject([], null))).not.toBe(snapshot({}));
    expect(snapshot(ownObject([], ownObject([['a', 1]])))).not.toBe(snapshot({}));
  });

  it('a value generated to match the schema is accepted by the reference and the compiled validator in both modes', () => {
    fc.assert(
      fc.property(
        rootDescArb.chain((desc) => matching(desc).map((v) => makeCase(desc, v, 'match'))),
        ({ schema, value }) => {
          for (const mode of MODES) {
            expect(referenceIssues(schema, value, mode)).toEqual([]);
            expect(compileShorthand(schema, { mode }).validate(value)).toBeNull();
          }
        },
      ),
      RUNS,
    );
  });

  it('the compiled validator and the reference agree on accept or reject in strict and basic modes', () => {
    const tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(caseArb, ({ schema, value }) => {
        for (const mode of MODES) {
          const compiled = compileShorthand(schema, { mode }).validate(value);
          const accepted = referenceIssues(schema, value, mode).length === 0;
          expect(compiled === null).toBe(accepted);
          tally[accepted ? 'accepted' : 'rejected']++;
        }
      }),
      RUNS,
    );
    // Both outcomes are well covered (generation aims at roughly half and half).
    const total = tally.accepted + tally.rejected;
    expect(tally.accepted / total).toBeGreaterThan(0.2);
    expect(tally.rejected / total).toBeGreaterThan(0.2);
  });

  it('the compiled validator reports the same (path, code) issues in the same order as the reference, cut at maxErrors', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(undefined, 1, 2, 3), ({ schema, value }, maxErrors) => {
        const cap = maxErrors ?? 100;
        for (const mode of MODES) {
          const compiled = compileShorthand(schema, { mode, maxErrors }).validate(value);
          const expected = referenceIssues(schema, value, mode).slice(0, cap);
          if (expected.length === 0) expect(compiled).toBeNull();
          else expect(pairs(compiled)).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it('validating never throws, never changes the value, reads only its own keys and leaves Object.prototype alone', () => {
    const objectProto = protoState(Object.prototype);
    const arrayProto = protoState(Array.prototype);
    fc.assert(
      fc.property(caseArb, ({ schema, value }) => {
        const before = snapshot(value);
        for (const mode of MODES) {
          const validator = compileShorthand(schema, { mode, maxErrors: 3 });
          const plain = validator.validate(value);
          const log: string[] = [];
          const throughProxies = validator.validate(watched(value, log));
          expect(log).toEqual([]);
          expect(pairs(throughProxies)).toEqual(pairs(plain));
        }
        expect(snapshot(value)).toBe(before);
        expect(sameProtoState(objectProto, protoState(Object.prototype))).toBe(true);
        expect(sameProtoState(arrayProto, protoState(Array.prototype))).toBe(true);
      }),
      RUNS,
    );
  });
});
