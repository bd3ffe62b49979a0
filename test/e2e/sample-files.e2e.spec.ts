import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../../sample/app.module';
import { createSampleApp } from '../../sample/bootstrap';
import { sendForm } from '../support/form-post';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { FILE_HEADS, fileOf, formBody } from '../support/multipart';

const PATH = '/v1/files/upload_avatar/';
const png = fileOf(FILE_HEADS.png, 40 * 1024);

describe.each(ADAPTERS)("the sample's files/upload_avatar on %s", (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(AppModule, adapter);
  });
  afterAll(() => server.close());

  it('answers a user name and one png with the file it received', async () => {
    const form = new FormData();
    form.append('user_name', 'asha');
    form.append('avatar', new Blob([png], { type: 'image/png' }), '../../me.png');
    const res = await fetch(server.url + PATH, { method: 'POST', body: form });
    const envelope: Answer['body'] = await res.json();
    expect(res.status).toBe(200);
    expect(envelope.message.code).toBe('SUCCESS');
    expect(envelope.data).toEqual({
      user_name: 'asha',
      file_name: 'me.png',
      content_type: 'image/png',
      size: png.length,
    });
  });

  it('takes a jpeg too', async () => {
    const jpeg = fileOf(FILE_HEADS.jpeg, 1000);
    const res = await sendForm(
      server,
      PATH,
      formBody([
        { name: 'user_name', body: 'ravi' },
        { name: 'avatar', filename: 'r.jpg', type: 'image/jpeg', body: jpeg },
      ]),
    );
    expect([res.status, res.envelope.data.content_type]).toEqual([200, 'image/jpeg']);
  });

  it('refuses a missing avatar and user_name with 400 INVALID_PAYLOAD listing both', async () => {
    const res = await sendForm(server, PATH, formBody([{ name: 'other', body: 'x' }]));
    expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
    expect(res.envelope.data.map((issue: { path: string }) => issue.path)).toEqual([
      'user_name',
      'files.avatar',
    ]);
  });

  it('refuses a second avatar, a gif, and a png over 1 MB', async () => {
    const user = { name: 'user_name', body: 'asha' };
    const avatar = (body: Buffer, type = 'image/png') => ({
      name: 'avatar',
      filename: 'a',
      type,
      body,
    });
    const two = await sendForm(server, PATH, formBody([user, avatar(png), avatar(png)]));
    expect([two.status, two.envelope.data[0].code]).toEqual([400, 'too_big']);
    const gif = await sendForm(
      server,
      PATH,
      formBody([user, avatar(fileOf(FILE_HEADS.gif, 100), 'image/gif')]),
    );
    expect([gif.status, gif.envelope.data[0].code]).toEqual([400, 'type']);
    const big = await sendForm(
      server,
      PATH,
      formBody([user, avatar(fileOf(FILE_HEADS.png, 1024 * 1024 + 1))]),
    );
    expect([big.status, big.envelope.message.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses JSON with 415 naming multipart/form-data', async () => {
    const res = await call(server.url, 'POST', PATH, { json: { user_name: 'asha' } });
    expect([res.status, res.body.data.accepted]).toEqual([415, ['multipart/form-data']]);
  });
});

describe.each(ADAPTERS)("the sample's docs of files/upload_avatar on %s", (adapter) => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createSampleApp(adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('documents a multipart body: user_name as text, avatar as a png or jpeg file', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const doc = await call(`http://127.0.0.1:${port}`, 'GET', '/docs-json');
    const body = doc.body.paths['/v1/files/upload_avatar/'].post.requestBody;
    expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
    expect(body.content['multipart/form-data']).toEqual({
      schema: {
        type: 'object',
        properties: {
          user_name: { type: 'string' },
          avatar: {
            type: 'string',
            format: 'binary',
            description: 'A file: image/png or image/jpeg, at most 1 MB.',
          },
        },
        required: ['user_name', 'avatar'],
      },
      encoding: { avatar: { contentType: 'image/png, image/jpeg' } },
    });
    expect(body.required).toBe(true);
  });
});
