/** What a request that matched no route was after, when the path is mindoff's. */
export type RouteMiss =
  | { code: 'INVALID_API_VERSION'; availableVersions: number[] }
  | { code: 'ROUTE_NOT_FOUND' }
  | { code: 'QUEUE_TASK_NOT_FOUND' };

/** One API version as served, for explaining misses. */
export interface ServedApi {
  /** Where its version segment starts: the global prefix and module path, e.g. `/api/admin`. */
  mount: string;
  version: number;
  /** e.g. `shop/get_profile` or `orders/:order_id` */
  apiPath: string;
  versions: number[];
}

interface MountIndex {
  mount: string;
  literal: Map<string, number[]>;
  patterns: { regex: RegExp; versions: number[] }[];
  apps: Set<string>;
}

/** The task endpoints that name a task: `<id>`, `<id>/stream`, `<id>/stream-ticket`, ... */
const TASK_PATH = /^[^/]+(?:\/(?:stream|stream-ticket|cancel|retry))?$/;

/**
 * Explains router misses under mindoff's paths, so they get envelopes instead of a framework 404:
 * an unknown or malformed version of a known API (`/v9/`, `/v1.5/`, `/v-1/`) is
 * `INVALID_API_VERSION` with the versions that exist; any other path under a known app, or a known
 * API reached in a form the router does not serve (`//v1/…`, `/v1//…`, `%2f`), is
 * `ROUTE_NOT_FOUND`; a task path the router refused (e.g. fastify's `maxParamLength` on an over-long
 * id) is `QUEUE_TASK_NOT_FOUND` (a wrong method reaches the task endpoints' guard). The path is
 * compared decoded, lower-cased, with repeated and trailing slashes folded, under each mount the
 * router really serves mindoff at. Paths of no mindoff app are left to the app (undefined).
 */
export class RouteMissExplainer {
  private readonly mounts: MountIndex[];
  private readonly taskBase: string | undefined;

  constructor(apis: ServedApi[], taskBase: string | undefined) {
    const byMount = new Map<string, MountIndex>();
    for (const api of apis) {
      const mount = fold(api.mount);
      let index = byMount.get(mount);
      if (!index) {
        index = { mount, literal: new Map(), patterns: [], apps: new Set() };
        byMount.set(mount, index);
      }
      const path = fold(`/${api.apiPath}`).slice(1);
      index.apps.add(path.split('/')[0]!);
      if (path.includes(':')) index.patterns.push({ regex: toRegex(path), versions: api.versions });
      else index.literal.set(path, api.versions);
    }
    this.mounts = [...byMount.values()].sort((a, b) => b.mount.length - a.mount.length);
    this.taskBase = taskBase === undefined ? undefined : fold(taskBase);
  }

  explain(url: string): RouteMiss | undefined {
    const path = fold(pathOf(url));
    return this.taskMiss(path) ?? this.apiMiss(path);
  }

  private taskMiss(path: string): RouteMiss | undefined {
    if (this.taskBase === undefined || !path.startsWith(`${this.taskBase}/`)) return undefined;
    const rest = path.slice(this.taskBase.length + 1);
    // A task path the router refused (e.g. fastify's maxParamLength); anything else is unknown.
    return rest !== 'list' && TASK_PATH.test(rest)
      ? { code: 'QUEUE_TASK_NOT_FOUND' }
      : { code: 'ROUTE_NOT_FOUND' };
  }

  private apiMiss(path: string): RouteMiss | undefined {
    for (const index of this.mounts) {
      if (path !== index.mount && !path.startsWith(`${index.mount}/`)) continue;
      const segments = path.slice(index.mount.length + 1).split('/');
      const versionSegment = segments[0] ?? '';
      // Version-like (`v1`, `v9`, `v1.5`, `v-1`, `v`), not a word that starts with v (`videos`).
      if (!/^v[^a-z]*$/.test(versionSegment)) continue;
      const apiPath = segments.slice(1).join('/');
      const versions =
        index.literal.get(apiPath) ?? index.patterns.find((p) => p.regex.test(apiPath))?.versions;
      if (versions) {
        const version = /^v([1-9]\d*)$/.exec(versionSegment);
        if (version && versions.includes(Number(version[1]))) return { code: 'ROUTE_NOT_FOUND' };
        return { code: 'INVALID_API_VERSION', availableVersions: [...versions] };
      }
      if (index.apps.has(segments[1] ?? '')) return { code: 'ROUTE_NOT_FOUND' };
    }
    return undefined;
  }
}

/** The path of a request target, from origin form (`/a?b`) or absolute form (`http://h/a?b`). */
function pathOf(url: string): string {
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return path;
    }
  }
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * Decoded (when it decodes), lower-cased, repeated slashes folded, `.` and `..` segments
 * resolved, no trailing slash.
 */
function fold(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as it is; the path is still compared.
  }
  const segments: string[] = [];
  for (const segment of decoded.toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function toRegex(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
