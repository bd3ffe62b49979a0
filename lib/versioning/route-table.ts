import type { CompiledApi } from '../registry/compiled-api';

interface PatternRoute {
  regex: RegExp;
  versions: Map<number, CompiledApi>;
}

const VERSIONED = /^\/v(\d+)\/(.*)$/i;

/**
 * Every mindoff route, looked up by request path: which API version serves it, which versions an
 * API path has (for `INVALID_API_VERSION`), and which first segments belong to mindoff apps.
 */
export class RouteTable {
  private readonly literal = new Map<string, Map<number, CompiledApi>>();
  private readonly patterns: PatternRoute[] = [];
  private readonly apps = new Set<string>();

  add(api: CompiledApi): void {
    const path = api.route.apiPath.toLowerCase();
    this.apps.add(path.split('/')[0]);
    if (path.includes(':')) {
      let route = this.patterns.find((p) => p.regex.source === toRegex(path).source);
      if (!route) this.patterns.push((route = { regex: toRegex(path), versions: new Map() }));
      route.versions.set(api.route.version, api);
      return;
    }
    const versions = this.literal.get(path) ?? new Map<number, CompiledApi>();
    versions.set(api.route.version, api);
    this.literal.set(path, versions);
  }

  /** The API version a request URL reaches, if any. */
  match(url: string): CompiledApi | undefined {
    const found = VERSIONED.exec(pathOf(url));
    if (!found) return undefined;
    return this.versionsOf(found[2])?.get(Number(found[1]));
  }

  /** What a mindoff-looking URL that matched no route was after: a known API, a known app, or nothing. */
  explainMiss(url: string): { availableVersions?: number[]; knownApp: boolean } {
    const found = VERSIONED.exec(pathOf(url));
    if (!found) return { knownApp: false };
    const versions = this.versionsOf(found[2]);
    if (versions) return { availableVersions: [...versions.keys()], knownApp: true };
    return { knownApp: this.apps.has(found[2].toLowerCase().split('/')[0]) };
  }

  private versionsOf(rest: string): Map<number, CompiledApi> | undefined {
    const path = rest.replace(/\/+$/, '').toLowerCase();
    return this.literal.get(path) ?? this.patterns.find((p) => p.regex.test(path))?.versions;
  }
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function toRegex(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
