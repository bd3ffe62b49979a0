import { Module, type DynamicModule, type NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BodyDeferral } from './adapters/body-deferral';
import { ENVELOPE_PROVIDERS } from './plain-routes/envelope.providers';
import { MindoffExceptionFilter } from './filters/mindoff-exception.filter';
import { ResultRenderer } from './rendering/result.renderer';
import type { ResolvedMindoffOptions } from './interfaces/resolved-mindoff-options.interface';
import { MINDOFF_CATALOG, MINDOFF_RESOLVED_OPTIONS, MINDOFF_RUN_INLINE } from './mindoff.constants';
import {
  ConfigurableMindoffModule,
  MINDOFF_MODULE_OPTIONS,
  type MINDOFF_ASYNC_OPTIONS_TYPE,
  type MINDOFF_OPTIONS_TYPE,
} from './mindoff.module-definition';
import { MindoffClientManifestController } from './client-manifest/client-manifest.controller';
import { resolvedOptionsProvider } from './options/resolved-options.provider';
import { MindoffGuard } from './pipeline/mindoff.guard';
import {
  MINDOFF_THROTTLER_STORAGE,
  rateLimitStorageProvider,
} from './throttling/rate-limit-storage.provider';
import { RateLimiter } from './throttling/rate-limiter';
import { Authenticator } from './auth/authenticator';
import { MindoffRegistry } from './registry/mindoff.registry';
import { RouterHooks } from './adapters/router-hooks';
import { UrlForms } from './adapters/url-forms';
import { MindoffTelemetry } from './telemetry/mindoff.telemetry';
import { RequestIds } from './request-id/request-ids';
import { DeprecationNotice } from './pipeline/deprecation.notice';
import { MindoffRoutes } from './routing/mindoff-routes';
import { EnvelopeSender } from './rendering/envelope.sender';
import { ResponseCatalog } from './responses';
import { MindoffHealthIndicator } from './health/mindoff-health.indicator';
import { IdempotencyGate } from './idempotency/idempotency.gate';
import {
  MINDOFF_IDEMPOTENCY_STORE,
  idempotencyStoreProvider,
} from './idempotency/idempotency-store.provider';

/**
 * Managed APIs for a Nest app. Import it once, in the root module; it is global, so every
 * `MindoffVersions.register()` module in the app is served by its pipeline.
 *
 * @example
 * @Module({ imports: [MindoffModule.forRoot(), OrdersModule] })
 * export class AppModule {}
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    MindoffRegistry,
    MindoffGuard,
    RateLimiter,
    Authenticator,
    ResultRenderer,
    MindoffExceptionFilter,
    EnvelopeSender,
    BodyDeferral,
    MindoffRoutes,
    RouterHooks,
    UrlForms,
    MindoffHealthIndicator,
    MindoffTelemetry,
    RequestIds,
    DeprecationNotice,
    resolvedOptionsProvider,
    { provide: MINDOFF_RUN_INLINE, useValue: false },
    rateLimitStorageProvider,
    idempotencyStoreProvider,
    IdempotencyGate,
    {
      provide: MINDOFF_CATALOG,
      inject: [MINDOFF_RESOLVED_OPTIONS],
      useFactory: (options: ResolvedMindoffOptions) =>
        ResponseCatalog.fromFile(options.responsesPath),
    },
    ...ENVELOPE_PROVIDERS,
  ],
  exports: [
    MindoffHealthIndicator,
    MindoffRegistry,
    MindoffRoutes,
    RateLimiter,
    Authenticator,
    MindoffGuard,
    ResultRenderer,
    MindoffExceptionFilter,
    EnvelopeSender,
    RequestIds,
    DeprecationNotice,
    MindoffTelemetry,
    MINDOFF_CATALOG,
    MINDOFF_THROTTLER_STORAGE,
    MINDOFF_IDEMPOTENCY_STORE,
    IdempotencyGate,
    MINDOFF_MODULE_OPTIONS,
    MINDOFF_RESOLVED_OPTIONS,
    MINDOFF_RUN_INLINE,
  ],
})
export class MindoffModule extends ConfigurableMindoffModule implements NestModule {
  constructor(
    private readonly urlForms: UrlForms,
    private readonly bodyDeferral: BodyDeferral,
  ) {
    super();
  }

  /**
   * Nest configures middleware before it registers the routes: the last moment to have the router
   * serve every URL form of mindoff's routes, and on fastify to give those routes their own hook.
   * Called by Nest (`NestModule`), not by the app; it stays in the declarations so that the class
   * implements the interface there too.
   */
  configure(): void {
    this.urlForms.beforeRoutes();
    this.bodyDeferral.beforeRoutes();
  }

  /** Registers mindoff with `options` (all optional). */
  static override forRoot(options: typeof MINDOFF_OPTIONS_TYPE = {}): DynamicModule {
    const module = super.forRoot(options);
    return options.clientManifest === true ? withClientManifest(module) : module;
  }

  /**
   * Registers mindoff with options a factory gives. Routes are fixed before the factory runs, so
   * the client manifest's route is always registered; it answers `ROUTE_NOT_FOUND` unless the
   * options say `clientManifest: true`.
   */
  static override forRootAsync(options: typeof MINDOFF_ASYNC_OPTIONS_TYPE): DynamicModule {
    return withClientManifest(super.forRootAsync(options));
  }
}

function withClientManifest(module: DynamicModule): DynamicModule {
  return {
    ...module,
    controllers: [...(module.controllers ?? []), MindoffClientManifestController],
  };
}
