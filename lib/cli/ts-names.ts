// Every name and comment the generated module holds comes from the OpenAPI document, which is
// data, not code: keys are written as identifiers only when they are one, otherwise (like every
// string value) as string literals built by JSON.stringify; comments are line-broken and cannot be
// closed from inside.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const INDEX = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * Words that cannot name a declared type or value (keywords, strict-mode reserved words, and the
 * built-in type names a type alias may not take).
 */
const RESERVED = new Set(
  (
    'any await bigint boolean break case catch class const continue debugger declare default ' +
    'delete do else enum export extends false finally for function if implements import in ' +
    'infer instanceof interface keyof let module namespace never new null number object package ' +
    'private protected public readonly return satisfies static string super switch symbol this ' +
    'throw true try type typeof undefined unique unknown var void while with yield arguments eval'
  ).split(' '),
);

/**
 * Whether `name` is a JavaScript identifier (ASCII), so it may stand unquoted as a key.
 *
 * @example
 * isIdentifier('order_id'); // true
 * isIdentifier('a-b'); // false
 */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Whether `name` may be declared as a type or value of the generated module.
 *
 * @example
 * isDeclarableName('SampleApis'); // true
 * isDeclarableName('string'); // false
 */
export function isDeclarableName(name: string): boolean {
  return isIdentifier(name) && !RESERVED.has(name);
}

/**
 * A string literal of `text`: JSON.stringify's, or, when `text` holds more `"` than `'`, the same
 * escapes inside single quotes (the quotes a formatter such as Prettier picks).
 *
 * @example
 * stringLiteral('csv'); // '"csv"'
 * stringLiteral('a"b'); // the source 'a"b'
 */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles <= singles) return json;
  // JSON escapes every backslash and `"`, and never `'`: swap `\"` for `"`, and `'` for `\'`.
  const inner = json
    .slice(1, -1)
    .replace(/\\(.)|'/g, (escape, next?: string) =>
      next === '"' ? '"' : escape === "'" ? "\\'" : escape,
    );
  return `'${inner}'`;
}

/**
 * A property key of a type literal: bare when it is an identifier or a plain whole number (a
 * version), else a string literal.
 *
 * @example
 * typeKey('order_id'); // 'order_id'
 * typeKey('a-b'); // '"a-b"'
 */
export function typeKey(name: string): string {
  return isIdentifier(name) || INDEX.test(name) ? name : stringLiteral(name);
}

/**
 * A property key of an object literal (a value): as `typeKey`, except `__proto__`, which an object
 * literal would take as its prototype, bare or quoted, and so is written as a computed key.
 *
 * @example
 * valueKey('orders__get_order'); // 'orders__get_order'
 * valueKey('__proto__'); // '["__proto__"]'
 */
export function valueKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : typeKey(name);
}

/**
 * A type name made from a schema's component name: its identifier characters kept, the rest
 * turned into `_`, a leading digit or reserved word prefixed, and a `_2`, `_3`… suffix when `taken`
 * already holds it. The result is added to `taken`.
 *
 * @example
 * typeNameFor('Create-Order.Dto', new Set()); // 'Create_Order_Dto'
 */
export function typeNameFor(componentName: string, taken: Set<string>): string {
  let base = componentName.replace(/[^A-Za-z0-9_$]/g, '_') || '_';
  if (/^[0-9]/.test(base) || !isDeclarableName(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/**
 * A doc comment (`/** … *\/`) holding `text`, indented by `indent`: one line when it fits, else one
 * line per line of text. `*\/` in the text is written as `*\\/`, so the comment cannot be closed early.
 *
 * @example
 * docComment('The order id.', '  '); // ['  /** The order id. *\/']
 */
export function docComment(text: string, indent: string): string[] {
  const lines = text
    .replace(/\*\//g, '*\\/')
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [
    `${indent}/**`,
    ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)),
    `${indent} */`,
  ];
}

/**
 * `text` made safe for a `//` line comment: every line break (which would end the comment) and
 * other control character becomes a space.
 *
 * @example
 * lineCommentText('a\nb'); // 'a b'
 */
export function lineCommentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
