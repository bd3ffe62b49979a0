import type { DictField, ShorthandNode } from '../validation/shorthand.tree';

/**
 * What the generated source is given, by name: `Object.prototype.hasOwnProperty`,
 * `Object.getPrototypeOf` and `Object.prototype` (taken when mindoff loads, as the validators
 * take them), `Q` (a string as a JSON string) and `J` (`JSON.stringify`, for `Any`).
 */
export const SERIALIZER_PARAMS = ['h', 'G', 'OP', 'Q', 'J'] as const;

/**
 * Writes the JavaScript source of a serializer for `tree`: one function `serialize(value)` that
 * returns the JSON text of the value as the schema describes it, with the declared keys only, or
 * `undefined` when the value does not match the schema (the same rules as the strict validator).
 *
 * Safety, as in `generateValidator`: the source is assembled from fixed fragments, generated
 * names (`v3`, `i4`, `u5`) and `JSON.stringify` output; every schema key and literal reaches it
 * only inside a JSON string literal, and the JSON text written for a key or literal is itself
 * produced by `JSON.stringify`, so a key can neither run as code nor break the JSON it is
 * written into. Union members get functions of their own (`u<n>(v, c)`), tried in order.
 *
 * @example
 * generateSerializer(shorthandTree({ id: String }, true)); // 'use strict'; return serialize; ...
 */
export function generateSerializer(tree: ShorthandNode): string {
  const writer = new SerializerWriter();
  const body = render(writer.value(tree, 'v0'));
  return [
    '"use strict";',
    'return serialize;',
    'function serialize(v0) {',
    `const c = ${writer.cleanPrototypeTest()};`,
    'let s = "";',
    body,
    'return s;',
    '}',
    ...writer.functions,
  ].join('\n');
}

/**
 * A piece of generated code: a constant to append to `s`, statements that append, or a `pure`
 * statement that never touches `s` (a check that returns, a declaration).
 */
type Part = { readonly text: string } | { readonly code: string } | { readonly pure: string };
type Parts = Part[];

const text = (value: string): Part => ({ text: value });
const code = (value: string): Part => ({ code: value });
const pure = (value: string): Part => ({ pure: value });

/**
 * The parts as statements, each run of constants appended with one `s += "...";`. Pure
 * statements do not end a run: a check may move ahead of a constant, since a value that fails it
 * abandons the whole text anyway.
 */
function render(parts: Parts): string {
  const lines: string[] = [];
  let pending = '';
  for (const part of parts) {
    if ('text' in part) {
      pending += part.text;
      continue;
    }
    if ('pure' in part) {
      lines.push(part.pure);
      continue;
    }
    if (pending !== '') lines.push(`s += ${JSON.stringify(pending)};`);
    pending = '';
    lines.push(part.code);
  }
  if (pending !== '') lines.push(`s += ${JSON.stringify(pending)};`);
  return lines.join('\n');
}

/** Whether a value of `node` may be `undefined` (then a key holding it is left out, as JSON.stringify does). */
function mayBeUndefined(node: ShorthandNode): boolean {
  if (node.kind === 'any' || node.kind === 'optional') return true;
  return node.kind === 'union' && node.members.some(mayBeUndefined);
}

const NOT_DICT = (v: string) => `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;

class SerializerWriter {
  readonly functions: string[] = [];
  private readonly fastKeys = new Set<string>();
  private count = 0;

  /** Parts that append the JSON of `v` (a list item or the root); `return;` when `v` does not match. */
  value(node: ShorthandNode, v: string): Parts {
    switch (node.kind) {
      case 'string':
        return [pure(`if (typeof ${v} !== "string") return;`), code(`s += Q(${v});`)];
      case 'number':
        return [pure(`if (!Number.isFinite(${v})) return;`), code(`s += "" + ${v};`)];
      case 'int':
        // Safe integers only, as the validator: beyond 2^53 - 1 the digits are not exact.
        return [pure(`if (!Number.isSafeInteger(${v})) return;`), code(`s += "" + ${v};`)];
      case 'boolean':
        return [
          code(
            `if (${v} === true) s += "true";\nelse if (${v} === false) s += "false";\nelse return;`,
          ),
        ];
      case 'any': {
        const t = this.name('t');
        return [pure(`const ${t} = J(${v});`), code(`s += ${t} === undefined ? "null" : ${t};`)];
      }
      case 'literal': {
        const branches = node.values.map(
          (value) =>
            `if (${v} === ${literalSource(value)}) s += ${JSON.stringify(JSON.stringify(value))};`,
        );
        return [code(`${branches.join('\nelse ')}\nelse return;`)];
      }
      case 'optional':
        return [
          code(
            `if (${v} === null || ${v} === undefined) s += "null";\nelse {\n${render(this.value(node.inner, v))}\n}`,
          ),
        ];
      case 'union':
        return this.union(node.members, v);
      case 'list': {
        const [i, item] = [this.name('i'), this.name('v')];
        const each = render(this.value(node.item, item));
        return [
          pure(`if (!Array.isArray(${v})) return;`),
          text('['),
          code(
            `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nif (${i} !== 0) s += ",";\nconst ${item} = ${v}[${i}];\n${each}\n}`,
          ),
          text(']'),
        ];
      }
      case 'dictOf':
        return [
          pure(`if (${NOT_DICT(v)}) return;`),
          text('{'),
          code(this.dictOf(node.value, v)),
          text('}'),
        ];
      case 'dict':
        return [
          pure(`if (${NOT_DICT(v)}) return;`),
          text('{'),
          ...this.dict(node.fields, v),
          text('}'),
        ];
    }
  }

  /** The expression `c` is set to: no declared key taken by the fast own-key test is on Object.prototype. */
  cleanPrototypeTest(): string {
    if (this.fastKeys.size === 0) return 'true';
    return `!(${[...this.fastKeys].map((key) => `${JSON.stringify(key)} in OP`).join(' || ')})`;
  }

  /** Each member in order as a function returning its JSON or `undefined`; the first match is written. */
  private union(members: readonly ShorthandNode[], v: string): Parts {
    const t = this.name('t');
    const calls = members.map((member) => `${this.memberFunction(member)}(${v}, c)`);
    const tries = calls.slice(1).map((call) => `if (${t} === undefined) ${t} = ${call};`);
    const found = [`let ${t} = ${calls[0]};`, ...tries, `if (${t} === undefined) return;`];
    return [pure(found.join('\n')), code(`s += ${t};`)];
  }

  private memberFunction(node: ShorthandNode): string {
    const [fn, v] = [this.name('u'), this.name('v')];
    const body = render(this.value(node, v));
    this.functions.push(`function ${fn}(${v}, c) {\nlet s = "";\n${body}\nreturn s;\n}`);
    return fn;
  }

  /** Every own key of `v` with its value; a key whose value is left out (undefined) is not written. */
  private dictOf(node: ShorthandNode, v: string): string {
    const [keys, j, key, value, first] = [
      this.name('k'),
      this.name('j'),
      this.name('k'),
      this.name('v'),
      this.name('f'),
    ];
    const entry = this.entry(node, value, () => [
      code(`s += (${first} ? "" : ",") + Q(${key}) + ":";\n${first} = false;`),
    ]);
    return `const ${keys} = Object.keys(${v});\nlet ${first} = true;
for (let ${j} = 0; ${j} < ${keys}.length; ${j}++) {
const ${key} = ${keys}[${j}];\nconst ${value} = ${v}[${key}];\n${render(entry)}\n}`;
  }

  /**
   * The declared keys in schema order. The comma before a key is a constant once an earlier key
   * is always written (a required key whose value cannot be left out); until then a flag says.
   */
  private dict(fields: readonly DictField[], v: string): Parts {
    const parts: Parts = [];
    const always = fields.map((field) => field.required && !mayBeUndefined(field.node));
    const firstAlways = always.indexOf(true);
    const flag = firstAlways === 0 || fields.length < 2 ? null : this.name('f');
    if (flag) parts.push(pure(`let ${flag} = false;`));
    fields.forEach((field, n) => {
      const keyJson = `${JSON.stringify(field.key)}:`;
      const writeKey = (): Parts => {
        if (n === 0) return flag ? [text(keyJson), code(`${flag} = true;`)] : [text(keyJson)];
        if (firstAlways !== -1 && firstAlways < n) return [text(`,${keyJson}`)];
        const [withComma, alone] = [JSON.stringify(`,${keyJson}`), JSON.stringify(keyJson)];
        return [code(`s += ${flag} ? ${withComma} : ${alone};\n${flag} = true;`)];
      };
      const x = this.name('v');
      const read = `const ${x} = ${v}[${JSON.stringify(field.key)}];`;
      const own = this.own(v, field.key);
      if (field.required) {
        parts.push(pure(`if (!(${own})) return;\n${read}`), ...this.entry(field.node, x, writeKey));
      } else {
        const entry = render(this.entry(field.node, x, writeKey));
        parts.push(code(`if (${own}) {\n${read}\n${entry}\n}`));
      }
    });
    return parts;
  }

  /** A key (written by `writeKey`) and its value `x`, left out when the value is undefined and may be. */
  private entry(node: ShorthandNode, x: string, writeKey: () => Parts): Parts {
    if (node.kind === 'any') {
      const t = this.name('t');
      return [
        code(
          `const ${t} = J(${x});\nif (${t} !== undefined) {\n${render([...writeKey(), code(`s += ${t};`)])}\n}`,
        ),
      ];
    }
    if (node.kind === 'optional') {
      const inner = render(this.entry(node.inner, x, writeKey));
      return [
        code(
          `if (${x} === null) {\n${render([...writeKey(), text('null')])}\n} else if (${x} !== undefined) {\n${inner}\n}`,
        ),
      ];
    }
    const written = [...writeKey(), ...this.value(node, x)];
    if (node.kind === 'union' && node.members.some((member) => member.kind === 'any')) {
      // Its Any member takes what JSON has no value for (a function, a symbol), and JSON.stringify
      // leaves such a key out of an object, as it does undefined.
      const left = `${x} === undefined || typeof ${x} === "function" || typeof ${x} === "symbol"`;
      return [code(`if (!(${left})) {\n${render(written)}\n}`)];
    }
    return mayBeUndefined(node)
      ? [code(`if (${x} !== undefined) {\n${render(written)}\n}`)]
      : written;
  }

  /** Whether `key` is an own property of `v`, as the validator tests it (see `ValidatorWriter.own`). */
  private own(v: string, key: string): string {
    const k = JSON.stringify(key);
    if (key in Object.prototype) return `h.call(${v}, ${k})`;
    this.fastKeys.add(key);
    return `${k} in ${v} && (c && G(${v}) === OP || h.call(${v}, ${k}))`;
  }

  private name(prefix: 'v' | 'i' | 'j' | 'k' | 'f' | 't' | 'u'): string {
    return `${prefix}${++this.count}`;
  }
}

/** A literal value as JavaScript source: a JSON string, `true`/`false`, or a finite number's digits. */
function literalSource(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return `(${String(value)})`;
  throw new Error(`a literal must be a string, a finite number or a boolean, got ${typeof value}`);
}
