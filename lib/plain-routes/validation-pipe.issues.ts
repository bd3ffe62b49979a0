import { classValidatorIssues, type ClassValidatorError } from '../validation/dto-class';
import { formatPath, type PathSegment, type ValidationIssue } from '../validation/validation-issue';

/**
 * One issue a `ValidationPipe` reported, in mindoff's issue shape. `expected` and `received` are
 * there when the pipe passed class-validator's errors on; its messages alone do not say them.
 */
export type PipeIssue = Pick<ValidationIssue, 'path' | 'code' | 'message'> &
  Partial<Pick<ValidationIssue, 'expected' | 'received'>>;

/** What Nest's ValidationPipe appends when it left errors out (`maxErrorMessagesLength`). */
const OMITTED = 'Further validation errors were omitted';

// class-validator's default messages start with the property (Nest prepends the parent path,
// `items.1.qty must be...`), except these forms, which name it a few words in.
const MESSAGE =
  /^((?:[^\s.]+\.)*)(?:each value in (\S+)|nested property (\S+) must be either object or array$|property (\S+) should not exist$|(\S+))/;

/**
 * The issues in the response of a `BadRequestException` thrown by a `ValidationPipe`, or
 * `undefined` when it is not one: class-validator's `ValidationError`s (from an `exceptionFactory`
 * that passes them on), the pipe's default list of messages, or its `errorFormat: 'grouped'` map.
 *
 * @example
 * validationPipeIssues({ message: ['items.1.qty must be an integer number'] });
 * // [{ path: 'items[1].qty', code: 'schema', message: 'items.1.qty must be an integer number' }]
 */
export function validationPipeIssues(response: unknown): PipeIssue[] | undefined {
  const details = Array.isArray(response) ? response : recordOf(response)?.message;
  if (Array.isArray(details) && details.length > 0) {
    if (details.every(isValidationError)) return classValidatorIssues(details);
    if (details.every((item) => typeof item === 'string')) {
      return details.filter((message) => message !== OMITTED).map(fromMessage);
    }
    return undefined;
  }
  const grouped = recordOf(details);
  if (!grouped || Object.keys(grouped).length === 0) return undefined;
  if (!Object.values(grouped).every(isStringList)) return undefined;
  return Object.entries(grouped as Record<string, string[]>)
    .filter(([path]) => path !== '...')
    .flatMap(([path, messages]) =>
      messages.map((message) => ({ path: pathOf(path), code: 'schema' as const, message })),
    );
}

function fromMessage(message: string): PipeIssue {
  const [, parent = '', each, nested, unknown, first] = MESSAGE.exec(message) ?? [];
  return {
    path: pathOf(parent + (each ?? nested ?? unknown ?? first ?? '')),
    code: 'schema',
    message,
  };
}

/** A dotted path as the pipe writes it (`items.1.qty`) in mindoff's form (`items[1].qty`). */
function pathOf(dotted: string): string {
  const segments: PathSegment[] = dotted
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  return formatPath(segments);
}

function isValidationError(value: unknown): value is ClassValidatorError {
  const error = recordOf(value);
  return (
    error !== undefined &&
    typeof error.property === 'string' &&
    (recordOf(error.constraints) !== undefined || Array.isArray(error.children))
  );
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
