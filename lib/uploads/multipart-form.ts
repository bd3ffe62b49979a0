import busboy, { type Busboy, type FileInfo } from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { MindoffHttpError } from '../errors/mindoff-http.error';
import type { UploadedFile } from '../interfaces/mindoff-context.interface';
import { baseFileName } from './file-name';
import { contradictsType, SIGNATURE_BYTES, sniffType } from './file-signature';
import {
  bytesContradictType,
  fileTooLarge,
  malformedForm,
  textForFile,
  tooManyFiles,
  tooManyParts,
  typeNotAccepted,
  undeclaredFile,
} from './upload.errors';
import { fieldNotUtf8 } from './upload.messages';
import { MAX_FORM_FIELDS, type FileFieldLimits, type UploadRules } from './upload-rules';

/** A multipart form as read: its text fields (the payload to be) and its files, by declared field. */
export interface ParsedForm {
  /** A name sent once maps to its value; a name sent more than once, to its values in order. */
  fields: Record<string, string | string[]>;
  /** Every declared file field, with the files sent under it (an empty list when none). */
  files: Record<string, UploadedFile[]>;
}

const ignore = () => undefined;

/** What busboy's messages mean for the client. */
const READABLE_ERRORS: Readonly<Record<string, string>> = {
  'Multipart: Boundary not found':
    'the multipart/form-data Content-Type has no boundary parameter (e.g. boundary=----form)',
  'Malformed content type': 'the Content-Type header cannot be parsed',
  'Unexpected end of form': 'the form ended before its closing boundary',
  'Unexpected end of file': 'the form ended inside a file',
  'Malformed part header': 'a part has malformed headers',
};

/**
 * What busboy's UTF-8 decoder puts in place of bytes that are not UTF-8 (a part may declare another
 * charset, which busboy decodes by: the raw bytes are not kept, so this is what can be checked).
 * A field holding it is refused as a JSON body with such bytes is, rather than passed on altered;
 * the character sent as valid UTF-8 is refused alike (it marks text already damaged upstream).
 */
const REPLACEMENT = '\ufffd';

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return READABLE_ERRORS[message] ?? message;
}

/**
 * One multipart/form-data body parsed by busboy as it is written, in memory, under an API's upload
 * rules: each file is checked as it arrives (declared field, count, content type, first bytes,
 * size), and the first broken rule stops the parse with its refusal. Nothing is written to disk.
 * The caller feeds the body (`write`, `end`) and counts the whole body's size; `result` settles
 * with the form or the first refusal (a `MindoffHttpError`).
 *
 * @example
 * const form = new MultipartForm(rules, raw.headers); // throws MALFORMED_PAYLOAD without a boundary
 * raw.on('data', (chunk) => form.write(chunk)).on('end', () => form.end());
 * const { fields, files } = await form.result;
 */
export class MultipartForm {
  /** The parsed form, or the first refusal. Never settles after `stop()`. */
  readonly result: Promise<ParsedForm>;
  private readonly parser: Busboy;
  private halted = false;
  private resolve!: (form: ParsedForm) => void;
  private reject!: (error: MindoffHttpError) => void;
  private readonly fields: Record<string, string | string[]> = {};
  private readonly files = new Map<string, UploadedFile[]>();
  /** Files admitted per field, counted when admitted (a file is listed only once fully read). */
  private readonly admitted = new Map<string, number>();

  constructor(
    private readonly rules: UploadRules,
    headers: IncomingHttpHeaders,
  ) {
    this.result = new Promise<ParsedForm>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const files = rules.maxFiles + rules.names.length; // room for one empty file input per field
    try {
      this.parser = busboy({
        headers,
        // Browsers send file names as raw UTF-8.
        defParamCharset: 'utf8',
        limits: {
          fields: MAX_FORM_FIELDS,
          files,
          // Parts with no usable disposition count here only: they cannot fill memory either.
          parts: MAX_FORM_FIELDS + files + 1,
          // Each value is already bounded by the whole body's limit, counted on bytes read.
          fieldSize: Infinity,
        },
      });
    } catch (error) {
      throw malformedForm(describe(error));
    }
    for (const name of rules.names) this.files.set(name, []);
    this.parser.on('field', (name, value) => this.onField(name, value));
    this.parser.on('file', (name, stream, info) => this.onFile(name, stream, info));
    this.parser.on('fieldsLimit', () => this.fail(tooManyParts('fields', MAX_FORM_FIELDS)));
    this.parser.on('filesLimit', () => this.fail(tooManyParts('files', files)));
    this.parser.on('partsLimit', () => this.fail(tooManyParts('parts', MAX_FORM_FIELDS + files)));
    // Kept for the parser's whole life: an 'error' with no listener would crash the process.
    this.parser.on('error', (error) => this.fail(malformedForm(describe(error))));
    this.parser.on('close', () => this.finish());
  }

  /** Whether the form has settled or been stopped: it takes no more bytes. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Feeds body bytes; false when the parser wants the caller to wait for `onDrain`. */
  write(chunk: Buffer): boolean {
    return this.halted ? true : this.parser.write(chunk);
  }

  /** Calls `resume` once the parser has taken what it was given. */
  onDrain(resume: () => void): void {
    this.parser.once('drain', resume);
  }

  /** The body is complete: the form settles once the parser has read it all. */
  end(): void {
    if (!this.halted) this.parser.end();
  }

  /** Stops parsing after a refusal made outside the form (the body too large, the client gone). */
  stop(): void {
    if (this.halted) return;
    this.halted = true;
    this.destroyParser();
  }

  private fail(error: MindoffHttpError): void {
    if (this.halted) return;
    this.halted = true;
    this.destroyParser();
    this.reject(error);
  }

  private destroyParser(): void {
    // Not inside the parser's own write (this may run from one of its events).
    process.nextTick(() => this.parser.destroy());
  }

  private finish(): void {
    if (this.halted) return;
    this.halted = true;
    this.resolve({ fields: this.fields, files: Object.fromEntries(this.files) });
  }

  private onField(name: string | undefined, value: string): void {
    if (this.halted) return;
    if (typeof name !== 'string') return this.fail(malformedForm(NAMELESS));
    if (this.rules.fields.has(name)) return this.fail(textForFile(name));
    // As in JSON bodies: a `__proto__` key never reaches the payload.
    if (name === '__proto__') return;
    if (value.includes(REPLACEMENT)) return this.fail(malformedForm(fieldNotUtf8(name)));
    const fields = this.fields;
    if (!Object.hasOwn(fields, name)) {
      fields[name] = value;
      return;
    }
    const earlier = fields[name]!;
    if (Array.isArray(earlier)) earlier.push(value);
    else fields[name] = [earlier, value];
  }

  private onFile(name: string | undefined, stream: Readable, info: FileInfo): void {
    stream.on('error', ignore);
    if (this.halted) return void stream.resume();
    if (typeof name !== 'string') return this.fail(malformedForm(NAMELESS));
    const rule = this.rules.fields.get(name);
    if (!rule) return this.fail(undeclaredFile(name, this.rules.names));
    const fileName = baseFileName(info.filename);
    const type = info.mimeType.toLowerCase();
    // A browser sends a file input left empty as a part with an empty name and no bytes: such a
    // part is judged once it ends, and skipped when it is indeed empty.
    const unnamed = fileName === '';
    if (!unnamed && !this.admit(rule, type)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    let signatureChecked = rule.types === null;
    stream.on('data', (chunk: Buffer) => {
      if (this.halted) return;
      size += chunk.length;
      if (rule.maxBytes !== null && size > rule.maxBytes) {
        return this.fail(fileTooLarge(rule, rule.maxBytes, size));
      }
      chunks.push(chunk);
      if (!signatureChecked && size >= SIGNATURE_BYTES) {
        signatureChecked = true;
        this.checkSignature(rule, type, Buffer.concat(chunks, size));
      }
    });
    stream.on('end', () => {
      if (this.halted || (unnamed && size === 0)) return;
      if (unnamed && !this.admit(rule, type)) return;
      const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      if (!signatureChecked && !this.checkSignature(rule, type, buffer)) return;
      this.files.get(name)!.push({ field: name, name: fileName, type, size, buffer });
    });
  }

  /** Counts one more file under `rule`, or refuses it (too many, or a type not accepted). */
  private admit(rule: FileFieldLimits, type: string): boolean {
    const count = this.admitted.get(rule.field) ?? 0;
    if (count >= rule.maxCount) {
      this.fail(tooManyFiles(rule));
      return false;
    }
    if (!rule.accepts(type)) {
      this.fail(typeNotAccepted(rule, type));
      return false;
    }
    this.admitted.set(rule.field, count + 1);
    return true;
  }

  /** Whether the file's first bytes can be its declared type; refuses the form when not. */
  private checkSignature(rule: FileFieldLimits, type: string, head: Buffer): boolean {
    if (!contradictsType(type, head)) return true;
    this.fail(bytesContradictType(rule, type, sniffType(head)));
    return false;
  }
}

const NAMELESS = 'a part has no name (Content-Disposition: form-data; name="...")';
