// Copied from the baseline harness (/work/shared/baseline-bench/src/common/dto.ts):
// class-validator DTOs for { customer_id: string, items: [{ sku: string, qty: int }] }.
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, ValidateNested } from 'class-validator';

export class OrderItemDto {
  @IsString()
  sku!: string;

  @IsInt()
  qty!: number;
}

export class CreateOrderDto {
  @IsString()
  customer_id!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items!: OrderItemDto[];
}
