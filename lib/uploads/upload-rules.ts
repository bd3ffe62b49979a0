import type { FileFieldRule, FilesDeclaration } from '../interfaces/mindoff-api-options.interface';
import type { UploadedFile } from '../interfaces/mindoff-context.interface';

const MEGABYTE = 1024 * 1024;

/**
 * Most text fields one form may carry (as Django's `DATA_UPLOAD_MAX_NUMBER_FIELDS`): past it the
 * form is refused at once, so a body of thousands of tiny parts costs one short read.
 */
export const MAX_FORM_FIELDS = 1000;

/** One declared file field, resolved: sizes in bytes, types lower-cased, defaults applied. */
export interface FileFieldLimits {
  readonly field: string;
  /** Largest file in bytes; null when neither the field nor the API sets a limit. */
  readonly maxBytes: number | null;
  readonly maxCount: number;
  readonly required: boolean;
  /** The accepted content types as declared (lower case), or null for any type. */
  readonly types: readonly string[] | null;
  /** Whether a part's declared content type is one of `types` (`image/*` covers `image/png`). */
  accepts(type: string): boolean;
}

/** The file fields of one multipart API, compiled once at startup. */
export interface UploadRules {
  /** By form field name; a name not here is an undeclared file field. */
  readonly fields: ReadonlyMap<string, FileFieldLimits>;
  /** The declared field names, in declaration order (for messages and `ctx.files`). */
  readonly names: readonly string[];
  /** Most files one request may carry: every field's `maxCount` added up. */
  readonly maxFiles: number;
}

/**
 * The upload rules of a `files` declaration, or null when the API declares none. A field's
 * `maxSize` defaults to the API's whole-body limit (`maxPayloadSize`, MB; null for none).
 *
 * @example
 * compileUploadRules({ avatar: { maxSize: 2, types: ['image/png'] } }, 10)
 *   ?.fields.get('avatar')?.maxBytes; // 2097152
 */
export function compileUploadRules(
  files: FilesDeclaration | null | undefined,
  maxPayloadSize: number | null,
): UploadRules | null {
  if (!files) return null;
  const maxPayloadBytes = maxPayloadSize === null ? null : Math.floor(maxPayloadSize * MEGABYTE);
  const fields = new Map<string, FileFieldLimits>();
  let maxFiles = 0;
  for (const [field, rule] of Object.entries(files)) {
    const limits = compileField(field, rule, maxPayloadBytes);
    fields.set(field, limits);
    maxFiles += limits.maxCount;
  }
  return { fields, names: [...fields.keys()], maxFiles };
}

function compileField(
  field: string,
  rule: FileFieldRule,
  maxPayloadBytes: number | null,
): FileFieldLimits {
  const types = rule.types ? rule.types.map((type) => type.toLowerCase()) : null;
  const exact = new Set(types?.filter((type) => !type.endsWith('/*')));
  const families = (types ?? []).filter((type) => type.endsWith('/*')).map((t) => t.slice(0, -1));
  return {
    field,
    maxBytes: rule.maxSize === undefined ? maxPayloadBytes : Math.floor(rule.maxSize * MEGABYTE),
    maxCount: rule.maxCount ?? 1,
    required: rule.required ?? true,
    types,
    accepts: (type) =>
      types === null || exact.has(type) || families.some((family) => type.startsWith(family)),
  };
}

/** `ctx.files` of a request without uploads (an API without `files`, a worker): frozen, shared. */
export const NO_FILES: Readonly<Record<string, UploadedFile[]>> = Object.freeze({});
