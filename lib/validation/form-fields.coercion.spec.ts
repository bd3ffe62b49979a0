import { z } from 'zod';
import { compileFormFieldsCoercion } from './form-fields.coercion';
import { Int, ListOf, Literal, Optional } from './index';

describe('compileFormFieldsCoercion', () => {
  it('types the declared fields of a shorthand dict and keeps the others as they came', () => {
    const coerce = compileFormFieldsCoercion({
      count: Int,
      on: Boolean,
      kind: Literal(1, 'two'),
      tags: ListOf(Int),
      maybe: Optional(ListOf(String)),
    })!;
    expect(
      coerce({ count: '4', on: 'false', kind: '1', tags: ['1', 'x'], maybe: 'a', other: '5' }),
    ).toEqual({ count: 4, on: false, kind: 1, tags: [1, 'x'], maybe: ['a'], other: '5' });
    expect(coerce({})).toEqual({});
  });

  it('leaves a Standard Schema, a DTO class, a non-dict schema or none to coerce the strings itself', () => {
    class Dto {}
    expect(compileFormFieldsCoercion(z.object({ n: z.coerce.number() }))).toBeNull();
    expect(compileFormFieldsCoercion(Dto as never)).toBeNull();
    expect(compileFormFieldsCoercion(ListOf(Int))).toBeNull();
    expect(compileFormFieldsCoercion(null)).toBeNull();
  });
});
