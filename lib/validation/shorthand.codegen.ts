import {
  failureSite,
  missingKeySite,
  type FailureSite,
  type MissingKeySite,
} from './shorthand.issues';
import { PathCode } from './shorthand.path-code';
import type { DictField, ShorthandNode } from './shorthand.tree';

/**
 * The JavaScript source of a validator for one schema, and the issue sites it reads as `S[n]`.
 *
 * Safety: the source is assembled only from fixed fragments, generated names (`v3`, `i4`,
 * `p5`) and `JSON.stringify` output; every schema key and literal string reaches it as a JSON
 * string literal (valid JavaScript, U+2028 included), literal numbers as the digits of a finite
 * number. Messages and expected types are data (`S`), never code.
 *
 * The source's free names are the parameters of {@link GENERATED_PARAMS}.
 */
export interface GeneratedValidator {
  readonly source: string;
  readonly sites: readonly (FailureSite | MissingKeySite)[];
}

/**
 * What the generated source is given, by name: `Object.prototype.hasOwnProperty`,
 * `Object.getPrototypeOf` and `Object.prototype` (taken when mindoff loads, so the own-key test
 * does not depend on globals the app may replace later), the issue builders (`addIssue`,
 * `addMissingKey`), `renderKey`, the sites and the issue cap.
 */
export const GENERATED_PARAMS = ['h', 'G', 'OP', 'T', 'R', 'K', 'S', 'cap'] as const;

/**
 * Writes the validator of `tree`: one function `validate(value)` returning the issues in
 * document order or `null`, with the checks inlined and no work done per request but the
 * checks themselves. Union members are tried by separate `p<n>(value, c)` functions that stop
 * at the first failure and record nothing.
 */
export function generateValidator(tree: ShorthandNode): GeneratedValidator {
  const writer = new ValidatorWriter();
  const body = writer.collect(tree, 'v0', PathCode.ROOT);
  const lines = [
    '"use strict";',
    'return validate;',
    'function validate(v0) {',
    `const c = ${writer.cleanPrototypeTest()};`,
    'let I = null;',
    body,
    'return I;',
    '}',
    ...writer.probes,
  ];
  return { source: lines.join('\n'), sites: writer.sites };
}

class ValidatorWriter {
  readonly sites: (FailureSite | MissingKeySite)[] = [];
  readonly probes: string[] = [];
  private readonly fastKeys = new Set<string>();
  private count = 0;

  /** Statements that check `v` and record every issue; they return `I` once the cap is hit. */
  collect(node: ShorthandNode, v: string, path: PathCode): string {
    switch (node.kind) {
      case 'any':
        return '';
      case 'optional':
        return `if (${v} !== null && ${v} !== undefined) {\n${this.collect(node.inner, v, path)}\n}`;
      case 'list': {
        const [i, item] = [this.name('i'), this.name('v')];
        const each = this.collect(node.item, item, path.index(i));
        return `if (!Array.isArray(${v})) ${this.fail(node, v, path)}
else for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}];\n${each}\n}`;
      }
      case 'dictOf': {
        const [keys, j, key, value] = [
          this.name('k'),
          this.name('j'),
          this.name('k'),
          this.name('v'),
        ];
        const each = this.collect(node.value, value, path.keyIn(key));
        return `if (${notDict(v)}) ${this.fail(node, v, path)}
else {\nconst ${keys} = Object.keys(${v});
for (let ${j} = 0; ${j} < ${keys}.length; ${j}++) {
const ${key} = ${keys}[${j}];\nconst ${value} = ${v}[${key}];\n${each}\n}\n}`;
      }
      case 'dict': {
        const fields = node.fields.map((field) => {
          const [name, key] = [this.name('v'), JSON.stringify(field.key)];
          const check = this.collect(field.node, name, path.key(field.key));
          const missing = field.required ? ` else ${this.missing(field, path)}` : '';
          return `if (${this.own(v, field.key)}) {\nconst ${name} = ${v}[${key}];\n${check}\n}${missing}`;
        });
        return `if (${notDict(v)}) ${this.fail(node, v, path)}\nelse {\n${fields.join('\n')}\n}`;
      }
      default:
        return `if (!${this.test(node, v)}) ${this.fail(node, v, path)}`;
    }
  }

  /** A boolean expression: whether `v` passes `node` (containers are tried by a probe function). */
  test(node: ShorthandNode, v: string): string {
    switch (node.kind) {
      case 'string':
        return `(typeof ${v} === "string")`;
      case 'number':
        return `Number.isFinite(${v})`;
      case 'int':
        // Safe integers only: beyond 2^53 - 1 JSON.parse may have rounded the number already.
        return `Number.isSafeInteger(${v})`;
      case 'boolean':
        return `(typeof ${v} === "boolean")`;
      case 'any':
        return 'true';
      case 'literal':
        return `(${node.values.map((value) => `${v} === ${literal(value)}`).join(' || ')})`;
      case 'optional':
        return `(${v} === null || ${v} === undefined || ${this.test(node.inner, v)})`;
      case 'union':
        return `(${node.members.map((m) => this.test(m, v)).join(' || ')})`;
      default:
        return `${this.probeFunction(node)}(${v}, c)`;
    }
  }

  /** The expression `c` is set to: no declared key taken by the fast own-key test is on Object.prototype. */
  cleanPrototypeTest(): string {
    if (this.fastKeys.size === 0) return 'true';
    return `!(${[...this.fastKeys].map((key) => `${JSON.stringify(key)} in OP`).join(' || ')})`;
  }

  /** A function `p<n>(v, c)` that returns whether `v` passes the container `node`. */
  private probeFunction(node: ShorthandNode): string {
    const [fn, v] = [this.name('p'), this.name('v')];
    this.probes.push(`function ${fn}(${v}, c) {\n${this.probe(node, v)}\nreturn true;\n}`);
    return fn;
  }

  /** Statements that `return false` at the first failure of `v` (inside a probe function). */
  private probe(node: ShorthandNode, v: string): string {
    switch (node.kind) {
      case 'list': {
        const [i, item] = [this.name('i'), this.name('v')];
        return `if (!Array.isArray(${v})) return false;
for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}];\n${this.probe(node.item, item)}\n}`;
      }
      case 'dictOf': {
        const [keys, j, value] = [this.name('k'), this.name('j'), this.name('v')];
        return `if (${notDict(v)}) return false;\nconst ${keys} = Object.keys(${v});
for (let ${j} = 0; ${j} < ${keys}.length; ${j}++) {
const ${value} = ${v}[${keys}[${j}]];\n${this.probe(node.value, value)}\n}`;
      }
      case 'dict': {
        const fields = node.fields.map((field) => {
          const name = this.name('v');
          const check = this.probe(field.node, name);
          const found = `const ${name} = ${v}[${JSON.stringify(field.key)}];\n${check}`;
          return `if (${this.own(v, field.key)}) {\n${found}\n}${field.required ? ' else return false;' : ''}`;
        });
        return `if (${notDict(v)}) return false;\n${fields.join('\n')}`;
      }
      case 'optional':
        return `if (${v} !== null && ${v} !== undefined) {\n${this.probe(node.inner, v)}\n}`;
      default:
        return `if (!${this.test(node, v)}) return false;`;
    }
  }

  /**
   * Whether `key` is an own property of the object `v`, without reading any property. `in` is
   * fast; it also sees inherited keys, so it settles the question alone only when `v` inherits
   * straight from a clean `Object.prototype` (`c`, checked once per call); otherwise
   * `hasOwnProperty` does. Keys that Object.prototype itself has always take `hasOwnProperty`.
   */
  private own(v: string, key: string): string {
    const k = JSON.stringify(key);
    if (key in Object.prototype) return `h.call(${v}, ${k})`;
    this.fastKeys.add(key);
    return `${k} in ${v} && (c && G(${v}) === OP || h.call(${v}, ${k}))`;
  }

  /** A block that records `v` failing `node` at `path` and returns once the cap is hit. */
  private fail(node: ShorthandNode, v: string, path: PathCode): string {
    const code = node.kind === 'literal' || node.kind === 'union' ? node.kind : 'type';
    const site = this.site(failureSite(code, node.expected));
    return `{\nif ((I = T(I, ${site}, ${v}, ${path.expression()})).length >= cap) return I;\n}`;
  }

  /** A block that records the required `field` missing from the object at `path`. */
  private missing(field: DictField, path: PathCode): string {
    const site = this.site(missingKeySite(field.key, field.node.expected, path.isRoot));
    return `{\nif ((I = R(I, ${site}, ${path.expression()})).length >= cap) return I;\n}`;
  }

  private site(site: FailureSite | MissingKeySite): string {
    this.sites.push(site);
    return `S[${this.sites.length - 1}]`;
  }

  private name(prefix: 'v' | 'i' | 'j' | 'k' | 'p'): string {
    return `${prefix}${++this.count}`;
  }
}

function notDict(v: string): string {
  return `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;
}

/** A literal value as JavaScript source: a JSON string, `true`/`false`, or a finite number's digits. */
function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return `(${String(value)})`;
  throw new Error(`a literal must be a string, a finite number or a boolean, got ${typeof value}`);
}
