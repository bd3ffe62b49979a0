import { schemaForm } from './schema-form';
import type { LiteralValue } from './schema.types';

/**
 * A checked shorthand schema as a tree the code generator walks, with what each node expects
 * (as issues name it) worked out once. Dict fields know whether they are required in the mode.
 */
export type ShorthandNode =
  | { readonly kind: 'string' | 'number' | 'int' | 'boolean' | 'any'; readonly expected: string }
  | {
      readonly kind: 'literal';
      readonly values: readonly LiteralValue[];
      readonly expected: string;
    }
  | { readonly kind: 'optional'; readonly inner: ShorthandNode; readonly expected: string }
  | {
      readonly kind: 'union';
      readonly members: readonly ShorthandNode[];
      readonly expected: string;
    }
  | { readonly kind: 'list'; readonly item: ShorthandNode; readonly expected: 'array' }
  | { readonly kind: 'dictOf'; readonly value: ShorthandNode; readonly expected: 'object' }
  | { readonly kind: 'dict'; readonly fields: readonly DictField[]; readonly expected: 'object' };

/** One declared key of a dict: missing it is an issue only when `required`. */
export interface DictField {
  readonly key: string;
  readonly node: ShorthandNode;
  readonly required: boolean;
}

/** The tree of a schema that `checkSchemaDefinition` found sound. */
export function shorthandTree(schema: unknown, strict: boolean): ShorthandNode {
  const form = schemaForm(schema);
  switch (form.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'any':
      return { kind: form.kind, expected: form.kind };
    case 'int':
      return { kind: 'int', expected: 'integer' };
    case 'literal': {
      const values = form.values as readonly LiteralValue[];
      return { kind: 'literal', values, expected: values.map(shownLiteral).join(' | ') };
    }
    case 'optional': {
      const inner = shorthandTree(form.inner, strict);
      return { kind: 'optional', inner, expected: `${inner.expected} | null` };
    }
    case 'union': {
      const members = (form.members as unknown[]).map((m) => shorthandTree(m, strict));
      return { kind: 'union', members, expected: members.map((m) => m.expected).join(' | ') };
    }
    case 'list':
      return { kind: 'list', item: shorthandTree(form.items[0], strict), expected: 'array' };
    case 'listOf':
      return { kind: 'list', item: shorthandTree(form.item, strict), expected: 'array' };
    case 'dictOf':
      return { kind: 'dictOf', value: shorthandTree(form.value, strict), expected: 'object' };
    case 'dict': {
      const fields = form.entries.map(([key, child]): DictField => {
        const node = shorthandTree(child, strict);
        return { key, node, required: strict && node.kind !== 'optional' };
      });
      return { kind: 'dict', fields, expected: 'object' };
    }
    default:
      throw new Error('unsupported schema form'); // unreachable: the definition was checked
  }
}

function shownLiteral(value: LiteralValue): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
