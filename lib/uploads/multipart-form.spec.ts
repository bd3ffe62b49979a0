import {
  BOUNDARY,
  FILE_HEADS,
  FORM_TYPE,
  fileOf,
  formBody,
  type FormPart,
} from '../../test/support/multipart';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { FilesDeclaration } from '../interfaces/mindoff-api-options.interface';
import { MultipartForm, type ParsedForm } from './multipart-form';
import { compileUploadRules } from './upload-rules';

const AVATAR: FilesDeclaration = {
  avatar: { maxSize: 0.01, types: ['image/png', 'image/jpeg'] },
  docs: { maxCount: 2, required: false },
};

/** Parses `body` written in chunks of `chunk` bytes; the form, or the refusal it settled with. */
async function parse(
  body: Buffer,
  { files = AVATAR, chunk = body.length || 1, type = FORM_TYPE } = {},
): Promise<ParsedForm | MindoffHttpError> {
  const form = new MultipartForm(compileUploadRules(files, 1)!, { 'content-type': type });
  for (let at = 0; at < body.length && !form.stopped; at += chunk) {
    form.write(body.subarray(at, at + chunk));
  }
  form.end();
  return form.result.catch((error: MindoffHttpError) => error);
}

async function refusal(parts: FormPart[] | Buffer, files?: FilesDeclaration) {
  const result = await parse(Array.isArray(parts) ? formBody(parts) : parts, { files });
  expect(result).toBeInstanceOf(MindoffHttpError);
  const error = result as MindoffHttpError;
  return { code: error.code, data: error.data as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- refusal data of any shape
}

const png = fileOf(FILE_HEADS.png, 3000);
const goodParts: FormPart[] = [
  { name: 'user_name', body: 'Asha' },
  { name: 'avatar', filename: 'me.png', type: 'image/png', body: png },
  { name: 'tag', body: 'a' },
  { name: 'docs', filename: 'notes.txt', type: 'text/plain', body: 'hello\r\n--not a boundary' },
  { name: 'tag', body: 'b' },
  { name: 'tag', body: 'c' },
];

describe('MultipartForm', () => {
  it('reads text fields (a repeated name as a list) and files byte for byte', async () => {
    const form = (await parse(formBody(goodParts))) as ParsedForm;
    expect(form.fields).toEqual({ user_name: 'Asha', tag: ['a', 'b', 'c'] });
    expect(form.files.avatar).toEqual([
      { field: 'avatar', name: 'me.png', type: 'image/png', size: 3000, buffer: png },
    ]);
    expect(form.files.docs![0]!.buffer.toString()).toBe('hello\r\n--not a boundary');
  });

  it('reads the same form written one byte at a time', async () => {
    const whole = await parse(formBody(goodParts));
    expect(await parse(formBody(goodParts), { chunk: 1 })).toEqual(whole);
  });

  it('lists every declared field, empty when nothing came under it', async () => {
    const form = (await parse(formBody([{ name: 'user_name', body: 'x' }]))) as ParsedForm;
    expect(form.files).toEqual({ avatar: [], docs: [] });
  });

  it('keeps __proto__ out of the fields and other keys as own keys', async () => {
    const form = (await parse(
      formBody([
        { name: '__proto__', body: 'x' },
        { name: 'constructor', body: 'y' },
      ]),
    )) as ParsedForm;
    expect(Object.getPrototypeOf(form.fields)).toBe(Object.prototype);
    expect(Object.keys(form.fields)).toEqual(['constructor']);
  });

  it('keeps only the base name of a file name with a path', async () => {
    const form = (await parse(
      formBody([{ name: 'docs', filename: '../../etc/passwd', type: 'text/plain', body: 'x' }]),
    )) as ParsedForm;
    expect(form.files.docs![0]!.name).toBe('passwd');
  });

  it('skips a file input left empty (no name, no bytes) and keeps a nameless file with bytes', async () => {
    const empty = { name: 'avatar', filename: '', type: 'application/octet-stream', body: '' };
    const form = (await parse(
      formBody([
        empty,
        { name: 'docs', filename: '', type: 'application/octet-stream', body: 'x' },
      ]),
    )) as ParsedForm;
    expect(form.files.avatar).toEqual([]);
    expect(form.files.docs).toMatchObject([{ name: '', size: 1 }]);
  });

  it('refuses a file under an undeclared field with INVALID_PAYLOAD (unknown)', async () => {
    const { code, data } = await refusal([
      { name: 'resume', filename: 'cv.pdf', type: 'application/pdf', body: 'x' },
    ]);
    expect(code).toBe('INVALID_PAYLOAD');
    expect(data).toEqual([
      expect.objectContaining({ path: 'files.resume', code: 'unknown', expected: 'avatar | docs' }),
    ]);
  });

  it('refuses a text value under a file field', async () => {
    const { data } = await refusal([{ name: 'avatar', body: 'not a file' }]);
    expect(data).toEqual([
      expect.objectContaining({ path: 'files.avatar', code: 'type', received: 'text field' }),
    ]);
  });

  it('refuses one file more than maxCount with too_big', async () => {
    const doc = { name: 'docs', filename: 'a.txt', type: 'text/plain', body: 'x' };
    const { data } = await refusal([doc, doc, doc]);
    expect(data).toEqual([
      expect.objectContaining({ path: 'files.docs', code: 'too_big', expected: 'at most 2 files' }),
    ]);
  });

  it('refuses a declared content type not in types', async () => {
    const { data } = await refusal([
      { name: 'avatar', filename: 'a.gif', type: 'image/gif', body: fileOf(FILE_HEADS.gif, 40) },
    ]);
    expect(data).toEqual([
      expect.objectContaining({
        path: 'files.avatar',
        code: 'type',
        expected: 'image/png | image/jpeg',
        received: 'image/gif',
      }),
    ]);
  });

  it.each([
    ['a long file', fileOf(FILE_HEADS.jpeg, 500), 'image/jpeg'],
    ['a file shorter than its signature', FILE_HEADS.png.subarray(0, 5), 'unrecognised bytes'],
  ])('refuses %s whose bytes contradict its declared type', async (_what, body, received) => {
    const { data } = await refusal([
      { name: 'avatar', filename: 'a.png', type: 'image/png', body },
    ]);
    expect(data).toEqual([
      expect.objectContaining({
        path: 'files.avatar',
        code: 'type',
        expected: 'image/png',
        received,
      }),
    ]);
  });

  it('refuses a file over its maxSize with PAYLOAD_TOO_LARGE naming the field', async () => {
    const { code, data } = await refusal([
      { name: 'avatar', filename: 'a.png', type: 'image/png', body: fileOf(FILE_HEADS.png, 20000) },
    ]);
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    expect(data).toMatchObject({ field: 'files.avatar', max_mb: 0.01 });
  });

  it('refuses a body without a boundary at once with MALFORMED_PAYLOAD', () => {
    const make = () =>
      new MultipartForm(compileUploadRules(AVATAR, 1)!, {
        'content-type': 'multipart/form-data',
      });
    expect(make).toThrow(MindoffHttpError);
    try {
      make();
    } catch (error) {
      expect((error as MindoffHttpError).code).toBe('MALFORMED_PAYLOAD');
      expect((error as MindoffHttpError).data).toEqual({
        error: expect.stringMatching(/no boundary parameter/),
      });
    }
  });

  it.each([
    ['without its closing boundary', formBody(goodParts, { close: false }), /closing boundary/],
    ['cut inside a file', formBody(goodParts).subarray(0, 400), /closing boundary|inside a file/],
    [
      'with a malformed part header',
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`),
      /malformed headers/,
    ],
    ['with a part without a name', formBody([{ body: 'x' }]), /has no name/],
  ])('refuses a form %s with MALFORMED_PAYLOAD', async (_what, body, error) => {
    const { code, data } = await refusal(body);
    expect(code).toBe('MALFORMED_PAYLOAD');
    expect(data.error).toMatch(error);
  });

  it('refuses the 1,001st text field with too_big', async () => {
    const parts = Array.from({ length: 10000 }, (_, i) => ({ name: `f${i}`, body: 'x' }));
    const { code, data } = await refusal(parts);
    expect(code).toBe('INVALID_PAYLOAD');
    expect(data).toEqual([
      expect.objectContaining({ path: '', code: 'too_big', expected: 'at most 1000 text fields' }),
    ]);
  });

  it('refuses thousands of parts of neither kind (no disposition) with too_big', async () => {
    const parts = Array.from({ length: 5000 }, () => ({ headers: ['X-Nothing: 1'], body: 'x' }));
    const { code, data } = await refusal(parts);
    expect(code).toBe('INVALID_PAYLOAD');
    expect(data[0]).toMatchObject({ code: 'too_big', expected: expect.stringMatching(/parts$/) });
  });

  it('stops for good on stop(): later bytes are ignored and the result never settles', async () => {
    const form = new MultipartForm(compileUploadRules(AVATAR, 1)!, { 'content-type': FORM_TYPE });
    form.stop();
    expect(form.write(formBody(goodParts))).toBe(true);
    form.end();
    const settled = await Promise.race([
      form.result.then(() => 'settled'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 50)),
    ]);
    expect(settled).toBe('pending');
  });
});
