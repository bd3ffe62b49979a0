import {
  Any,
  DictOf,
  Int,
  ListOf,
  Literal,
  Optional,
  Union,
  compileShorthand,
  type Infer,
  type ShorthandSchema,
} from './index';

// Type-level checks: `npx tsc -p tsconfig.json --noEmit` fails if any of these is wrong.

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T): T => value;

const order = { customer_id: String, items: [{ sku: String, qty: Int }] };
type Order = Infer<typeof order>;

const full = {
  name: String,
  price: Number,
  count: Int,
  active: Boolean,
  extra: Any,
  tags: ListOf(String),
  scores: DictOf(Number),
  id: Union(String, Int),
  status: Literal('draft', 'sent', 1, true),
  note: Optional(String),
  nested: { deep: [[Boolean]] },
};
type Full = Infer<typeof full>;

assertType<
  Equal<
    Full,
    {
      name: string;
      price: number;
      count: number;
      active: boolean;
      extra: unknown;
      tags: string[];
      scores: Record<string, number>;
      id: string | number;
      status: 'draft' | 'sent' | 1 | true;
      note?: string | null | undefined;
      nested: { deep: boolean[][] };
    }
  >
>(true);
assertType<Equal<Infer<ReturnType<typeof Optional<typeof Int>>>, number | null | undefined>>(true);
assertType<Equal<Infer<typeof String>, string>>(true);
assertType<Equal<Infer<[typeof Number]>, number[]>>(true);

const ok: Order = { customer_id: 'c_1', items: [{ sku: 'tea', qty: 2 }] };
const withNote: Full['note'] = null;

// @ts-expect-error a number is not a String field
const wrongField: Order = { customer_id: 1, items: [] };
// @ts-expect-error items is required
const missingItems: Order = { customer_id: 'c_1' };
// @ts-expect-error 'archived' is not one of the literals
const wrongLiteral: Full['status'] = 'archived';
// @ts-expect-error a boolean is neither a string nor an Int
const wrongUnion: Full['id'] = false;
// @ts-expect-error 'int' (a string) is not a schema form
const notASchema: ShorthandSchema = { qty: 'int' };

describe('Infer', () => {
  it('types the seed order schema so a valid payload compiles and validates', () => {
    const validator = compileShorthand(order, { mode: 'strict' });
    expect(validator.validate(ok)).toBeNull();
    expect(withNote).toBeNull();
    expect([wrongField, missingItems, wrongLiteral, wrongUnion, notASchema]).toHaveLength(5);
  });

  it('types every form so a payload typed as Infer<typeof full> passes the compiled schema', () => {
    const payload: Full = {
      name: 'tea',
      price: 2.5,
      count: 3,
      active: true,
      extra: { anything: [null] },
      tags: ['hot'],
      scores: { a: 1 },
      id: 7,
      status: 'sent',
      nested: { deep: [[true, false]] },
    };
    expect(compileShorthand(full, { mode: 'strict' }).validate(payload)).toBeNull();
  });
});
