// The validators compared, each checking the seed's create_order body
// { customer_id: string, items: [{ sku: string, qty: integer }] } with every key required and
// extra keys allowed, compiled once here as each library's users would:
// mindoff's shorthand through compilePayloadSchema (the check its pipeline runs per request),
// ajv compiled from the equivalent JSON Schema (default options: stops at the first error; and
// allErrors: every error, as mindoff reports), zod 4 safeParse, and class-validator
// plainToInstance + validate on the stack server's DTOs.
import Ajv from 'ajv';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Int, compilePayloadSchema } from 'mindoff';
import { z } from 'zod';
import { CreateOrderDto } from '../servers/common/dto';

/** One validator: `valid(body)` says whether the body passed (a promise for class-validator). */
export interface Contender {
  readonly name: string;
  readonly label: string;
  readonly valid: (body: unknown) => boolean | Promise<boolean>;
}

const mindoffCheck = compilePayloadSchema(
  { customer_id: String, items: [{ sku: String, qty: Int }] },
  'strict',
);

const jsonSchema = {
  type: 'object',
  required: ['customer_id', 'items'],
  properties: {
    customer_id: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sku', 'qty'],
        properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
      },
    },
  },
};
const ajvFirst = new Ajv().compile(jsonSchema);
const ajvAll = new Ajv({ allErrors: true }).compile(jsonSchema);

const zodSchema = z.object({
  customer_id: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.int() })),
});

export const CONTENDERS: readonly Contender[] = [
  {
    name: 'mindoff',
    label: "mindoff shorthand, strict (compilePayloadSchema: the pipeline's check)",
    valid: (body) => {
      const outcome = mindoffCheck(body) as { issues?: unknown };
      return outcome.issues === undefined;
    },
  },
  { name: 'ajv', label: 'ajv 8, compiled (default: first error)', valid: (body) => ajvFirst(body) },
  {
    name: 'ajv-all',
    label: 'ajv 8, compiled, allErrors: true (every error)',
    valid: (body) => ajvAll(body),
  },
  {
    name: 'zod',
    label: 'zod 4 z.object(...).safeParse',
    valid: (body) => zodSchema.safeParse(body).success,
  },
  {
    name: 'class-validator',
    label: 'class-validator: plainToInstance + validate (nested DTOs)',
    valid: async (body) =>
      (await validate(plainToInstance(CreateOrderDto, body) as object)).length === 0,
  },
];
