import fc from 'fast-check';
import type { SampleApi } from './hostile-fuzz.http';

type Body = Record<string, unknown>;

/** Any text, lone surrogates included (JSON.stringify escapes them, so the bytes stay UTF-8). */
const text = fc.string({ unit: 'binary', maxLength: 12 });
const nonBlank = text.filter((value) => value.trim() !== '');
const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const safeInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);

const order = fc.record({
  customer_id: text,
  items: fc.array(fc.record({ sku: text, qty: safeInt }), { maxLength: 4 }),
});
const shopOrder = fc.record({
  customer_name: nonBlank,
  customer_email: fc.tuple(word, word, word).map(([a, b, c]) => `${a}@${b}.${c}`),
  product_name: nonBlank,
  quantity: fc.integer({ min: 1, max: 1_000_000 }),
});
const report = fc.oneof(fc.record({ report_name: text }), fc.constant({}));

/** A body `api` accepts and answers with its success code (business rules included). */
export function validBody(api: SampleApi): fc.Arbitrary<Body> {
  if (api.name === 'orders') return order;
  if (api.name === 'jobs') return report;
  return shopOrder;
}

/** The keys of `api`'s schema with the kind of value each takes. */
const FIELDS: Record<string, [string, 'string' | 'int' | 'list'][]> = {
  orders: [
    ['customer_id', 'string'],
    ['items', 'list'],
  ],
  shop: [
    ['customer_name', 'string'],
    ['customer_email', 'string'],
    ['product_name', 'string'],
    ['quantity', 'int'],
  ],
  jobs: [['report_name', 'string']],
};

/** Marks where a number is written as raw digits JSON.stringify could not keep exactly. */
const RAW = '\u0001raw:';

const WRONG: Record<'string' | 'int' | 'list', unknown[]> = {
  string: [1, 0, true, null, [], {}, ['x'], { a: 1 }],
  int: [
    1.5,
    '1',
    true,
    null,
    [],
    {},
    2 ** 53,
    -(2 ** 53),
    1e300,
    `${RAW}9007199254740993`,
    `${RAW}-1e400`,
  ],
  list: ['x', 1, {}, null, true],
};

/** JSON text of `body`, with `RAW` markers written as their raw digits. */
export function jsonText(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

/** A body of `api` with one field of the wrong type (an item's field, for orders). */
export function wrongTypeBody(api: SampleApi): fc.Arbitrary<string> {
  const fields = FIELDS[api.name.split(' ')[0]!]!;
  return fc
    .tuple(validBody(api), fc.constantFrom(...fields), fc.nat(), fc.nat())
    .map(([body, [key, kind], pick, where]) => {
      const copy: Body = { ...body };
      if (api.name === 'orders' && where % 2 === 0) {
        const items: unknown[] = [{ sku: 'a', qty: 1 }, ...(copy.items as Body[])];
        const at = where % items.length;
        const field = pick % 3;
        items[at] =
          field === 0
            ? { ...(items[at] as Body), qty: WRONG.int[pick % WRONG.int.length] }
            : field === 1
              ? { ...(items[at] as Body), sku: WRONG.string[pick % WRONG.string.length] }
              : ['x', 1, null, [], true][pick % 5];
        copy.items = items;
      } else {
        const wrong = WRONG[kind];
        copy[key] = wrong[pick % wrong.length];
      }
      return jsonText(copy);
    });
}

/** Text nested `depth` levels deep: arrays, objects or both, around a scalar. */
export function nestedText(depth: number, shape: number): string {
  const open = ['[', '{"a":', '[{"b":'][shape % 3]!;
  const close = [']', '}', '}]'][shape % 3]!;
  const per = shape % 3 === 2 ? 2 : 1;
  const times = Math.ceil(depth / per);
  return `${open.repeat(times)}1${close.repeat(times)}`;
}

/**
 * `"key":value` members added to a body's JSON text, and how deep each is: as sent, `__proto__`
 * keys included (the depth rule reads the body as it came, then those keys are dropped).
 */
export const INJECTIONS: [string, number][] = [
  ['"__proto__":{"polluted":"yes"}', 2],
  ['"\\u005f_proto__":{"polluted":"yes"}', 2],
  ['"__pr\\u006Fto__":{"polluted":{"deeper":"yes"}}', 3],
  ['"__proto__":null', 1],
  ['"__proto__":[{"polluted":"yes"}]', 3],
  ['"constructor":{"prototype":{"polluted":"yes"}}', 3],
  ['"prototype":{"polluted":"yes"}', 2],
  ['"toString":"not a function"', 1],
  ['"hasOwnProperty":1', 1],
  ['"valueOf":{"polluted":"yes"}', 2],
  ['"toJSON":"not a function"', 1],
];

/** `members` added to the JSON text of an object (`{}` included). */
export function withMembers(json: string, members: string[]): string {
  if (members.length === 0) return json;
  const body = json.slice(1, -1);
  return `{${[...members, ...(body === '' ? [] : [body])].join(',')}}`;
}

/** Invalid UTF-8 byte sequences. */
export const BAD_UTF8: number[][] = [
  [0x80],
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x8d],
];
