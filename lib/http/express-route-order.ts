import type { ExpressLayer, RouteOwnerOf } from './express-mindoff-routes';

/**
 * Puts each literal mindoff route before the mindoff pattern routes that would also match it, as
 * fastify's router does by itself: `/v1/orders/create_order` must not be taken by
 * `/v1/orders/:order_id` just because that map was registered first. Only mindoff's own route
 * layers move, and only ahead of a mindoff pattern that shadows them.
 *
 * @example
 * literalRoutesFirst(app.router.stack);
 */
export function literalRoutesFirst(stack: ExpressLayer[], ownerOf: RouteOwnerOf): void {
  for (let i = 0; i < stack.length; i++) {
    const layer = stack[i]!;
    const path = literalPath(layer, ownerOf);
    if (path === undefined) continue;
    const shadow = stack.findIndex(
      (other, j) => j < i && isMindoffPattern(other, ownerOf) && other.match(path),
    );
    if (shadow === -1) continue;
    stack.splice(i, 1);
    stack.splice(shadow, 0, layer);
  }
}

function isMindoff(layer: ExpressLayer, ownerOf: RouteOwnerOf): boolean {
  return Boolean(layer.route?.stack.some((entry) => ownerOf(entry.handle)));
}

function literalPath(layer: ExpressLayer, ownerOf: RouteOwnerOf): string | undefined {
  const path = layer.route?.path;
  return typeof path === 'string' && !/[:*{(]/.test(path) && isMindoff(layer, ownerOf)
    ? path
    : undefined;
}

function isMindoffPattern(layer: ExpressLayer, ownerOf: RouteOwnerOf): boolean {
  const path = layer.route?.path;
  return (
    path !== undefined &&
    !(typeof path === 'string' && !/[:*{(]/.test(path)) &&
    isMindoff(layer, ownerOf)
  );
}
