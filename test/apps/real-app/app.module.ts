import { ClassSerializerInterceptor, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, RouterModule } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { MindoffModule } from 'mindoff';
import { AdminModule } from './admin/admin.module';
import { BackofficeVersions } from './backoffice/backoffice.versions';
import { AccountController } from './catalog/account.controller';
import { ItemsController } from './catalog/items.controller';
import { JobsModule } from './jobs/jobs.module';
import { AppExceptionFilter } from './platform/app-exception.filter';
import { RequestLog } from './platform/request-log';
import { RequestLogInterceptor } from './platform/request-log.interceptor';
import { ServedByInterceptor } from './platform/served-by.interceptor';
import { ShopModule } from './shop/shop.module';
import { EchoController } from './system/echo.controller';
import { HealthController } from './system/health.controller';
import { SystemController } from './system/system.controller';
import { UsersModule } from './users/users.module';

/** What the app is built with. */
export interface RealAppModuleOptions {
  /** Import `MindoffModule.forRoot()` and the mindoff APIs. */
  mindoff: boolean;
  /** With mindoff: also the queue-mode API (`jobs__report`). */
  queueApis: boolean;
}

/** The root module: plain controllers and global enhancers, plus mindoff APIs when asked. */
@Module({})
export class RealAppModule {
  static register({ mindoff, queueApis }: RealAppModuleOptions): DynamicModule {
    const mindoffImports = mindoff
      ? [
          MindoffModule.forRoot(),
          ShopModule,
          BackofficeVersions,
          ...(queueApis ? [JobsModule] : []),
        ]
      : [];
    return {
      module: RealAppModule,
      imports: [
        ThrottlerModule.forRoot([{ limit: 100, ttl: 60_000 }]),
        UsersModule,
        AdminModule,
        RouterModule.register([
          { path: 'admin', module: AdminModule },
          ...(mindoff ? [{ path: 'backoffice', module: BackofficeVersions.module }] : []),
        ]),
        ...mindoffImports,
      ],
      controllers: [
        HealthController,
        ItemsController,
        AccountController,
        EchoController,
        SystemController,
      ],
      providers: [
        RequestLog,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: ClassSerializerInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RequestLogInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ServedByInterceptor },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
