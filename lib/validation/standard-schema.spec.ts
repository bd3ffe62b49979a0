import { z } from 'zod';
import { compilePayloadSchema } from './payload-schema';
import type { Infer } from './schema.types';
import { compileStandardSchema, isStandardSchema, type StandardSchemaV1 } from './standard-schema';

describe('Standard Schema support', () => {
  it('recognises a zod schema and not the shorthand', () => {
    expect(isStandardSchema(z.string())).toBe(true);
    expect(isStandardSchema({ sku: String })).toBe(false);
    expect(isStandardSchema(String)).toBe(false);
    expect(isStandardSchema(null)).toBe(false);
  });

  it("returns the schema's output value when valid", () => {
    const check = compilePayloadSchema(z.object({ n: z.coerce.number() }), 'strict');
    expect(check({ n: '4' })).toEqual({ value: { n: 4 } });
  });

  it('renders Standard Schema paths, including { key } segments and odd keys', () => {
    const fake: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({
          issues: [{ message: 'nope', path: [{ key: 'meta' }, 'a b', 2] }, { message: 'root' }],
        }),
      },
    };
    const outcome = compileStandardSchema(fake)({ meta: { 'a b': [0, 1, 'x'] } });
    expect(outcome).toEqual({
      issues: [
        {
          path: 'meta["a b"][2]',
          code: 'schema',
          message: 'meta["a b"][2]: nope',
          expected: 'nope',
          received: 'string',
        },
        { path: '', code: 'schema', message: 'root', expected: 'root', received: 'object' },
      ],
    });
  });

  it('caps the issues', () => {
    const many = z.array(z.string());
    const outcome = compileStandardSchema(many, 3)(Array.from({ length: 10 }, (_, i) => i));
    expect((outcome as { issues: unknown[] }).issues).toHaveLength(3);
  });

  it('never reads inherited properties when describing what was received', () => {
    const fake: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({ issues: [{ message: 'x', path: ['toString'] }] }),
      },
    };
    expect(compileStandardSchema(fake)({})).toEqual({
      issues: [expect.objectContaining({ path: 'toString', received: 'undefined' })],
    });
  });

  it('infers the output type of a Standard Schema for run()', () => {
    const schema = z.object({ qty: z.number(), note: z.string().default('x') });
    const payload: Infer<typeof schema> = { qty: 1, note: 'y' };
    // @ts-expect-error qty is a number in the schema's output
    const wrong: Infer<typeof schema> = { qty: 'one', note: 'y' };
    expect([payload.qty, wrong.note, schema.parse({ qty: 2 }).note]).toEqual([1, 'y', 'x']);
  });
});
