import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CompiledApi } from '../registry/compiled-api';
import { MindoffRoutes } from '../routing/mindoff-routes';

/**
 * The headers of a deprecated version, on every answer it gives (refusals included):
 * `Deprecation`, `Sunset`, and a `Link` to the deprecation page (`rel="deprecation"`) and to the
 * next version of the same API (`rel="successor-version"`), at the path the router serves it
 * (global prefix included, the request's own path parameters filled in).
 */
@Injectable()
export class DeprecationNotice {
  private readonly successors = new Map<CompiledApi, string | null>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: MindoffRoutes,
  ) {}

  /** Sets the headers of `api` on `response` when the version is deprecated. */
  apply(api: CompiledApi, response: unknown, params: Record<string, unknown> | undefined): void {
    const deprecation = api.deprecation;
    if (!deprecation) return;
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of deprecation.headers) adapter.setHeader(response, name, value);
    const links: string[] = [];
    if (deprecation.link) links.push(deprecation.link);
    const successor = this.successorOf(api);
    if (successor) links.push(`<${fill(successor, params)}>; rel="successor-version"`);
    if (links.length > 0) adapter.setHeader(response, 'Link', links.join(', '));
  }

  /** Where the next version of the API is served (a pattern), or null when there is none. */
  private successorOf(api: CompiledApi): string | null {
    let found = this.successors.get(api);
    if (found === undefined) {
      const next = api.route.versions
        .filter((version) => version > api.route.version)
        .sort((a, b) => a - b)[0];
      found = next === undefined ? null : (this.routes.urlOf(api.urlName, next) ?? null);
      this.successors.set(api, found);
    }
    return found;
  }
}

/** A pattern with the request's parameters in place (`/v2/orders/:order_id/` → `/v2/orders/42/`). */
function fill(pattern: string, params: Record<string, unknown> | undefined): string {
  if (!pattern.includes(':')) return pattern;
  return pattern.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
    const value = params?.[name];
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
}
