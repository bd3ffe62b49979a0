import { UploadsModule } from '../fixtures/uploads.module';
import { sendForm } from '../support/form-post';
import { ADAPTERS, startApp, type RunningApp } from '../support/http-app';
import { FILE_HEADS, fileOf, formBody, type FormPart } from '../support/multipart';

const field = (name: string, body: string | Buffer, type?: string): FormPart => ({
  name,
  body,
  ...(type ? { type } : {}),
});
/** Every field `uploads__typed` requires, as a browser sends them (strings). */
const required = (): FormPart[] => [
  field('count', '3'),
  field('ratio', '0.25'),
  field('urgent', 'true'),
  field('size', 'm'),
  field('tags', 'red'),
];

describe.each(ADAPTERS)('multipart text fields on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(UploadsModule, adapter);
  });
  afterAll(() => server.close());

  const typed = (parts: FormPart[]) => sendForm(server, '/v1/uploads/typed/', formBody(parts));

  it('types them as query strings are: Int, Number, Boolean, literals, and a lone ListOf value as a list', async () => {
    const res = await typed(required());
    expect([res.status, res.envelope.data.payload]).toEqual([
      200,
      { count: 3, ratio: 0.25, urgent: true, size: 'm', tags: ['red'] },
    ]);
  });

  it('gives a field sent several times as a list under ListOf, each item typed, beside a file', async () => {
    const res = await typed([
      ...required(),
      field('tags', 'blue'),
      field('ids', '7'),
      field('ids', '8'),
      field('note', 'caf\u00e9 \u2713'),
      { name: 'doc', filename: 'a.pdf', type: 'application/pdf', body: fileOf(FILE_HEADS.pdf, 64) },
    ]);
    expect([res.status, res.envelope.data.payload]).toEqual([
      200,
      {
        count: 3,
        ratio: 0.25,
        urgent: true,
        size: 'm',
        tags: ['red', 'blue'],
        ids: [7, 8],
        note: 'caf\u00e9 \u2713',
      },
    ]);
  });

  it('leaves what no rule spells as a string, for the schema to refuse with its issues', async () => {
    const res = await typed([
      field('count', '3.5'),
      field('ratio', '1e999'),
      field('urgent', 'yes'),
      field('size', 'xl'),
      field('tags', 'red'),
      field('note', 'a'),
      field('note', 'b'),
    ]);
    expect([res.status, res.envelope.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
    const issues = res.envelope.data as { path: string; received: string }[];
    expect(issues.map(({ path, received }) => [path, received])).toEqual([
      ['count', 'string'],
      ['ratio', 'string'],
      ['urgent', 'string'],
      ['size', 'string'],
      ['note', 'array'],
    ]);
  });

  it('refuses a text field that is not valid UTF-8 with 400 MALFORMED_PAYLOAD naming it, as for JSON', async () => {
    const res = await typed([...required(), field('note', Buffer.from([0x61, 0xff, 0x62]))]);
    expect([res.status, res.envelope.message.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
    expect(res.envelope.data).toEqual({
      error:
        "Form field 'note' is not valid UTF-8; send text fields as UTF-8 (as JSON bodies are).",
    });
  });

  it('reads a part that declares charset=utf-8 as UTF-8 (as some HTTP clients send every text part)', async () => {
    const res = await typed([
      ...required(),
      field('note', 'caf\u00e9', 'text/plain; charset=UTF-8'),
    ]);
    expect([res.status, res.envelope.data.payload.note]).toEqual([200, 'caf\u00e9']);
    const broken = await typed([
      ...required(),
      field('note', Buffer.from([0xc3, 0x28]), 'text/plain; charset=utf-8'),
    ]);
    expect([broken.status, broken.envelope.message.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
  });
});
