/** The document's `components.schemas`, filled while operations are written. */
export type SchemaComponents = Record<string, unknown>;

const LOCAL_REF = /^#\/(?:\$defs|definitions|components\/schemas)\/(.+)$/;

/**
 * Adds a converted schema's definitions to `components` and returns the function that rewrites the
 * schema's `$ref`s to them. A name already taken by a different schema gets a numeric suffix, so
 * two schemas' `__schema0` definitions never overwrite each other; an identical one is shared.
 *
 * @example
 * const rewrite = mergeComponents(components, { Item: { type: 'object' } });
 * rewrite({ $ref: '#/$defs/Item' }); // { $ref: '#/components/schemas/Item' }
 */
export function mergeComponents(
  components: SchemaComponents,
  definitions: Record<string, unknown>,
): (schema: unknown) => unknown {
  const keepNames = refRewriter(new Map());
  const names = new Map<string, string>();
  for (const [name, definition] of Object.entries(definitions)) {
    const same = (taken: string) =>
      JSON.stringify(components[taken]) === JSON.stringify(keepNames(definition));
    let candidate = name;
    for (let n = 2; candidate in components && !same(candidate); n++) candidate = `${name}_${n}`;
    names.set(name, candidate);
  }
  const rewrite = refRewriter(names);
  for (const [name, definition] of Object.entries(definitions)) {
    components[names.get(name)!] = rewrite(definition);
  }
  return rewrite;
}

function refRewriter(names: ReadonlyMap<string, string>): (value: unknown) => unknown {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof child === 'string' ? ref(child) : rewrite(child);
    }
    return out;
  };
  const ref = (target: string): string => {
    const name = LOCAL_REF.exec(target)?.[1];
    return name === undefined ? target : `#/components/schemas/${names.get(name) ?? name}`;
  };
  return rewrite;
}
