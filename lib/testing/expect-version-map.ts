import type { DynamicModule, Type } from '@nestjs/common';
import { AssertionError } from 'node:assert';
import { MINDOFF_API_METADATA, MINDOFF_ROUTE_METADATA } from '../mindoff.constants';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import type { MindoffTestApp } from './mindoff-test-app';
import { MindoffTestingError } from './testing.error';

interface MapEntry {
  version: number;
  cls: Type<unknown>;
  urlName: string;
}

/**
 * The version numbers of a version map (`MindoffVersions.register(...)`), in map order.
 *
 * @example
 * versionsOf(CreateOrderVersions); // [1, 2]
 */
export function versionsOf(versions: DynamicModule): number[] {
  return entriesOf(versions).map((entry) => entry.version);
}

/**
 * Asserts that `app` serves every version in the map with that version's class, e.g. that
 * `/v2/orders/create_order/` reaches `CreateOrderV2Api`.
 */
export function expectVersionMap(app: MindoffTestApp, versions: DynamicModule): void {
  for (const { version, cls, urlName } of entriesOf(versions)) {
    const served = app.route(urlName, version);
    if (served?.cls === cls) continue;
    throw new AssertionError({
      message: served
        ? `Version ${version} of ${urlName} is served by ${served.cls.name}, expected ${cls.name}.`
        : `Version ${version} of ${urlName} (${cls.name}) is not served; is its version map imported in the module under test?`,
      actual: served?.cls.name,
      expected: cls.name,
      operator: 'expectVersionMap',
    });
  }
}

function entriesOf(versions: DynamicModule): MapEntry[] {
  const entries = (versions.controllers ?? []).map((cls) => {
    const route = Reflect.getMetadata(MINDOFF_ROUTE_METADATA, cls) as ApiRouteMetadata | undefined;
    const api = Reflect.getMetadata(MINDOFF_API_METADATA, cls) as MindoffApiOptions | undefined;
    return route && api ? { version: route.version, cls, urlName: api.urlName } : undefined;
  });
  if (entries.length === 0 || entries.some((entry) => !entry)) {
    throw new MindoffTestingError(
      'Pass a version map, the module MindoffVersions.register({ 1: MyV1Api }) returns.',
    );
  }
  return entries as MapEntry[];
}
