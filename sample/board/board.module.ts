import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { MINDOFF_QUEUE } from 'mindoff';

/**
 * bull-board at `/queues`, showing mindoff's queue (registered under `MINDOFF_QUEUE`). Only when
 * tasks run on BullMQ (`REDIS_URL`) and the sample runs on express (bull-board's adapter here).
 */
@Module({})
export class BoardModule {
  static when(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const express = (env.MINDOFF_ADAPTER ?? 'express') === 'express';
    if (!env.REDIS_URL || !express || env.MINDOFF_ROLE === 'worker') return { module: BoardModule };
    return {
      module: BoardModule,
      imports: [
        BullBoardModule.forRoot({ route: '/queues', adapter: ExpressAdapter }),
        BullBoardModule.forFeature({ name: MINDOFF_QUEUE, adapter: BullMQAdapter }),
      ],
    };
  }
}
