import { Module } from '@nestjs/common';
import { MindoffModule } from 'mindoff';
import { join } from 'node:path';
import { BearerStrategy } from './auth/bearer.strategy';
import { HomeController } from './home/home.controller';
import { JobsModule } from './jobs/jobs.module';
import { OrdersModule } from './orders/orders.module';
import { ShopModule } from './shop/shop.module';

/** Where the sample's responses.csv lives (the sample runs from the repository root). */
export const SAMPLE_RESPONSES = join(process.cwd(), 'sample', 'config', 'responses.csv');

/**
 * Queue-mode tasks run on BullMQ when `REDIS_URL` is set, in the embedded in-process queue
 * otherwise (nothing to install; tasks do not survive a restart).
 */
const queue = process.env.REDIS_URL
  ? {
      connection: process.env.REDIS_URL,
      prefix: process.env.SAMPLE_QUEUE_PREFIX ?? 'mindoff-sample',
    }
  : {};

@Module({
  imports: [
    MindoffModule.forRoot({ responsesPath: SAMPLE_RESPONSES, queue }),
    OrdersModule,
    ShopModule,
    JobsModule,
  ],
  controllers: [HomeController],
  providers: [BearerStrategy],
})
export class AppModule {}
