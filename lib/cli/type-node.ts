import { docComment, stringLiteral, typeKey } from './ts-names';

/** A TypeScript type, as the generated module writes it. */
export type TypeNode =
  | { kind: 'keyword'; name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' }
  /** `text` is already a literal's source: a string literal, a finite number, `true` or `false`. */
  | { kind: 'literal'; text: string }
  | { kind: 'ref'; name: string }
  | { kind: 'array'; element: TypeNode }
  | { kind: 'object'; properties: PropertyNode[]; index?: TypeNode }
  | { kind: 'union'; members: TypeNode[] }
  | { kind: 'intersection'; members: TypeNode[] };

/** One property of an object type. */
export interface PropertyNode {
  name: string;
  optional: boolean;
  type: TypeNode;
  doc?: string;
}

type KeywordName = Extract<TypeNode, { kind: 'keyword' }>['name'];

/**
 * A keyword type.
 *
 * @example
 * keyword('unknown'); // { kind: 'keyword', name: 'unknown' }
 */
export function keyword(name: KeywordName): TypeNode {
  return { kind: 'keyword', name };
}

const UNKNOWN = keyword('unknown');
const NEVER = keyword('never');

/**
 * The literal type of a JSON value, or `unknown` for one that has no literal type (an object, an
 * array, a number that is not finite).
 *
 * @example
 * literal('csv'); // { kind: 'literal', text: '"csv"' }
 */
export function literal(value: unknown): TypeNode {
  if (value === null) return keyword('null');
  if (typeof value === 'string') return { kind: 'literal', text: stringLiteral(value) };
  if (typeof value === 'boolean') return { kind: 'literal', text: String(value) };
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { kind: 'literal', text: String(value) };
  }
  return UNKNOWN;
}

/**
 * `A | B | …`, simplified: nested unions flattened, repeats and `never` dropped, `unknown` absorbing
 * the rest; one member is itself and none is `never`.
 *
 * @example
 * printType(union([keyword('string'), keyword('null'), keyword('string')]), ''); // 'string | null'
 */
export function union(members: TypeNode[]): TypeNode {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  if (flat.some((m) => m.kind === 'keyword' && m.name === 'unknown')) return UNKNOWN;
  const kept = distinct(flat.filter((m) => !(m.kind === 'keyword' && m.name === 'never')));
  if (kept.length === 0) return NEVER;
  return kept.length === 1 ? kept[0] : { kind: 'union', members: kept };
}

/**
 * `A & B & …`, simplified: `unknown` and repeats dropped, `never` absorbing the rest; one member is
 * itself and none is `unknown`.
 *
 * @example
 * printType(intersection([keyword('unknown'), { kind: 'ref', name: 'Item' }]), ''); // 'Item'
 */
export function intersection(members: TypeNode[]): TypeNode {
  const flat = members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]));
  if (flat.some((m) => m.kind === 'keyword' && m.name === 'never')) return NEVER;
  const kept = distinct(flat.filter((m) => !(m.kind === 'keyword' && m.name === 'unknown')));
  if (kept.length === 0) return UNKNOWN;
  return kept.length === 1 ? kept[0] : { kind: 'intersection', members: kept };
}

function distinct(members: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const text = printType(m, '');
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** How wide a line may grow before a union is broken over several lines. */
const WIDTH = 80;

/**
 * The source of a type whose first line starts `lead` characters after `indent`. Object types are
 * written one property per line; a union that does not fit on its line is written one member per
 * line (`| A`), and then starts with a line break (the layout a formatter such as Prettier gives).
 *
 * @example
 * printType({ kind: 'array', element: union([keyword('string'), keyword('number')]) }, ''); // '(string | number)[]'
 */
export function printType(node: TypeNode, indent: string, lead = 0): string {
  switch (node.kind) {
    case 'keyword':
      return node.name;
    case 'literal':
      return node.text;
    case 'ref':
      return node.name;
    case 'array':
      return printArray(node.element, indent, lead);
    case 'object':
      return printObject(node, indent);
    case 'intersection':
      return node.members.map((m) => wrapped(m, indent, lead)).join(' & ');
    case 'union':
      return printUnion(node.members, indent, lead);
  }
}

function printArray(element: TypeNode, indent: string, lead: number): string {
  const text = printType(element, indent, lead + 1);
  if (text.startsWith('\n')) return `(${text}\n${indent})[]`;
  return element.kind === 'union' || element.kind === 'intersection' ? `(${text})[]` : `${text}[]`;
}

function printObject(node: Extract<TypeNode, { kind: 'object' }>, indent: string): string {
  const inner = `${indent}  `;
  const index = node.index ? printType(node.index, inner, 15) : undefined;
  if (node.properties.length === 0) {
    if (index === undefined) return 'Record<string, never>';
    if (!index.includes('\n')) return `{ [key: string]: ${index} }`;
  }
  const lines = ['{'];
  for (const property of node.properties) {
    if (property.doc) lines.push(...docComment(property.doc, inner));
    const key = `${typeKey(property.name)}${property.optional ? '?' : ''}:`;
    const type = printType(property.type, inner, key.length + 1);
    lines.push(`${inner}${key}${type.startsWith('\n') ? '' : ' '}${type};`);
  }
  if (index !== undefined) {
    lines.push(`${inner}[key: string]:${index.startsWith('\n') ? '' : ' '}${index};`);
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function printUnion(members: TypeNode[], indent: string, lead: number): string {
  const texts = members.map((m) => wrapped(m, indent, lead));
  const oneLine = texts.join(' | ');
  if (!oneLine.includes('\n') && indent.length + lead + oneLine.length + 1 <= WIDTH) return oneLine;
  // One object type beside null stays in place (`{ … } | null`).
  const objects = members.filter((m) => m.kind === 'object');
  const nullish = members.filter((m) => m.kind === 'keyword' && m.name === 'null');
  if (objects.length === 1 && objects.length + nullish.length === members.length) return oneLine;
  const inner = `${indent}  `;
  return members.map((m) => `\n${inner}| ${wrapped(m, `${inner}  `, 2)}`).join('');
}

/** A member of a union or intersection, parenthesised when it is a union or intersection itself. */
function wrapped(node: TypeNode, indent: string, lead: number): string {
  const text = printType(node, indent, lead);
  if (node.kind !== 'union' && node.kind !== 'intersection') return text;
  return text.startsWith('\n') ? `(${text}\n${indent})` : `(${text})`;
}
