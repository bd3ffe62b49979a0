/**
 * A Redis key prefix as mindoff writes it: the name, then one `:`. A trailing `:` in the name is
 * that separator, not a second one, so `'my-rl'` and `'my-rl:'` both give `my-rl:<rest>` — the
 * rule BullMQ applies to `queue.prefix` (`'app'` → `app:<queue>:…`), so both options read alike.
 */
export function keyPrefix(name: string): string {
  return name.endsWith(':') ? name : `${name}:`;
}

/** The prefix name without its separator, as BullMQ wants it (BullMQ adds the `:` itself). */
export function prefixName(name: string): string {
  return name.endsWith(':') ? name.slice(0, -1) : name;
}
