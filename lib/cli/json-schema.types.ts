import { child, isJson, pointerSegment } from './openapi-json';
import { typeNameFor } from './ts-names';
import {
  intersection,
  keyword,
  literal,
  union,
  type PropertyNode,
  type TypeNode,
} from './type-node';

// The subset of JSON Schema that mindoff's OpenAPI documents use (type, properties, required,
// additionalProperties, items, enum, const, anyOf, oneOf, allOf, nullable, type lists with 'null',
// local $refs) becomes TypeScript; anything else widens to `unknown`, never to a narrower type.

type Schema = { readonly [keyword: string]: unknown };

/** Nesting deeper than this is written as `unknown` (JSON documents have no cycles; refs are named). */
const MAX_DEPTH = 64;
const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/** A component of `#/components/schemas`, declared as `export type <name> = <type>`. */
export interface NamedType {
  name: string;
  /** The component's key in the document. */
  component: string;
  type: TypeNode;
  doc?: string;
}

/**
 * Translates the JSON Schemas of one OpenAPI document into TypeScript types. A `$ref` to
 * `#/components/schemas/X` becomes a named type, declared once (`declarations()`); a chain of
 * references that would make a type alias stand for itself (`A = B | …`, `B = A`) is cut with
 * `unknown`, while recursion through properties and items stays typed.
 *
 * @example
 * const types = new SchemaTypes(document, new Set(['AppApis']));
 * printType(types.typeOf({ type: 'array', items: { $ref: '#/components/schemas/Item' } }), ''); // 'Item[]'
 * types.declarations(); // [{ name: 'Item', component: 'Item', type: … }]
 */
export class SchemaTypes {
  private readonly components: ReadonlyMap<string, unknown>;
  private readonly names = new Map<string, string>();
  private readonly declared = new Map<string, NamedType>();
  private readonly eagerEdges = new Map<string, Set<string>>();
  /** The component whose declaration is being written, if any. */
  private current: string | undefined;

  constructor(
    document: unknown,
    private readonly taken: Set<string>,
  ) {
    const schemas = child(child(document, 'components'), 'schemas');
    this.components = new Map(isSchema(schemas) ? Object.entries(schemas) : []);
  }

  /**
   * The type of `schema`, in a position written outside any named type (an API's payload, data…).
   *
   * @example
   * printType(types.typeOf({ type: ['string', 'null'] }), ''); // 'string | null'
   */
  typeOf(schema: unknown): TypeNode {
    return this.convert(schema, 0, true);
  }

  /**
   * The named types the converted schemas referred to, in the order first referred to (each
   * declaration may refer to further components, which are declared too).
   */
  declarations(): NamedType[] {
    for (;;) {
      const pending = [...this.names.keys()].filter((c) => !this.declared.has(c));
      if (pending.length === 0) break;
      for (const component of pending) this.declare(component);
    }
    return [...this.names.keys()].map((component) => this.declared.get(component)!);
  }

  private declare(component: string): void {
    const schema = this.components.get(component);
    this.current = component;
    const type = this.convert(schema, 0, true);
    this.current = undefined;
    const description = child(schema, 'description');
    this.declared.set(component, {
      name: this.names.get(component)!,
      component,
      type,
      ...(typeof description === 'string' ? { doc: description } : {}),
    });
  }

  /**
   * `eager` is true where TypeScript resolves a type alias at once (the alias itself, union and
   * intersection members) and false where it defers it (properties, items, index signatures).
   */
  private convert(schema: unknown, depth: number, eager: boolean): TypeNode {
    if (schema === true || schema === undefined) return keyword('unknown');
    if (schema === false) return keyword('never');
    if (!isSchema(schema) || depth > MAX_DEPTH) return keyword('unknown');
    const next = depth + 1;
    if (typeof schema.$ref === 'string') {
      return nullable(schema, this.reference(schema.$ref, eager));
    }
    const parts: TypeNode[] = [this.base(schema, next)];
    if (Array.isArray(schema.allOf)) {
      parts.push(intersection(schema.allOf.map((s) => this.convert(s, next, eager))));
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const members = schema[key];
      if (Array.isArray(members))
        parts.push(union(members.map((s) => this.convert(s, next, eager))));
    }
    return nullable(schema, intersection(parts));
  }

  /** What `type`, `enum`, `const`, `properties` and `items` say (`unknown` when none is given). */
  private base(schema: Schema, depth: number): TypeNode {
    if (has(schema, 'const')) return literal(schema.const);
    if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (schema.type === undefined) {
      if (['properties', 'additionalProperties', 'required'].some((k) => has(schema, k))) {
        return this.object(schema, depth);
      }
      return has(schema, 'items') ? this.array(schema, depth) : keyword('unknown');
    }
    return union(
      types.map((type): TypeNode => {
        switch (type) {
          case 'string':
            return keyword('string');
          case 'number':
          case 'integer':
            return keyword('number');
          case 'boolean':
            return keyword('boolean');
          case 'null':
            return keyword('null');
          case 'array':
            return this.array(schema, depth);
          case 'object':
            return this.object(schema, depth);
          default:
            return keyword('unknown');
        }
      }),
    );
  }

  private array(schema: Schema, depth: number): TypeNode {
    const items = schema.items;
    // A list of item schemas (a tuple in older drafts) is left as a list of anything.
    const element = Array.isArray(items) ? keyword('unknown') : this.convert(items, depth, false);
    return { kind: 'array', element };
  }

  private object(schema: Schema, depth: number): TypeNode {
    const properties = isSchema(schema.properties) ? Object.entries(schema.properties) : [];
    const required = new Set(
      Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [],
    );
    const nodes: PropertyNode[] = properties.map(([name, property]) => {
      const description = child(property, 'description');
      return {
        name,
        optional: !required.has(name),
        type: this.convert(property, depth, false),
        ...(typeof description === 'string' && !isRef(property) ? { doc: description } : {}),
      };
    });
    const listed = new Set(properties.map(([name]) => name));
    for (const name of required) {
      if (!listed.has(name)) nodes.push({ name, optional: false, type: keyword('unknown') });
    }
    const index = this.index(schema, depth, nodes.length > 0);
    return { kind: 'object', properties: nodes, ...(index ? { index } : {}) };
  }

  /**
   * The index signature: none when extra keys are refused (`additionalProperties: false`) or, for
   * an object that lists its properties, not mentioned; their type when given and no property is
   * listed (listed properties would have to fit it), else `unknown`.
   */
  private index(schema: Schema, depth: number, hasProperties: boolean): TypeNode | undefined {
    const extra = schema.additionalProperties;
    if (extra === false) return undefined;
    if (has(schema, 'patternProperties')) return keyword('unknown');
    if (extra === undefined) return hasProperties ? undefined : keyword('unknown');
    return hasProperties ? keyword('unknown') : this.convert(extra, depth, false);
  }

  private reference(ref: string, eager: boolean): TypeNode {
    const component = componentOf(ref);
    if (component === undefined || !this.components.has(component)) return keyword('unknown');
    if (eager && this.current !== undefined && this.reachesEagerly(component, this.current)) {
      return keyword('unknown');
    }
    let name = this.names.get(component);
    if (name === undefined) {
      name = typeNameFor(component, this.taken);
      this.names.set(component, name);
    }
    return { kind: 'ref', name };
  }

  /** Whether `from`'s alias, resolved at once, would reach `to`'s (a circular alias in TypeScript). */
  private reachesEagerly(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const component = stack.pop()!;
      if (component === to) return true;
      if (seen.has(component)) continue;
      seen.add(component);
      stack.push(...this.eagerRefs(component));
    }
    return false;
  }

  /** The components a component's alias refers to where TypeScript resolves them at once. */
  private eagerRefs(component: string): Set<string> {
    let edges = this.eagerEdges.get(component);
    if (edges === undefined) {
      edges = new Set();
      collectEagerRefs(this.components.get(component), edges, 0);
      this.eagerEdges.set(component, edges);
    }
    return edges;
  }
}

function collectEagerRefs(schema: unknown, into: Set<string>, depth: number): void {
  if (!isSchema(schema) || depth > MAX_DEPTH) return;
  if (typeof schema.$ref === 'string') {
    const component = componentOf(schema.$ref);
    if (component !== undefined) into.add(component);
    return;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = schema[key];
    if (Array.isArray(members)) members.forEach((m) => collectEagerRefs(m, into, depth + 1));
  }
}

/** The component name of a `#/components/schemas/<name>` reference. */
function componentOf(ref: string): string | undefined {
  const match = COMPONENT_REF.exec(ref);
  return match ? pointerSegment(match[1]) : undefined;
}

/** `type` widened by OpenAPI 3.0's `nullable: true`. */
function nullable(schema: Schema, type: TypeNode): TypeNode {
  return schema.nullable === true ? union([type, keyword('null')]) : type;
}

function isSchema(value: unknown): value is Schema {
  return isJson(value);
}

function isRef(value: unknown): boolean {
  return typeof child(value, '$ref') === 'string';
}

function has(schema: Schema, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(schema, key);
}
