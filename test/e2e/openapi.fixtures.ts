import { Module } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  Int,
  IsAuthenticated,
  MindoffApi,
  MindoffModule,
  MindoffResponse,
  MindoffResponseCodes,
  MindoffVersions,
  Optional,
  type Infer,
  type MindoffContext,
} from 'mindoff';
import { join } from 'node:path';
import { z } from 'zod';
import { BearerStrategy } from '../../sample/auth/bearer.strategy';

/** The shorthand body of orders/create_order; version 2 adds an optional note. */
export const shorthandOrder = { customer_id: String, items: [{ sku: String, qty: Int }] };
const shorthandOrderV2 = { ...shorthandOrder, note: Optional(String) };

@MindoffResponseCodes('ORDER_CREATED')
@MindoffApi({
  urlName: 'orders__create_order',
  name: 'Create Order',
  description: 'Places an order.',
  method: 'POST',
  payloadSchema: shorthandOrder,
  payloadValidation: 'strict',
  limits: { request: '100/m' },
})
export class OrdersCreateV1 {
  async run({ payload }: MindoffContext<Infer<typeof shorthandOrder>>) {
    return MindoffResponse.json({ code: 'ORDER_CREATED', data: { items: payload.items.length } });
  }
}

@MindoffApi({
  urlName: 'orders__create_order',
  name: 'Create Order',
  method: 'POST',
  payloadSchema: shorthandOrderV2,
  payloadValidation: 'strict',
  maxPayloadDepth: 4,
  limits: { request: '100/m' },
})
export class OrdersCreateV2 extends OrdersCreateV1 {}

export const zodOrder = z.object({
  customer_id: z.string().min(1),
  items: z.array(z.object({ sku: z.string(), qty: z.number().int().positive() })),
});

@MindoffApi({
  urlName: 'zod__create_order',
  name: 'Create Order (zod)',
  method: 'POST',
  payloadSchema: zodOrder,
  payloadValidation: 'strict',
  limits: { request: null },
})
export class ZodCreateV1 {
  async run() {
    return { ok: true };
  }
}

export class OrderLineDto {
  @IsString()
  sku!: string;

  @IsInt()
  @IsPositive()
  qty!: number;
}

export class PlaceOrderDto {
  @IsString()
  @MinLength(1)
  customer_id!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  items!: OrderLineDto[];

  @IsOptional()
  @IsString()
  note?: string;
}

@MindoffApi({
  urlName: 'dto__create_order',
  name: 'Create Order (DTO)',
  method: 'PUT',
  payloadSchema: PlaceOrderDto,
  payloadValidation: 'strict',
  limits: { request: null },
})
export class DtoCreateV1 {
  async run() {
    return { ok: true };
  }
}

/** A DTO also described for swagger with @ApiProperty: swagger's own model is used. */
export class DocumentedNoteDto {
  @ApiProperty({ description: 'What to remember', example: 'call back' })
  @IsString()
  text!: string;
}

@MindoffApi({
  urlName: 'dto__add_note',
  name: 'Add Note',
  method: 'POST',
  payloadSchema: DocumentedNoteDto,
  payloadValidation: 'strict',
})
export class DtoNoteV1 {
  async run() {
    return { ok: true };
  }
}

@MindoffApi({
  urlName: 'account__get_profile',
  name: 'Get Profile',
  method: 'GET',
  auth: ['bearer'],
  permissions: [IsAuthenticated],
  limits: { request: null },
})
export class ProfileV1 {
  async run() {
    return { name: 'Asha' };
  }
}

@MindoffApi({
  urlName: 'account__update_item',
  params: { item_id: String },
  name: 'Update Item',
  method: 'PATCH',
  maxPayloadSize: null,
})
export class ItemV1 {
  async run() {
    return { ok: true };
  }
}

@MindoffApi({
  urlName: 'jobs__report',
  name: 'Build Report',
  method: 'POST',
  processMode: 'queue',
  payloadSchema: { name: String },
  payloadValidation: 'basic',
})
export class ReportV1 {
  async run() {
    return { done: true };
  }
}

/** The shop-like app: orders in two versions and the three schema kinds. */
@Module({
  imports: [
    MindoffVersions.register({ 1: OrdersCreateV1, 2: OrdersCreateV2 }),
    MindoffVersions.register({ 1: ZodCreateV1 }),
    MindoffVersions.register({ 1: DtoCreateV1 }),
    MindoffVersions.register({ 1: DtoNoteV1 }),
  ],
})
export class OrdersDocsModule {}

/** Auth, a route param, queue mode. */
@Module({
  imports: [
    MindoffVersions.register({ 1: ProfileV1 }),
    MindoffVersions.register({ 1: ItemV1 }, { path: 'account/items/:item_id' }),
    MindoffVersions.register({ 1: ReportV1 }),
  ],
  providers: [BearerStrategy],
})
export class AccountDocsModule {}

@Module({
  imports: [
    MindoffModule.forRoot({ responsesPath: join(__dirname, 'openapi.responses.csv') }),
    OrdersDocsModule,
    AccountDocsModule,
  ],
})
export class OpenApiDocsModule {}

@MindoffResponseCodes('ORDER_SHIPPED', 'VALIDATION_ERR', 'ORDER_LOST')
@MindoffApi({ urlName: 'bad__ship', name: 'Ship', method: 'POST' })
export class ShipV1 {
  async run() {
    return {};
  }
}

/** An API declaring codes the catalog does not have. */
@Module({ imports: [MindoffModule.forRoot(), MindoffVersions.register({ 1: ShipV1 })] })
export class UnknownCodeModule {}
