import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { z } from 'zod';
import { Any, Int } from '../validation';
import { compileResponseSerializer, ResponseDataError } from './response.serializer';

class LineDto {
  @IsString()
  sku!: string;

  @IsInt()
  qty!: number;
}

class OrderDto {
  @IsString()
  id!: string;

  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines!: LineDto[];
}

const thrown = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
};

describe('compileResponseSerializer', () => {
  describe('with a shorthand schema', () => {
    const serialize = compileResponseSerializer(
      { id: String, items: [{ sku: String, qty: Int }] },
      'GetOrderV1Api',
    );

    it('writes the declared keys only', () => {
      const data = { id: 'o1', items: [{ sku: 'a', qty: 2, cost: 9 }], internal: true };
      expect(serialize(data)).toBe('{"id":"o1","items":[{"sku":"a","qty":2}]}');
    });

    it('throws a ResponseDataError naming the class, the place in data and the types', () => {
      const error = thrown(() => serialize({ id: 'o1', items: [{ sku: 'a', qty: 'secret-2' }] }));
      expect(error).toBeInstanceOf(ResponseDataError);
      expect(error.message).toBe(
        'GetOrderV1Api: run() returned data that does not match its responseSchema (answered ' +
          'UNEXPECTED_ERR): data.items[0].qty: expected integer, got string',
      );
      expect(error.message).not.toContain('secret-2');
    });

    it('names missing keys and a wrong root, several at once', () => {
      expect(thrown(() => serialize({ items: [{}] })).message).toMatch(
        /: data\.id: missing \(expected string\); data\.items\[0\]\.sku: missing \(expected string\); data\.items\[0\]\.qty: missing/,
      );
      expect(thrown(() => serialize(undefined)).message).toMatch(
        /: data: expected object, got undefined$/,
      );
    });

    it('throws a ResponseDataError for data JSON cannot write (a BigInt, a cycle under Any)', () => {
      const anything = compileResponseSerializer({ meta: Any }, 'GetMetaV1Api');
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      for (const meta of [10n, cycle]) {
        const error = thrown(() => anything({ meta }));
        expect(error).toBeInstanceOf(ResponseDataError);
        expect(error.message).toMatch(
          /^GetMetaV1Api: run\(\) returned data that cannot be written as JSON \(answered UNEXPECTED_ERR\): /,
        );
      }
    });
  });

  describe('with a Standard Schema (zod 4)', () => {
    it("writes the schema's output: unknown keys dropped, defaults applied", () => {
      const schema = z.object({ id: z.string(), note: z.string().default('none') });
      const serialize = compileResponseSerializer(schema, 'GetNoteV1Api');
      expect(serialize({ id: 'n1', secret: 'x' })).toBe('{"id":"n1","note":"none"}');
    });

    it("throws a ResponseDataError with the schema's issues when the data does not fit", () => {
      const serialize = compileResponseSerializer(z.object({ id: z.string() }), 'GetNoteV1Api');
      const error = thrown(() => serialize({ id: 3 }));
      expect(error).toBeInstanceOf(ResponseDataError);
      expect(error.message).toMatch(/^GetNoteV1Api: .* data\.id: .+ \(got number\)$/);
    });

    it('awaits an async schema', async () => {
      const schema = z.object({ id: z.string() }).refine(async () => true);
      const serialize = compileResponseSerializer(schema, 'GetNoteV1Api');
      await expect(serialize({ id: 'a', more: 1 })).resolves.toBe('{"id":"a"}');
    });
  });

  describe('with a DTO class', () => {
    const serialize = compileResponseSerializer(OrderDto, 'GetOrderV1Api');

    it('writes the instance with undecorated properties dropped, nested ones too', async () => {
      const data = { id: 'o1', lines: [{ sku: 'a', qty: 1, cost: 3 }], internal: 'x' };
      expect(JSON.parse(await serialize(data))).toEqual({
        id: 'o1',
        lines: [{ sku: 'a', qty: 1 }],
      });
    });

    it('rejects with a ResponseDataError when the data does not fit', async () => {
      await expect(serialize({ id: 'o1', lines: [{ sku: 'a', qty: 1.5 }] })).rejects.toThrow(
        /^GetOrderV1Api: .*: data\.lines\[0\]\.qty: isInt \(got number\)$/,
      );
    });
  });
});
