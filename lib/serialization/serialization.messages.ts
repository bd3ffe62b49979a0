import type { ValidationIssue } from '../validation';

/**
 * A responseSchema that is not a valid schema, with each problem at its place.
 *
 * @example
 * invalidResponseSchema(['responseSchema.tags: ...']); // 'Cannot compile the response schema:\n  - ...'
 */
export function invalidResponseSchema(problems: readonly string[]): string {
  return `Cannot compile the response schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

/**
 * The process forbids `new Function`, which compiled serializers need.
 *
 * @example
 * throw new Error(codeGenerationForbidden(), { cause });
 */
export function codeGenerationForbidden(): string {
  return (
    'Cannot compile the response schema: mindoff compiles shorthand schemas to JavaScript at ' +
    'startup, and this process forbids code generation from strings ' +
    '(--disallow-code-generation-from-strings); remove that flag.'
  );
}

/**
 * What `run()` of `owner` returned does not match its responseSchema: each issue at its place in
 * `data`, with the types only (values can be private, and this goes to the log).
 *
 * @example
 * responseMismatch('CreateOrderV1Api', issues);
 * // "CreateOrderV1Api: run() returned data that does not match its responseSchema (answered
 * //  UNEXPECTED_ERR): data.total_qty: expected integer, got number"
 */
export function responseMismatch(owner: string, issues: readonly ValidationIssue[]): string {
  const found = issues.length > 0 ? issues.map(describeIssue).join('; ') : 'data: does not match';
  return `${owner}: run() returned data that does not match its responseSchema (answered UNEXPECTED_ERR): ${found}`;
}

/**
 * What `run()` of `owner` returned cannot be written as JSON at all (a BigInt, a cycle under `Any`).
 *
 * @example
 * responseUnwritable('GetMetaV1Api', 'Do not know how to serialize a BigInt');
 */
export function responseUnwritable(owner: string, reason: string): string {
  return `${owner}: run() returned data that cannot be written as JSON (answered UNEXPECTED_ERR): ${reason}`;
}

function describeIssue(issue: ValidationIssue): string {
  const at = dataPath(issue.path);
  if (issue.code === 'required') return `${at}: missing (expected ${issue.expected})`;
  if (issue.code === 'schema') return `${at}: ${issue.expected} (got ${issue.received})`;
  return `${at}: expected ${issue.expected}, got ${issue.received}`;
}

/** An issue path (`items[1].qty`, `[0]`, `''`) as a place in the envelope's `data`. */
function dataPath(path: string): string {
  if (path === '') return 'data';
  return path.startsWith('[') ? `data${path}` : `data.${path}`;
}
