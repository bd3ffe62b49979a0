// mindoff serving the sample's real `orders/create_order` v1 API (strict schema validation,
// envelope, per-client rate limit ON with a limit that is never reached; MINDOFF_LIMIT
// overrides it, e.g. MINDOFF_LIMIT=30/m to see the limiter answer).
import { Module } from '@nestjs/common';
import { MindoffModule, type RateString } from 'mindoff';
import { OrdersModule } from '../../sample/orders/orders.module';
import { boot } from './common/boot';

const request = (process.env.MINDOFF_LIMIT ?? '100000000/m') as RateString;

@Module({ imports: [MindoffModule.forRoot({ defaults: { limits: { request } } }), OrdersModule] })
class MindoffBenchModule {}

void boot(MindoffBenchModule);
