import { Module } from '@nestjs/common';
import { MindoffModule } from 'mindoff';
import { join } from 'node:path';
import { BearerStrategy } from './auth/bearer.strategy';
import { OrdersModule } from './orders/orders.module';
import { ShopModule } from './shop/shop.module';

/** Where the sample's responses.csv lives (the sample runs from the repository root). */
export const SAMPLE_RESPONSES = join(process.cwd(), 'sample', 'config', 'responses.csv');

@Module({
  imports: [MindoffModule.forRoot({ responsesPath: SAMPLE_RESPONSES }), OrdersModule, ShopModule],
  providers: [BearerStrategy],
})
export class AppModule {}
