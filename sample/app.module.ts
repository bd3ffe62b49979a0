import { Module } from '@nestjs/common';
import { MindoffModule } from 'mindoff';
import { BearerStrategy } from './auth/bearer.strategy';
import { BoardModule } from './board/board.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { ClientFilesController } from './home/client-files.controller';
import { HomeController } from './home/home.controller';
import { JobsModule } from './jobs/jobs.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { ShopModule } from './shop/shop.module';
import { sampleOptions } from './sample-options';

export { SAMPLE_RESPONSES } from './sample-options';

/** The sample app: orders, shop, jobs, files and payments, configured from its environment (see sample-options.ts). */
@Module({
  imports: [
    MindoffModule.forRoot(sampleOptions()),
    OrdersModule,
    ShopModule,
    JobsModule,
    FilesModule,
    PaymentsModule,
    HealthModule,
    BoardModule.when(),
  ],
  controllers: [HomeController, ClientFilesController],
  providers: [BearerStrategy],
})
export class AppModule {}
