import type { Type } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { hasBody } from './adapter-request';

/** Where the first layer notes which mindoff class a request is for (null: none). */
const MINDOFF_DEFERRED_BODY = Symbol('mindoff:deferred-body');

/** The mindoff class a route handler serves, if it is one of mindoff's. */
export type RouteOwnerOf = (handler: unknown) => Type<unknown> | undefined;

/** The part of an express 5 router layer mindoff reads: its route and its own path matcher. */
export interface ExpressLayer {
  name?: string;
  handle?: (...args: unknown[]) => unknown;
  route?: { path: unknown; stack: { handle: unknown }[] };
  match(path: string): boolean;
}

type ExpressRequest = IncomingMessage & {
  originalUrl?: string;
  [MINDOFF_DEFERRED_BODY]?: Type<unknown> | null;
};

interface Candidate {
  layer: ExpressLayer;
  owner: Type<unknown>;
  /**
   * The layer was seen at startup to match its path in any letter case and with or without a
   * trailing slash, so an ASCII path with the same key needs no second match.
   */
  keyMatches?: boolean;
}

/**
 * Printable ASCII only: lower-casing it is exactly the case folding of the router's
 * case-insensitive match.
 */
const NOT_ASCII = /[^\x20-\x7e]/;

/**
 * Which mindoff route an express request will reach, decided by the route layers express itself
 * registered (found by the handler metadata Nest copied onto them) and their own matchers: the
 * same answer the router gives, for any global prefix, `RouterModule` path or URL form. Literal
 * paths are looked up in a map first, so the check of a literal API path costs O(1); only
 * requests with a body are checked up front.
 */
export class ExpressMindoffRoutes {
  private readonly literal = new Map<string, Candidate[]>();
  private readonly patterns: Candidate[] = [];

  constructor(stack: ExpressLayer[], ownerOf: RouteOwnerOf) {
    for (const layer of stack) {
      const owner = layer.route?.stack
        .map((entry) => ownerOf(entry.handle))
        .find((found) => found !== undefined);
      if (!owner || !layer.route) continue;
      const path = layer.route.path;
      if (typeof path === 'string' && !/[:*{(]/.test(path)) {
        const key = keyOf(path);
        const keyMatches = !NOT_ASCII.test(path) && matchesEveryForm(layer, key);
        this.literal.set(key, [...(this.literal.get(key) ?? []), { layer, owner, keyMatches }]);
      } else {
        this.patterns.push({ layer, owner });
      }
    }
  }

  /** Whether the app serves any mindoff route. */
  get empty(): boolean {
    return this.literal.size === 0 && this.patterns.length === 0;
  }

  /**
   * Decides, as the app router's first layer, where a request with a body goes: `req.url` is then
   * the path the app's routes match (no parser mounted on a sub-path has trimmed it yet).
   */
  recognise(req: ExpressRequest): void {
    if (req[MINDOFF_DEFERRED_BODY] === undefined && hasBody(req)) {
      req[MINDOFF_DEFERRED_BODY] = this.find(pathname(req.url ?? ''));
    }
  }

  /**
   * Under express's 'strict routing', where `/x` and `/x/` are different routes: a request for a
   * mindoff route in the slash form the route was not registered with is pointed at the served
   * form (`req.url` rewritten, `originalUrl` kept), so mindoff's URLs answer in both forms as
   * without the option, while the app's own routes keep its strict answers.
   */
  servedForm(req: ExpressRequest): void {
    const url = req.url ?? '';
    const path = pathname(url);
    if (this.find(path)) return;
    const other = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    const owner = this.find(other);
    if (!owner) return;
    req.url = other + url.slice(url.indexOf(path) + path.length);
    req[MINDOFF_DEFERRED_BODY] = owner;
  }

  /** Whether the first layer found that `req` carries a body for a mindoff route. */
  defers(req: ExpressRequest): boolean {
    return Boolean(req[MINDOFF_DEFERRED_BODY]);
  }

  /** The class serving `req`, or null when it is not a mindoff route; decided once per request. */
  ownerOf(req: ExpressRequest): Type<unknown> | null {
    const known = req[MINDOFF_DEFERRED_BODY];
    if (known !== undefined) return known;
    return (req[MINDOFF_DEFERRED_BODY] = this.find(pathname(req.originalUrl ?? req.url ?? '')));
  }

  private find(path: string): Type<unknown> | null {
    const literal = this.literal.get(keyOf(path));
    if (literal) {
      const ascii = !NOT_ASCII.test(path);
      for (const candidate of literal) {
        if ((ascii && candidate.keyMatches) || candidate.layer.match(path)) return candidate.owner;
      }
    }
    for (const candidate of this.patterns) {
      if (matches(candidate.layer, path)) return candidate.owner;
    }
    return null;
  }
}

/** Lower-cased, without one trailing slash: the forms a non-strict, case-insensitive route accepts. */
function keyOf(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** Whether a literal layer matches `key` lower case, upper case, and with a trailing slash. */
function matchesEveryForm(layer: ExpressLayer, key: string): boolean {
  const forms = [key, key.toUpperCase(), key === '/' ? key : `${key}/`];
  return forms.every((form) => matches(layer, form));
}

/** A layer's own match; a path whose parameters do not decode is one the router refuses too. */
function matches(layer: ExpressLayer, path: string): boolean {
  try {
    return layer.match(path);
  } catch {
    return false;
  }
}

/** `scheme://authority` at the start of an absolute-form request target. */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The path of a request target, as express's router reads it (parseurl, i.e. node's legacy
 * `url.parse`, in router 2.x): origin or absolute form, ended at '?' and at '#', dot segments
 * kept as sent (the router routes `/a/../b` as written; WHATWG `URL` would make it `/b`).
 */
function pathname(url: string): string {
  const authority = ABSOLUTE_FORM.exec(url);
  const path = authority ? url.slice(authority[0].length) : url;
  const end = path.search(/[?#]/);
  const bare = end === -1 ? path : path.slice(0, end);
  return authority && !bare.startsWith('/') ? `/${bare}` : bare;
}
