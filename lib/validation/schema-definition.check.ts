import { schemaForm } from './schema-form';
import { appendSegment } from './validation-issue';

const FORMS =
  'use String, Number, Int, Boolean, Any, a { key: schema } object, [schema], ListOf, DictOf, Union, Literal or Optional';

/**
 * Every problem in a schema definition, each prefixed with its place in the schema
 * (`payloadSchema.items[*].qty: ...`). Empty when the schema is sound. Run once at startup.
 */
export function checkSchemaDefinition(schema: unknown, name = 'payloadSchema'): string[] {
  const problems: string[] = [];
  visit(schema, name, new Set<object>(), problems);
  return problems;
}

function visit(schema: unknown, at: string, open: Set<object>, problems: string[]): void {
  if (typeof schema !== 'object' || schema === null) {
    visitForm(schema, at, open, problems);
    return;
  }
  if (open.has(schema)) {
    problems.push(`${at}: the schema contains itself; cycles are not supported`);
    return;
  }
  open.add(schema);
  visitForm(schema, at, open, problems);
  open.delete(schema);
}

function visitForm(schema: unknown, at: string, open: Set<object>, problems: string[]): void {
  const form = schemaForm(schema);
  const fail = (text: string) => problems.push(`${at}: ${text}`);
  switch (form.kind) {
    case 'dict':
      for (const [key, child] of form.entries) visit(child, appendSegment(at, key), open, problems);
      return;
    case 'list':
      if (form.items.length === 1) visit(form.items[0], `${at}[*]`, open, problems);
      else if (form.items.length === 0) fail(`${LIST_RULE}; for a list of anything use [Any]`);
      else fail(`${LIST_RULE}; for items of several forms use [Union(A, B)]`);
      return;
    case 'listOf':
      return visit(form.item, `${at}[*]`, open, problems);
    case 'dictOf':
      return visit(form.value, `${at}[*]`, open, problems);
    case 'optional':
      return visit(form.inner, at, open, problems);
    case 'union':
      if (!Array.isArray(form.members) || form.members.length === 0) {
        fail('Union needs at least one member, e.g. Union(String, Int)');
        return;
      }
      form.members.forEach((member: unknown, i) =>
        visit(member, `${at} (Union member ${i + 1})`, open, problems),
      );
      return;
    case 'literal':
      if (!Array.isArray(form.values) || form.values.length === 0) {
        fail("Literal needs at least one value, e.g. Literal('A', 'B')");
        return;
      }
      for (const value of form.values as unknown[]) {
        if (!isLiteralValue(value)) {
          fail(`Literal value ${shown(value)} must be a string, a finite number or a boolean`);
        }
      }
      return;
    case 'unsupported':
      fail(unsupported(schema));
      return;
    default:
      return;
  }
}

const LIST_RULE = 'a list shorthand must hold exactly one schema, e.g. [String]';

function isLiteralValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

function unsupported(schema: unknown): string {
  if (schema === null) return 'null is not a schema; use Optional(schema) to accept null, or Any';
  if (schema === undefined) {
    return `the schema is undefined (a missing import or a typo?); ${FORMS}`;
  }
  const kind = typeof schema === 'object' ? 'object' : typeof schema;
  return `unsupported schema form ${shown(schema)} (${kind}); ${FORMS}`;
}

/** A value as it would appear in code, for messages. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return value.name || 'an anonymous function';
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor: unknown = proto === null ? null : (proto as { constructor?: unknown }).constructor;
  const name = typeof ctor === 'function' && ctor !== Object ? ctor.name : '';
  return name ? `a ${name} instance` : 'an object';
}
