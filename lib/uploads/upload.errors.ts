import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { ValidationIssue } from '../validation';
import { appendSegment } from '../validation/validation-issue';
import type { UploadedFile } from '../interfaces/mindoff-context.interface';
import type { FileFieldLimits, UploadRules } from './upload-rules';

// Refusals of a multipart form, built where a rule fails. Issues have the shape of payload issues;
// a file's path is `files.<field>` (`files["a b"]` for a field that is not an identifier).

/** `files.avatar`, or `files["my file"]`. */
export function filePath(field: string): string {
  return appendSegment('files', field);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `INVALID_PAYLOAD` with `issues`. */
export function invalidForm(...issues: ValidationIssue[]): MindoffHttpError {
  return new MindoffHttpError('INVALID_PAYLOAD', issues);
}

/** A required file field with no file. */
export function missingFile(field: string): ValidationIssue {
  const path = filePath(field);
  return {
    path,
    code: 'required',
    message: `Missing file '${field}' (${path})`,
    expected: 'file',
    received: 'undefined',
  };
}

/**
 * The issues of the required file fields that received no file, in declaration order.
 *
 * @example
 * missingFiles(rules, { avatar: [] }); // [{ path: 'files.avatar', code: 'required', ... }]
 */
export function missingFiles(
  rules: UploadRules,
  files: Readonly<Record<string, readonly UploadedFile[]>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const rule of rules.fields.values()) {
    if (rule.required && (files[rule.field]?.length ?? 0) === 0)
      issues.push(missingFile(rule.field));
  }
  return issues;
}

/** A file sent under a field the API does not declare. */
export function undeclaredFile(field: string, declared: readonly string[]): MindoffHttpError {
  const path = filePath(field);
  return invalidForm({
    path,
    code: 'unknown',
    message: `${path} is not a file field of this API; its file fields are ${declared.join(', ')}`,
    expected: declared.join(' | '),
    received: 'file',
  });
}

/** A text value sent under a declared file field. */
export function textForFile(field: string): MindoffHttpError {
  const path = filePath(field);
  return invalidForm({
    path,
    code: 'type',
    message: `${path} must be a file, got a text field`,
    expected: 'file',
    received: 'text field',
  });
}

/** One file more than the field's `maxCount`. */
export function tooManyFiles(rule: FileFieldLimits): MindoffHttpError {
  const path = filePath(rule.field);
  return invalidForm({
    path,
    code: 'too_big',
    message: `${path} takes at most ${plural(rule.maxCount, 'file')}`,
    expected: `at most ${plural(rule.maxCount, 'file')}`,
    received: `${rule.maxCount + 1} or more files`,
  });
}

/** A file whose declared content type is not one of the field's `types`. */
export function typeNotAccepted(rule: FileFieldLimits, type: string): MindoffHttpError {
  const path = filePath(rule.field);
  const expected = (rule.types ?? []).join(' | ');
  return invalidForm({
    path,
    code: 'type',
    message: `${path} must be ${expected}, got ${type}`,
    expected,
    received: type,
  });
}

/** A file whose first bytes contradict its declared content type. */
export function bytesContradictType(
  rule: FileFieldLimits,
  type: string,
  looksLike: string | undefined,
): MindoffHttpError {
  const path = filePath(rule.field);
  const seen = looksLike ? `the bytes of ${looksLike}` : `bytes that are not ${type}`;
  return invalidForm({
    path,
    code: 'type',
    message: `${path} is declared ${type} but holds ${seen}`,
    expected: type,
    received: looksLike ?? 'unrecognised bytes',
  });
}

/** More parts (text fields, files, or parts of neither kind) than one form may carry. */
export function tooManyParts(what: 'fields' | 'files' | 'parts', max: number): MindoffHttpError {
  const noun = what === 'fields' ? 'text fields' : what;
  return invalidForm({
    path: what === 'files' ? 'files' : '',
    code: 'too_big',
    message: `The form carries more than ${max} ${noun}`,
    expected: `at most ${max} ${noun}`,
    received: `more than ${max}`,
  });
}

/** `PAYLOAD_TOO_LARGE` for a file over its field's `maxSize` (at least `received` bytes). */
export function fileTooLarge(
  rule: FileFieldLimits,
  limit: number,
  received: number,
): MindoffHttpError {
  const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
  return new MindoffHttpError('PAYLOAD_TOO_LARGE', {
    field: filePath(rule.field),
    max_mb: mb(limit),
    received_mb_at_least: mb(received),
  });
}

/** `MALFORMED_PAYLOAD`: the body is not a readable multipart form. */
export function malformedForm(error: string): MindoffHttpError {
  return new MindoffHttpError('MALFORMED_PAYLOAD', { error });
}
