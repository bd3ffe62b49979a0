import 'reflect-metadata';
import { MINDOFF_API_METADATA } from '../mindoff.constants';
import type { ApiContext, ApiData } from '../interfaces/api-context.type';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { MindoffResponse } from '../responses';
import { Int, ListOf, Literal, Optional } from '../validation';
import { MindoffApi } from './mindoff-api.decorator';

// Type-level checks: `npx tsc -p tsconfig.json --noEmit` (part of `npm test`) fails if any of these
// is wrong — a `@ts-expect-error` line that compiles is an error too.

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T): T => value;

const getOrder = {
  urlName: 'orders__get_order',
  name: 'Get Order',
  method: 'GET',
  params: { order_id: Int },
  query: { include_items: Optional(Boolean), status: ListOf(Literal('open', 'closed')) },
  payloadSchema: { note: String },
  responseSchema: { order_id: Int, items: Optional([{ sku: String, qty: Int }]) },
} satisfies MindoffApiOptions;

type Ctx = ApiContext<typeof getOrder, { id: string }>;
assertType<Equal<Ctx['params'], { order_id: number }>>(true);
assertType<
  Equal<Ctx['query'], { status: ('open' | 'closed')[]; include_items?: boolean | null | undefined }>
>(true);
assertType<Equal<Ctx['payload'], { note: string }>>(true);
assertType<Equal<Ctx['user'], { id: string } | null>>(true);
assertType<
  Equal<
    ApiData<typeof getOrder>,
    { order_id: number; items?: { sku: string; qty: number }[] | null | undefined }
  >
>(true);

const plain = { urlName: 'shop__ping', name: 'Ping', method: 'GET' } satisfies MindoffApiOptions;
assertType<Equal<ApiContext<typeof plain>['params'], Record<string, string>>>(true);
assertType<Equal<ApiContext<typeof plain>['query'], Record<string, unknown>>>(true);
assertType<Equal<ApiData<typeof plain>, unknown>>(true);

@MindoffApi(getOrder)
class Returns {
  async run(ctx: ApiContext<typeof getOrder>) {
    return { order_id: ctx.params.order_id, items: [{ sku: 'tea', qty: 1 }] };
  }
}

@MindoffApi(getOrder)
class ReturnsWithoutOptional {
  run() {
    return { order_id: 1 };
  }
}

@MindoffApi(getOrder)
class ReturnsAnotherAnswer {
  async run(): Promise<{ order_id: number } | MindoffResponse> {
    return Math.random() > 2 ? { order_id: 1 } : MindoffResponse.json({ code: 'NOT_FOUND' });
  }
}

// @ts-expect-error a typo in an optional key is an undeclared key
@MindoffApi(getOrder)
class TypoInOptionalKey {
  async run() {
    return { order_id: 1, itmes: [] };
  }
}

// @ts-expect-error a nested key the schema does not declare
@MindoffApi(getOrder)
class NestedExtraKey {
  async run() {
    return { order_id: 1, items: [{ sku: 'tea', qty: 1, price: 3 }] };
  }
}

// @ts-expect-error a required key missing
@MindoffApi(getOrder)
class MissingKey {
  async run() {
    return { items: [] };
  }
}

// @ts-expect-error a wrong type
@MindoffApi(getOrder)
class WrongType {
  async run() {
    return { order_id: '1' };
  }
}

@MindoffApi(plain)
class AnythingWithoutSchema {
  async run() {
    return { whatever: true };
  }
}

describe('@MindoffApi with a responseSchema', () => {
  it('still only writes the declaration (the checks above are compile-time)', () => {
    for (const cls of [
      Returns,
      ReturnsWithoutOptional,
      ReturnsAnotherAnswer,
      TypoInOptionalKey,
      NestedExtraKey,
      MissingKey,
      WrongType,
    ]) {
      expect(Reflect.getMetadata(MINDOFF_API_METADATA, cls)).toBe(getOrder);
    }
    expect(Reflect.getMetadata(MINDOFF_API_METADATA, AnythingWithoutSchema)).toBe(plain);
  });
});
