import { BODYLESS_METHODS } from '../mindoff.constants';
import { show } from './show';

/** One problem of a `files` declaration: the field it is about, and what is wrong and the fix. */
export type FilesProblem = readonly [field: string, text: string];

const RULE_KEYS = ['maxSize', 'types', 'maxCount', 'required'];
/** `type/subtype` (RFC 6838 names), or `type/*` for a whole family. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:[a-z0-9][a-z0-9!#$&^_.+-]*|\*)$/i;

/**
 * Every problem of an API's `files` declaration (merged with the module defaults): where it may
 * appear (a direct-mode POST, PUT or PATCH with a size limit), and each field's rule.
 * `defaultMaxPayloadSize` is the limit an API gets when it sets none.
 *
 * @example
 * checkFiles({ method: 'get', files: { avatar: {} } }, 10);
 * // [['files', "is only read from a POST, PUT or PATCH body; ..."]]
 */
export function checkFiles(
  raw: Record<string, unknown>,
  defaultMaxPayloadSize: number,
): FilesProblem[] {
  const files = raw.files;
  if (files === undefined || files === null) return [];
  if (typeof files !== 'object' || Array.isArray(files)) {
    return [['files', `${show(files)} must be an object of file fields, e.g. ${EXAMPLE}.`]];
  }
  const problems: FilesProblem[] = [];
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length === 0) {
    problems.push(['files', `declares no file field; add one, e.g. ${EXAMPLE}, or remove files.`]);
  }
  if (BODYLESS_METHODS.has(String(raw.method).toUpperCase())) {
    problems.push([
      'files',
      `is only read from a POST, PUT or PATCH body; a ${String(raw.method).toUpperCase()} carries none: use method: 'post', or remove files.`,
    ]);
  }
  if (raw.processMode === 'queue') {
    problems.push([
      'files',
      "cannot be queued (a task stores JSON only); use processMode: 'direct' (keep the file in run(), then queue the work), or remove files.",
    ]);
  }
  const size = raw.maxPayloadSize === undefined ? defaultMaxPayloadSize : raw.maxPayloadSize;
  if (size === null) {
    problems.push([
      'maxPayloadSize',
      'cannot be null on an API with files: uploads are held in memory; set a limit in MB, e.g. maxPayloadSize: 10.',
    ]);
  }
  const payloadKeys = shorthandKeys(raw.payloadSchema);
  for (const [name, rule] of entries) {
    const field = `files.${name}`;
    if (name.trim() === '') problems.push(['files', 'has a blank field name; name each field.']);
    if (payloadKeys.has(name)) {
      problems.push([
        field,
        `is also a key of payloadSchema; a form field is either a file or a text value: rename one.`,
      ]);
    }
    problems.push(...checkRule(field, rule, typeof size === 'number' ? size : null));
  }
  return problems;
}

const EXAMPLE = "{ avatar: { maxSize: 2, types: ['image/png', 'image/jpeg'], maxCount: 1 } }";

function checkRule(field: string, rule: unknown, maxPayloadSize: number | null): FilesProblem[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return [
      [
        field,
        `${show(rule)} must be an object such as { maxSize: 2, types: ['image/png'] } (or {}).`,
      ],
    ];
  }
  const problems: FilesProblem[] = [];
  const fail = (key: string, text: string) => problems.push([`${field}.${key}`, text]);
  const { maxSize, types, maxCount, required } = rule as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.includes(key)) {
      fail(key, `is not a file rule; the rules are ${RULE_KEYS.join(', ')}.`);
    }
  }
  if (maxSize !== undefined) {
    if (typeof maxSize !== 'number' || !Number.isFinite(maxSize) || maxSize <= 0) {
      fail('maxSize', `${show(maxSize)} must be a positive number of megabytes, e.g. 2.`);
    } else if (maxPayloadSize !== null && maxSize > maxPayloadSize) {
      fail(
        'maxSize',
        `${maxSize} is over the API's maxPayloadSize ${maxPayloadSize}, which caps the whole request; raise maxPayloadSize or lower maxSize.`,
      );
    }
  }
  if (maxCount !== undefined && !(Number.isInteger(maxCount) && (maxCount as number) >= 1)) {
    fail('maxCount', `${show(maxCount)} must be a whole number >= 1 (files per field).`);
  }
  if (required !== undefined && typeof required !== 'boolean') {
    fail('required', `${show(required)} must be true or false.`);
  }
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length === 0) {
      fail(
        'types',
        `${show(types)} must be a non-empty list of content types, e.g. ['image/png', 'image/jpeg'] (leave it out for any type).`,
      );
    } else {
      for (const type of types as unknown[]) {
        if (typeof type !== 'string' || !MEDIA_TYPE.test(type)) {
          fail(
            'types',
            `entry ${show(type)} must be a content type 'type/subtype' (or 'type/*'), e.g. 'image/png'.`,
          );
        }
      }
    }
  }
  return problems;
}

/** The top-level keys of a shorthand dict schema (a plain object); none for other schema kinds. */
function shorthandKeys(schema: unknown): Set<string> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return new Set();
  if (Object.getPrototypeOf(schema) !== Object.prototype || '~standard' in schema) return new Set();
  return new Set(Object.keys(schema));
}
