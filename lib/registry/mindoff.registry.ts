import {
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import {
  MINDOFF_API_METADATA,
  MINDOFF_CATALOG,
  MINDOFF_RESOLVED_OPTIONS,
  MINDOFF_ROUTE_METADATA,
} from '../mindoff.constants';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import {
  MindoffConfigurationError,
  duplicateUrlName,
  mixedUrlNames,
  notInVersionMap,
  sunsetPassed,
  unknownResponseCode,
} from '../mindoff.messages';
import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import { declaredResponseCodes } from './declared-response-codes';
import { loadPassport } from '../auth/passport.loader';
import type { ResponseCatalog } from '../responses';
import { checkApiConfig } from './api-config.check';
import { unsharedStoreWarning } from '../idempotency/store-sharing.check';
import { checkPatternParams, duplicatePatterns } from './route-patterns.check';
import { compileApi, mergeDefaults, type CompiledApi } from './compiled-api';

interface Found {
  cls: Type<unknown>;
  options: MindoffApiOptions;
  route: ApiRouteMetadata | undefined;
}

/**
 * Finds every `@MindoffApi` class at startup, checks all declarations (reporting every problem
 * at once), and compiles each into the form the pipeline reads per request.
 */
@Injectable()
export class MindoffRegistry implements OnModuleInit {
  private readonly byClass = new Map<Type<unknown>, CompiledApi>();
  private readonly byName = new Map<string, CompiledApi>();
  private readonly logger = new Logger('Mindoff');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    @Inject(MINDOFF_CATALOG) private readonly catalog: ResponseCatalog,
  ) {}

  async onModuleInit(): Promise<void> {
    const found = this.discover();
    const problems = this.check(found);
    if (problems.length > 0) throw new MindoffConfigurationError(problems);
    for (const { cls, options, route } of found) {
      const permissions = await Promise.all(
        (options.permissions ?? []).map((p) => this.instance(p)),
      );
      const api = compileApi(cls, options, route as ApiRouteMetadata, permissions);
      this.byClass.set(cls, api);
      this.byName.set(`${api.urlName}@${api.route.version}`, api);
      const sunset = api.deprecation?.sunset;
      if (sunset && sunset.getTime() <= Date.now()) {
        this.logger.warn(sunsetPassed(api.className, api.deprecation?.sunsetText ?? ''));
      }
    }
    const unshared = unsharedStoreWarning(this.all(), this.options);
    if (unshared) this.logger.warn(unshared);
  }

  /** The compiled API behind a controller class (O(1), no reflection). */
  get(cls: Type<unknown>): CompiledApi | undefined {
    return this.byClass.get(cls);
  }

  /** The API serving `urlName` at `version` (what a queued task runs). */
  find(urlName: string, version: number): CompiledApi | undefined {
    return this.byName.get(`${urlName}@${version}`);
  }

  /** Every compiled API, in discovery order. */
  all(): CompiledApi[] {
    return [...this.byClass.values()];
  }

  private discover(): Found[] {
    const seen = new Set<Type<unknown>>();
    const found: Found[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const cls = wrapper.metatype as Type<unknown> | undefined;
      if (!cls || seen.has(cls)) continue;
      const declared = Reflect.getOwnMetadata(MINDOFF_API_METADATA, cls) as
        MindoffApiOptions | undefined;
      if (!declared) continue;
      seen.add(cls);
      const route = Reflect.getOwnMetadata(MINDOFF_ROUTE_METADATA, cls) as
        ApiRouteMetadata | undefined;
      found.push({ cls, options: mergeDefaults(declared, this.options.defaults), route });
    }
    return found;
  }

  private check(found: Found[]): string[] {
    const problems: string[] = [];
    const owners = new Map<string, { cls: Type<unknown>; route: ApiRouteMetadata }>();
    const isStrategy = (name: string) =>
      Boolean((loadPassport() as unknown as { _strategy(n: string): unknown })._strategy(name));
    for (const { cls, options, route } of found) {
      const hasRun = typeof (cls.prototype as Record<string, unknown>).run === 'function';
      problems.push(
        ...checkApiConfig(cls.name, options as unknown as Record<string, unknown>, {
          hasRun,
          isStrategy,
        }),
        ...declaredResponseCodes(cls)
          .filter((code) => !this.catalog.has(code))
          .map((code) => unknownResponseCode(cls.name, code)),
      );
      if (!route) {
        problems.push(notInVersionMap(cls.name));
        continue;
      }
      const owner = owners.get(options.urlName);
      if (!owner) owners.set(options.urlName, { cls, route });
      else if (owner.route.versions !== route.versions) {
        problems.push(duplicateUrlName(cls.name, options.urlName, owner.cls.name));
      }
    }
    for (const { cls, options, route } of found) {
      const sibling = found.find(
        (f) =>
          f.route &&
          route &&
          f.route.versions === route.versions &&
          f.options.urlName !== options.urlName,
      );
      if (sibling) problems.push(mixedUrlNames(cls.name, options.urlName, sibling.options.urlName));
      if (route) problems.push(...checkPatternParams(cls.name, route.apiPaths, options.params));
    }
    problems.push(
      ...duplicatePatterns(
        found.flatMap(({ cls, route }) => (route ? [{ className: cls.name, route }] : [])),
      ),
    );
    return problems;
  }

  private async instance(permission: Type<CanActivate>): Promise<CanActivate> {
    try {
      return this.moduleRef.get(permission, { strict: false });
    } catch {
      return this.moduleRef.create(permission);
    }
  }
}
