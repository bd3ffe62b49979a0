import 'reflect-metadata';
import Ajv2020 from 'ajv/dist/2020';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { compileDtoClass } from '../validation/dto-class';
import { dtoJsonSchema } from './dto-class.json-schema';

enum Priority {
  Low = 1,
  High = 2,
}

class ItemDto {
  @IsString()
  sku!: string;

  @IsInt()
  @IsPositive()
  qty!: number;
}

class OrderDto {
  @IsString()
  @Length(1, 20)
  customer_id!: string;

  @IsEmail()
  email!: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => ItemDto)
  items!: ItemDto[];

  @IsOptional()
  @IsIn(['post', 'pickup'])
  delivery?: string;

  @IsString({ each: true })
  tags!: string[];

  @IsEnum(Priority)
  priority!: Priority;

  @Matches(/^ord_/)
  reference!: string;
}

class PatchDto {
  @IsDefined()
  @IsString()
  id!: string;

  @IsInt()
  qty!: number;
}

class TreeDto {
  @IsString()
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => TreeDto)
  children!: TreeDto[];
}

const strict31 = { strict: true, dialect: '3.1' } as const;

describe('dtoJsonSchema', () => {
  it('describes a DTO and its nested classes as components, from class-validator metadata', () => {
    const components: Record<string, unknown> = {};
    expect(dtoJsonSchema(OrderDto, strict31, components)).toEqual({
      $ref: '#/components/schemas/OrderDto',
    });
    expect(components.OrderDto).toEqual({
      type: 'object',
      title: 'OrderDto',
      properties: {
        customer_id: { type: 'string', minLength: 1, maxLength: 20 },
        email: { type: 'string', format: 'email' },
        items: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/components/schemas/ItemDto' },
        },
        delivery: { type: ['string', 'null'], enum: ['post', 'pickup', null] },
        tags: { type: 'array', items: { type: 'string' } },
        priority: { type: 'number', enum: [1, 2] },
        reference: { type: 'string', pattern: '^ord_' },
      },
      required: ['customer_id', 'email', 'items', 'tags', 'priority', 'reference'],
    });
    expect(components.ItemDto).toEqual({
      type: 'object',
      title: 'ItemDto',
      properties: { sku: { type: 'string' }, qty: { type: 'integer', exclusiveMinimum: 0 } },
      required: ['sku', 'qty'],
    });
  });

  it('writes exclusive bounds and nullable in the OpenAPI 3.0 form', () => {
    const components: Record<string, Record<string, Record<string, unknown>>> = {};
    dtoJsonSchema(OrderDto, { strict: true, dialect: '3.0' }, components);
    expect(components.ItemDto.properties.qty).toEqual({
      type: 'integer',
      minimum: 0,
      exclusiveMinimum: true,
    });
    expect(components.OrderDto.properties.delivery).toEqual({
      type: 'string',
      enum: ['post', 'pickup', null],
      nullable: true,
    });
  });

  it('requires nothing in basic mode but what @IsDefined() marks (class-validator checks it anyway)', () => {
    const components: Record<string, Record<string, unknown>> = {};
    dtoJsonSchema(PatchDto, { strict: false, dialect: '3.1' }, components);
    expect(components.PatchDto.required).toEqual(['id']);
  });

  it('refers a recursive DTO to its own component', () => {
    const components: Record<string, Record<string, unknown>> = {};
    dtoJsonSchema(TreeDto, strict31, components);
    expect(components.TreeDto.properties).toEqual({
      name: { type: 'string' },
      children: { type: 'array', items: { $ref: '#/components/schemas/TreeDto' } },
    });
  });

  it('accepts the bodies the DTO check accepts (checked with ajv on the JSON Schema)', async () => {
    const components: Record<string, unknown> = {};
    const root = dtoJsonSchema(OrderDto, strict31, components);
    const ajv = new Ajv2020({ strict: false, formats: { email: /^[^\s@]+@[^\s@]+$/ } });
    ajv.addSchema({ $id: 'doc', components: { schemas: components } });
    const check = ajv.compile({ $ref: `doc${root.$ref as string}` });
    const dto = compileDtoClass(OrderDto, 'strict');
    const good = {
      customer_id: 'c_1',
      email: 'a@example.com',
      items: [{ sku: 'tea', qty: 2 }],
      tags: ['x'],
      priority: 2,
      reference: 'ord_1',
    };
    const bodies = [
      good,
      { ...good, delivery: 'pickup' },
      { ...good, delivery: 'drone' },
      { ...good, items: [] },
      { ...good, items: [{ sku: 'tea', qty: 0 }] },
      { ...good, tags: [1] },
      { ...good, priority: 3 },
      { ...good, reference: 'x' },
      { ...good, customer_id: '' },
      { email: 'a@example.com' },
    ];
    for (const body of bodies) {
      const outcome = await dto(body);
      expect([body, check(body)]).toEqual([body, outcome.issues === undefined]);
    }
  });
});
