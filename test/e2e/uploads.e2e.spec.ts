import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MindoffApi, MindoffConfigurationError, MindoffModule, MindoffVersions } from 'mindoff';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UploadsModule } from '../fixtures/uploads.module';
import { sendForm } from '../support/form-post';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { FILE_HEADS, FORM_TYPE, fileOf, formBody, type FormPart } from '../support/multipart';
import { ownParser } from '../support/own-body-parser';
import { codeOf, untilTask } from '../support/task-poll';

const KB = 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const png = fileOf(FILE_HEADS.png, 20 * KB);
const jpeg = fileOf(FILE_HEADS.jpeg, 12 * KB);
const avatarPart = (body: Buffer = png, extra: Partial<FormPart> = {}): FormPart => ({
  name: 'avatar',
  filename: 'me.png',
  type: 'image/png',
  body,
  ...extra,
});
const goodForm = () => formBody([{ name: 'user_name', body: 'Asha' }, avatarPart()]);

// Anything written through os.tmpdir() while the suite runs lands in this empty folder.
const previousTmp = process.env.TMPDIR;
const tmp = mkdtempSync(join(tmpdir(), 'mindoff-uploads-'));

describe.each(ADAPTERS)('uploads on %s', (adapter) => {
  let server: RunningApp;
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);

  beforeAll(async () => {
    process.env.TMPDIR = tmp;
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
    server = await startApp(UploadsModule, adapter);
  });
  afterEach(async () => {
    // Whatever came before, the process is up and a good upload still succeeds.
    const res = await sendForm(server, '/v1/uploads/avatar/', goodForm());
    expect([res.status, res.envelope.data.files.avatar[0].sha256]).toEqual([200, sha256(png)]);
    expect(failures).toEqual([]);
  });
  afterAll(async () => {
    await server.close();
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  });

  const avatar = (body: Buffer, framing?: Parameters<typeof sendForm>[3]) =>
    sendForm(server, '/v1/uploads/avatar/', body, framing);
  const gallery = (body: Buffer, framing?: Parameters<typeof sendForm>[3]) =>
    sendForm(server, '/v1/uploads/gallery/', body, { method: 'PUT', ...framing });

  describe('a good upload', () => {
    it('validates the text fields and hands run() the file byte for byte', async () => {
      const res = await avatar(
        formBody([
          { name: 'user_name', body: 'Asha' },
          { name: 'note', body: 'naïve 茶' },
          avatarPart(png, { filename: 'Me Photo.png' }),
        ]),
      );
      expect(res.status).toBe(200);
      expect(res.envelope.message.code).toBe('SUCCESS');
      expect(res.envelope.data).toEqual({
        user_name: 'Asha',
        note: 'naïve 茶',
        files: {
          avatar: [
            {
              field: 'avatar',
              name: 'Me Photo.png',
              type: 'image/png',
              size: png.length,
              sha256: sha256(png),
            },
          ],
        },
      });
    });

    it('takes a form sent by fetch (FormData, Blob), chunked by the client', async () => {
      const form = new FormData();
      form.append('user_name', 'Ravi');
      form.append('avatar', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(`${server.url}/v1/uploads/avatar/`, { method: 'POST', body: form });
      const envelope: Answer['body'] = await res.json();
      expect(res.status).toBe(200);
      expect(envelope.data.files.avatar).toEqual([
        expect.objectContaining({ name: 'photo.jpg', type: 'image/jpeg', sha256: sha256(jpeg) }),
      ]);
    });

    it('reads a form sent chunked, without Content-Length, in small pieces', async () => {
      const res = await avatar(goodForm(), { length: 'chunked', chunkSize: 7 });
      expect([res.status, res.envelope.data.files.avatar[0].sha256]).toEqual([200, sha256(png)]);
    });

    it('gives a name sent more than once as a list, and several files under one field', async () => {
      const gif = fileOf(FILE_HEADS.gif, 300);
      const webp = fileOf(FILE_HEADS.webp, 400);
      const res = await gallery(
        formBody([
          { name: 'tag', body: 'a' },
          { name: 'title', body: 'Trip' },
          { name: 'tag', body: 'b' },
          { name: 'photos', filename: 'a.png', type: 'image/png', body: png },
          { name: 'photos', filename: 'b.gif', type: 'image/gif', body: gif },
          { name: 'photos', filename: 'c.webp', type: 'image/webp', body: webp },
        ]),
      );
      expect(res.status).toBe(200);
      expect(res.envelope.data.payload).toEqual({ tag: ['a', 'b'], title: 'Trip' });
      expect(res.envelope.data.files.photos.map((f: { sha256: string }) => f.sha256)).toEqual([
        sha256(png),
        sha256(gif),
        sha256(webp),
      ]);
      expect(res.envelope.data.files.doc).toEqual([]);
    });

    it('treats a request without a body as an empty form when no file is required', async () => {
      const res = await call(server.url, 'PUT', '/v1/uploads/gallery/');
      expect([res.status, res.body.data]).toEqual([
        200,
        { payload: {}, files: { photos: [], doc: [] } },
      ]);
    });

    it('skips a file input the browser sent empty', async () => {
      const res = await gallery(
        formBody([{ name: 'doc', filename: '', type: 'application/octet-stream', body: '' }]),
      );
      expect([res.status, res.envelope.data.files.doc]).toEqual([200, []]);
    });

    it("keeps only the base name of a file name with '../' (never a path)", async () => {
      for (const filename of ['../../../etc/passwd.png', '..\\..\\boot.png', '/abs/me.png']) {
        const res = await avatar(
          formBody([{ name: 'user_name', body: 'x' }, avatarPart(png, { filename })]),
        );
        expect(res.status).toBe(200);
        expect(res.envelope.data.files.avatar[0].name).toMatch(/^(passwd|boot|me)\.png$/);
      }
    });

    it('gives run() {} as files on an API without files', async () => {
      const res = await call(server.url, 'POST', '/v1/uploads/json/', { json: { n: 1 } });
      expect([res.status, res.body.data]).toEqual([200, { payload: { n: 1 }, files: {} }]);
    });

    it('gives run() {} as files in a worker', async () => {
      const ack = await call(server.url, 'POST', '/v1/uploads/queued/', { json: { n: 1 } });
      expect([ack.status, codeOf(ack)]).toEqual([200, 'QUEUED']);
      const done = await untilTask(server, ack.body.data.queue_id, (a) => codeOf(a) === 'SUCCESS');
      expect(done.body.data).toEqual({ files: {} });
    });
  });

  describe('refusals', () => {
    const issues = (res: { envelope: { data: unknown } }) => res.envelope.data;

    it('reports a missing required file with the schema issues, in one INVALID_PAYLOAD', async () => {
      const res = await avatar(formBody([{ name: 'note', body: 'x' }]));
      expect(res.status).toBe(400);
      expect(res.envelope.message.code).toBe('INVALID_PAYLOAD');
      expect(issues(res)).toEqual([
        expect.objectContaining({ path: 'user_name', code: 'required' }),
        expect.objectContaining({ path: 'files.avatar', code: 'required', expected: 'file' }),
      ]);
    });

    it('reports a missing required file alone when the fields are good', async () => {
      const res = await avatar(formBody([{ name: 'user_name', body: 'x' }]));
      expect([res.status, issues(res)]).toEqual([
        400,
        [expect.objectContaining({ path: 'files.avatar', code: 'required' })],
      ]);
    });

    it('refuses a file field the API does not declare', async () => {
      const res = await avatar(
        formBody([
          { name: 'user_name', body: 'x' },
          avatarPart(),
          { name: 'resume', filename: 'cv.pdf', type: 'application/pdf', body: 'x' },
        ]),
      );
      expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(issues(res)).toEqual([
        expect.objectContaining({ path: 'files.resume', code: 'unknown', expected: 'avatar' }),
      ]);
    });

    it('refuses one file more than maxCount', async () => {
      const res = await avatar(
        formBody([{ name: 'user_name', body: 'x' }, avatarPart(), avatarPart()]),
      );
      expect([res.status, issues(res)]).toEqual([
        400,
        [
          expect.objectContaining({
            path: 'files.avatar',
            code: 'too_big',
            expected: 'at most 1 file',
          }),
        ],
      ]);
    });

    it('refuses a declared content type that is not in types', async () => {
      const res = await avatar(
        formBody([
          { name: 'user_name', body: 'x' },
          avatarPart(fileOf(FILE_HEADS.gif, 100), { type: 'image/gif' }),
        ]),
      );
      expect([res.status, issues(res)]).toEqual([
        400,
        [
          expect.objectContaining({
            path: 'files.avatar',
            code: 'type',
            expected: 'image/png | image/jpeg',
            received: 'image/gif',
          }),
        ],
      ]);
    });

    it('refuses a file whose bytes contradict its declared type (a gif sent as png)', async () => {
      const res = await avatar(
        formBody([{ name: 'user_name', body: 'x' }, avatarPart(fileOf(FILE_HEADS.gif, 5000))]),
      );
      expect([res.status, issues(res)]).toEqual([
        400,
        [
          expect.objectContaining({
            path: 'files.avatar',
            code: 'type',
            expected: 'image/png',
            received: 'image/gif',
          }),
        ],
      ]);
    });

    it('refuses a text value sent under a file field', async () => {
      const res = await avatar(
        formBody([
          { name: 'user_name', body: 'x' },
          { name: 'avatar', body: 'me.png' },
        ]),
      );
      expect([res.status, issues(res)]).toEqual([
        400,
        [expect.objectContaining({ path: 'files.avatar', code: 'type', received: 'text field' })],
      ]);
    });

    it.each([
      ['with its Content-Length', undefined],
      ['chunked, without Content-Length', 'chunked' as const],
    ])('answers a file over its maxSize %s with 413 naming the field', async (_how, length) => {
      const big = fileOf(FILE_HEADS.png, 100 * KB);
      const res = await avatar(formBody([{ name: 'user_name', body: 'x' }, avatarPart(big)]), {
        length,
      });
      expect([res.status, res.envelope.message.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(res.envelope.data).toMatchObject({ field: 'files.avatar', max_mb: 0.05 });
    });

    it('refuses an honest Content-Length over maxPayloadSize before reading the body', async () => {
      const res = await avatar(Buffer.alloc(0), { length: 300 * KB });
      expect([res.status, res.envelope.message.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('cuts a chunked form at maxPayloadSize, counting bytes read', async () => {
      const parts = Array.from({ length: 40 }, (_, i) => ({
        name: `f${i}`,
        body: 'y'.repeat(8 * KB),
      }));
      const res = await avatar(formBody(parts), { length: 'chunked' });
      expect([res.status, res.envelope.message.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('reads no more than a too-small Content-Length announces (a lying one)', async () => {
      const body = goodForm();
      const res = await avatar(body, { length: 300 });
      // The 300 bytes are a form cut short (MALFORMED_PAYLOAD); what follows them is no HTTP,
      // which the HTTP layer may answer first with its own 400.
      expect(res.status).toBe(400);
      expect([undefined, 'MALFORMED_PAYLOAD']).toContain(res.envelope?.message?.code);
    });

    it.each([
      ['no Content-Type', 415, 'UNSUPPORTED_MEDIA_TYPE', []],
      ['a JSON body', 415, 'UNSUPPORTED_MEDIA_TYPE', ['application/json']],
      ['urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE', ['application/x-www-form-urlencoded']],
      ['two Content-Type headers', 400, 'MALFORMED_PAYLOAD', [FORM_TYPE, FORM_TYPE]],
      ['multipart without a boundary', 400, 'MALFORMED_PAYLOAD', ['multipart/form-data']],
      ['an empty boundary', 400, 'MALFORMED_PAYLOAD', ['multipart/form-data; boundary=']],
    ])('answers %s with %i %s', async (_what, status, code, types) => {
      const res = await avatar(goodForm(), { types });
      expect([res.status, res.envelope.message.code]).toEqual([status, code]);
      if (status === 415) expect(res.envelope.data.accepted).toEqual(['multipart/form-data']);
    });

    it.each([
      [
        'without its closing boundary',
        formBody([{ name: 'user_name', body: 'x' }, avatarPart()], { close: false }),
      ],
      ['cut inside a file', goodForm().subarray(0, 5000)],
      [
        'cut inside a part header',
        Buffer.from(`--${FORM_TYPE.split('=')[1]}\r\nContent-Disposition: form-da`),
      ],
      ['that is not multipart at all', Buffer.from('{"user_name":"x"}')],
    ])(
      'answers a form %s (complete HTTP framing) with 400 MALFORMED_PAYLOAD',
      async (_what, body) => {
        const res = await avatar(body);
        expect([res.status, res.envelope.message.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
      },
    );

    it('survives a client that hangs up inside a file', async () => {
      const body = goodForm();
      const res = await avatar(body.subarray(0, 3000), { length: body.length, hangUp: true });
      expect([0, 400]).toContain(res.status);
    });

    it('survives a chunked client that hangs up inside a file', async () => {
      const res = await avatar(goodForm().subarray(0, 3000), { length: 'chunked', hangUp: true });
      expect([0, 400]).toContain(res.status);
    });

    it('refuses 10,000 tiny text parts fast with INVALID_PAYLOAD', async () => {
      const parts = Array.from({ length: 10000 }, (_, i) => ({ name: `f${i}`, body: 'x' }));
      const started = Date.now();
      const res = await gallery(formBody(parts));
      expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(res.envelope.data).toEqual([
        expect.objectContaining({ code: 'too_big', expected: 'at most 1000 text fields' }),
      ]);
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('refuses 10,000 tiny file parts with INVALID_PAYLOAD', async () => {
      const parts = Array.from({ length: 10000 }, () => ({
        name: 'photos',
        filename: 'p.png',
        type: 'image/png',
        body: FILE_HEADS.png,
      }));
      const res = await gallery(formBody(parts));
      expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(res.envelope.data).toEqual([
        expect.objectContaining({ path: 'files.photos', code: 'too_big' }),
      ]);
    });

    it('refuses 10,000 parts without a disposition with INVALID_PAYLOAD', async () => {
      const parts = Array.from({ length: 10000 }, () => ({ headers: ['X-Part: 1'], body: 'x' }));
      const res = await gallery(formBody(parts), { length: 'chunked' });
      expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
    });

    it('keeps refusing multipart on an API without files (415, as for any non-JSON body)', async () => {
      const res = await sendForm(server, '/v1/uploads/json/', goodForm());
      expect([res.status, res.envelope.message.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('keeps refusing multipart on a queue-mode API with VALIDATION_ERR', async () => {
      const res = await sendForm(server, '/v1/uploads/queued/', goodForm());
      expect([res.status, res.envelope.message.code]).toEqual([400, 'VALIDATION_ERR']);
    });
  });

  it('leaves nothing in the temporary folder', () => {
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('an upload read by another parser before mindoff (express)', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(UploadsModule, 'express', {
      setup: (app) => app.use(ownParser({ keepBytes: true })),
    });
  });
  afterAll(() => server.close());

  it('is refused with API_CONFIG_ERR naming the cause, never run without its files', async () => {
    const res = await sendForm(server, '/v1/uploads/avatar/', goodForm());
    expect([res.status, res.envelope.message.code]).toEqual([500, 'API_CONFIG_ERR']);
    expect(res.envelope.data.reason).toMatch(
      /^AvatarV1: the multipart body was read by another parser before mindoff/,
    );
  });
});

describe('files that cannot be served', () => {
  @MindoffApi({
    urlName: 'uploads__bad',
    name: 'Bad',
    method: 'GET',
    processMode: 'queue',
    files: { avatar: { maxSize: -1, types: ['png'], maxCount: 0 } },
  })
  class BadUploadV1 {
    async run() {
      return {};
    }
  }

  @Module({ imports: [MindoffModule.forRoot({}), MindoffVersions.register({ 1: BadUploadV1 })] })
  class BadUploadModule {}

  it('stop the app at startup, naming the class, the field and the fix', async () => {
    const ref = await Test.createTestingModule({ imports: [BadUploadModule] }).compile();
    const app = ref.createNestApplication({ logger: false });
    const error = await app.init().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    await app.close().catch(() => undefined);
    expect(error).toBeInstanceOf(MindoffConfigurationError);
    expect((error as MindoffConfigurationError).problems).toEqual([
      expect.stringMatching(
        /^BadUploadV1: files is only read from a POST, PUT or PATCH body; a GET/,
      ),
      expect.stringMatching(/^BadUploadV1: files cannot be queued .* use processMode: 'direct'/),
      expect.stringMatching(/^BadUploadV1: files\.avatar\.maxSize -1 must be a positive number/),
      expect.stringMatching(/^BadUploadV1: files\.avatar\.maxCount 0 must be a whole number >= 1/),
      expect.stringMatching(
        /^BadUploadV1: files\.avatar\.types entry 'png' must be a content type/,
      ),
    ]);
  });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));
