import { formBody, toFormData } from './form-body';

const LABEL = 'files__upload v1';

describe('formBody', () => {
  it('sends the payload as text fields, as the app reads a form: numbers, booleans, lists repeated', () => {
    const body = formBody(
      LABEL,
      {
        user_name: 'asha',
        count: 3,
        urgent: false,
        tags: ['a', 'b'],
        at: new Date(0),
        note: undefined,
        gone: null,
      },
      {},
      [],
    );
    expect(body.fields).toEqual([
      ['user_name', 'asha'],
      ['count', '3'],
      ['urgent', 'false'],
      ['tags', 'a'],
      ['tags', 'b'],
      ['at', '1970-01-01T00:00:00.000Z'],
    ]);
    expect(body.files).toEqual([]);
  });

  it('takes a Blob, a File, bytes with a name, and a list of them', async () => {
    const blob = new Blob(['png'], { type: 'image/png' });
    const file = new File(['gif'], 'me.gif', { type: 'image/gif' });
    const bytes = new Uint8Array([1, 2, 3]);
    const body = formBody(
      LABEL,
      undefined,
      {
        avatar: blob,
        photos: [file, { data: bytes, filename: 'raw.bin', type: 'application/octet-stream' }],
        doc: undefined,
      },
      ['avatar', 'photos', 'doc'],
    );
    expect(body.files.map(([name, part, filename]) => [name, part.type, filename])).toEqual([
      ['avatar', 'image/png', undefined],
      ['photos', 'image/gif', undefined],
      ['photos', 'application/octet-stream', 'raw.bin'],
    ]);
    // The bytes are copied when the call is made: a retry sends them even if the array changes.
    bytes[0] = 9;
    expect([...new Uint8Array(await body.files[2][1].arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('keeps the type of a Blob given as data unless a type is named', () => {
    const data = new Blob(['x'], { type: 'text/plain' });
    const body = formBody(LABEL, {}, { a: { data, filename: 'a.txt' } }, ['a']);
    expect(body.files[0][1].type).toBe('text/plain');
  });

  it.each([
    ['a list', ['x']],
    ['a string', 'x'],
  ])('refuses a payload that is %s', (_label, payload) => {
    expect(() => formBody(LABEL, payload, {}, [])).toThrow(
      new TypeError(`${LABEL} reads a form: its payload must be an object of text fields.`),
    );
  });

  it('refuses a field holding an object, naming it', () => {
    expect(() => formBody(LABEL, { meta: { a: 1 } }, {}, [])).toThrow(
      /payload field meta holds an object/,
    );
    expect(() => formBody(LABEL, { tags: [{ a: 1 }] }, {}, [])).toThrow(/payload field tags/);
  });

  it('refuses a file field the API does not declare, listing those it does', () => {
    expect(() => formBody(LABEL, {}, { banner: new Blob([]) }, ['avatar'])).toThrow(
      new TypeError(`${LABEL} has no file field banner (its file fields: avatar).`),
    );
  });

  it('refuses what is not a file, and says to read a stream into a Blob', () => {
    expect(() => formBody(LABEL, {}, { avatar: 'me.png' }, ['avatar'])).toThrow(
      /file field avatar takes a Blob, a File or \{ data: Uint8Array \| Blob, filename, type\? \}\.$/,
    );
    expect(() => formBody(LABEL, {}, { avatar: { data: new Uint8Array(1) } }, ['avatar'])).toThrow(
      /takes a Blob/,
    );
    expect(() => formBody(LABEL, {}, { avatar: new ReadableStream() }, ['avatar'])).toThrow(
      /a stream cannot be sent again on a retry, so read it into a Blob first\.$/,
    );
  });
});

describe('toFormData', () => {
  it('gives a new FormData with the same parts each time', async () => {
    const body = formBody(
      LABEL,
      { user_name: 'asha' },
      { avatar: { data: new Uint8Array([7]), filename: 'me.png', type: 'image/png' } },
      ['avatar'],
    );
    const first = toFormData(body);
    const second = toFormData(body);
    expect(second).not.toBe(first);
    for (const form of [first, second]) {
      expect(form.get('user_name')).toBe('asha');
      const avatar = form.get('avatar') as File;
      expect([avatar.name, avatar.type]).toEqual(['me.png', 'image/png']);
      expect([...new Uint8Array(await avatar.arrayBuffer())]).toEqual([7]);
    }
  });
});
