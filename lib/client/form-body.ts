import type { UploadFile } from './upload-file.type.js';

/**
 * A `multipart/form-data` body as the client keeps it between tries: text fields and files in the
 * order they are sent, each file a `Blob` (which can be read again), so every try of a call sends
 * the same form.
 */
export interface FormBody {
  fields: [name: string, value: string][];
  files: [name: string, file: Blob, filename: string | undefined][];
}

/**
 * The form of a call to an upload API: the payload's fields as text, as the app reads them (a
 * number or boolean by its spelling, a list as the name repeated, `null` and `undefined` left
 * out), then the files by field. Throws a `TypeError` for what a form cannot carry: a payload
 * that is not an object, a field holding an object, a file field the API does not declare, or a
 * value that is not a file.
 *
 * @example
 * formBody('files__upload_avatar v1', { user_name: 'asha' }, { avatar: file }, ['avatar']);
 * // { fields: [['user_name', 'asha']], files: [['avatar', file, undefined]] }
 */
export function formBody(
  label: string,
  payload: unknown,
  files: Record<string, unknown>,
  declared: readonly string[],
): FormBody {
  const body: FormBody = { fields: [], files: [] };
  if (payload !== undefined && payload !== null) {
    if (typeof payload !== 'object' || Array.isArray(payload)) {
      throw new TypeError(`${label} reads a form: its payload must be an object of text fields.`);
    }
    for (const [name, value] of Object.entries(payload)) {
      for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
        const text = fieldText(item);
        if (text === null) {
          throw new TypeError(
            `${label} reads a form, whose fields are text: payload field ${name} holds an object; send a string (e.g. JSON.stringify), a number, a boolean or a list of them.`,
          );
        }
        if (text !== undefined) body.fields.push([name, text]);
      }
    }
  }
  for (const [name, value] of Object.entries(files)) {
    if (value === undefined) continue;
    if (!declared.includes(name)) {
      const known = declared.length > 0 ? declared.join(', ') : 'none';
      throw new TypeError(`${label} has no file field ${name} (its file fields: ${known}).`);
    }
    for (const file of Array.isArray(value) ? (value as unknown[]) : [value]) {
      body.files.push([name, ...filePart(label, name, file)]);
    }
  }
  return body;
}

/**
 * `body` as a new `FormData`, for one try of the call (the platform's `fetch` writes the boundary).
 *
 * @example
 * await fetch(url, { method: 'POST', body: toFormData(body) });
 */
export function toFormData(body: FormBody): FormData {
  const form = new FormData();
  for (const [name, value] of body.fields) form.append(name, value);
  for (const [name, file, filename] of body.files) {
    if (filename === undefined) form.append(name, file);
    else form.append(name, file, filename);
  }
  return form;
}

/** A field value's text; undefined: left out; null: a form cannot carry it. */
function fieldText(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Date) return value.toJSON();
  return null;
}

/** A file as a `Blob` and the file name to send (undefined: the `Blob`'s own, a `File`'s name). */
function filePart(label: string, field: string, file: unknown): [Blob, string | undefined] {
  if (file instanceof Blob) return [file, undefined];
  const given = file as Partial<Extract<UploadFile, { data: unknown }>> | null;
  const { data, filename, type } = given ?? {};
  if (typeof filename === 'string' && (data instanceof Blob || data instanceof Uint8Array)) {
    const own = data instanceof Blob ? data.type : '';
    // A copy: the bytes sent by a retry are those of the call, even if the caller reuses its array.
    const bytes = data instanceof Blob ? data : new Uint8Array(data);
    return [new Blob([bytes], { type: typeof type === 'string' ? type : own }), filename];
  }
  throw new TypeError(
    `${label}: file field ${field} takes a Blob, a File or { data: Uint8Array | Blob, filename, type? }${
      typeof ReadableStream !== 'undefined' && file instanceof ReadableStream
        ? '; a stream cannot be sent again on a retry, so read it into a Blob first'
        : ''
    }.`,
  );
}
