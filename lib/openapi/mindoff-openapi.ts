import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Module } from '@nestjs/core/injector/module';
import type { OpenAPIObject, SwaggerDocumentOptions } from '@nestjs/swagger';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_CATALOG, MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import type { CompiledApi } from '../registry/compiled-api';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { MindoffRoutes } from '../routing/mindoff-routes';
import type { ResponseCatalog } from '../responses/response.catalog';
import { isDtoClass, type DtoClass } from '../validation/dto-class';
import { apiOperations } from './api-operation';
import { documentWithPlainEnvelopes } from './enveloped-routes';
import './hide-catch-all-route';
import { dialectOf } from './json-schema';
import { declaredResponseCodes } from '../registry/declared-response-codes';
import { appNotStarted } from './openapi.messages';
import { queueEndpointPaths } from './queue-endpoints.operations';
import { loadSwagger, type Swagger } from './swagger.loader';

/** The static hook @nestjs/swagger's CLI plugin leaves on a DTO class it described. */
const PLUGIN_METADATA_FACTORY = '_OPENAPI_METADATA_FACTORY';

/**
 * mindoff's side of @nestjs/swagger. `MindoffOpenApi.createDocument` takes what
 * `SwaggerModule.createDocument` takes and returns the same document, with every mindoff API added:
 * one operation per version under `/v{n}/{app}/{api}/` (after the global prefix and any
 * `RouterModule` path, as the router serves it), its method, request body, envelope
 * responses, security and `x-ratelimit`. Plain routes answering in the envelope
 * (`@MindoffEnvelope()`, `envelope: 'all'`) get envelope responses too.
 *
 * @example
 * const config = new DocumentBuilder().setTitle('Shop').setOpenAPIVersion('3.1.0').build();
 * SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config));
 * await app.listen(3000);
 */
export class MindoffOpenApi {
  /**
   * The OpenAPI document of `app`: swagger's own scan, plus the mindoff APIs. Call it once the app
   * has started (mindoff compiles its APIs then), e.g. as the document factory of `SwaggerModule.setup`.
   */
  static createDocument(
    app: INestApplication,
    config: Omit<OpenAPIObject, 'paths'>,
    options: SwaggerDocumentOptions = {},
  ): OpenAPIObject {
    const swagger = loadSwagger();
    if ((app as unknown as { isInitialized?: boolean }).isInitialized === false) {
      throw new Error(appNotStarted());
    }
    const catalog = app.get<ResponseCatalog>(MINDOFF_CATALOG, { strict: false });
    const apis = included(app, app.get(MindoffRegistry, { strict: false }).all(), options);

    const isSwaggerModel = (cls: DtoClass) => hasSwaggerModel(swagger, cls);
    const models = apis
      .map((api): unknown => api.options.payloadSchema)
      .filter((schema) => isDtoClass(schema) && isSwaggerModel(schema)) as DtoClass[];
    const document = documentWithPlainEnvelopes(app, catalog, () =>
      swagger.SwaggerModule.createDocument(app, config, {
        ...options,
        extraModels: [...(options.extraModels ?? []), ...new Set(models)],
      }),
    );
    const components = (document.components ??= {});
    const resolved = app.get<ResolvedMindoffOptions>(MINDOFF_RESOLVED_OPTIONS, { strict: false });
    const context = {
      catalog,
      rateLimitHeaders: resolved.rateLimit.headers,
      dialect: dialectOf(document.openapi),
      components: (components.schemas ??= {}) as Record<string, unknown>,
      standardSchemaConverter: options.standardSchemaConverter,
      isSwaggerModel,
    };
    const routes = app.get(MindoffRoutes, { strict: false });
    // Swagger leaves the global prefix out of its own paths when asked; so does this document.
    const unprefixed = (path: string) => {
      const prefix = routes.globalPrefix();
      return options.ignoreGlobalPrefix && prefix && path.startsWith(prefix)
        ? path.slice(prefix.length)
        : path;
    };
    for (const api of apis) {
      const codes = declaredResponseCodes(api.cls);
      for (const { path, method, operation } of apiOperations(api, codes, context)) {
        const served = unprefixed(routes.mountOf(api.cls)) + path;
        document.paths[served] = { ...document.paths[served], [method]: operation };
      }
    }
    const taskBase = routes.taskBase();
    if (taskBase !== undefined && apis.some((api) => api.processMode === 'queue')) {
      Object.assign(document.paths, queueEndpointPaths(catalog, unprefixed(taskBase)));
    }
    for (const strategy of new Set(apis.flatMap((api) => api.auth))) {
      (components.securitySchemes ??= {})[strategy] ??= {
        type: 'http',
        scheme: 'bearer',
        description: `Passport strategy '${strategy}', taken to read a bearer token; declare a security scheme named '${strategy}' in DocumentBuilder to describe it otherwise.`,
      };
    }
    return document;
  }
}

/**
 * The APIs swagger's `include` option lets in: those whose classes sit in an included module, or
 * with `deepScanRoutes` in a module it imports (version maps are such modules). All without `include`.
 */
function included(
  app: INestApplication,
  apis: CompiledApi[],
  options: SwaggerDocumentOptions,
): CompiledApi[] {
  if (!options.include?.length) return apis;
  const classes = new Set<unknown>();
  const take = (module: Module) => {
    for (const wrapper of module.controllers.values()) classes.add(wrapper.metatype);
  };
  for (const module of app.get(ModulesContainer).values()) {
    if (!options.include.includes(module.metatype)) continue;
    take(module);
    if (options.deepScanRoutes) module.imports.forEach(take);
  }
  return apis.filter((api) => classes.has(api.cls));
}

function hasSwaggerModel(swagger: Swagger, cls: DtoClass): boolean {
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype;) {
    if (typeof (c as unknown as Record<string, unknown>)[PLUGIN_METADATA_FACTORY] === 'function') {
      return true;
    }
    c = Object.getPrototypeOf(c);
  }
  return Reflect.hasMetadata(swagger.DECORATORS.API_MODEL_PROPERTIES_ARRAY, cls.prototype);
}
