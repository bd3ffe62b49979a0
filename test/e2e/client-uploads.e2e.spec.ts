import { createHash, randomUUID } from 'node:crypto';
import {
  createMindoffClient,
  type FetchLike,
  type MindoffApisOf,
  type MindoffClient,
} from 'mindoff/client';
import {
  ClientUploadsModule,
  receiptRuns,
  slowReceipts,
  type NoteVersions,
  type ProfileVersions,
  type ReceiptVersions,
} from '../fixtures/client-uploads.module';
import { ADAPTERS, startApp, type RunningApp } from '../support/http-app';
import { FILE_HEADS, fileOf } from '../support/multipart';
import { waitUntil } from '../support/wait-until';

type UploadApis = MindoffApisOf<{
  media__profile: typeof ProfileVersions;
  media__receipt: typeof ReceiptVersions;
  media__note: typeof NoteVersions;
}>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const png = fileOf(FILE_HEADS.png, 4096);
const gif = fileOf(FILE_HEADS.gif, 2048);
const pdf = fileOf(FILE_HEADS.pdf, 3000);
const otherPdf = fileOf(FILE_HEADS.pdf, 3001);

/** A fetch that records each request's key, answer status and replay header, and can lose answers. */
function recordingFetch() {
  const seen: { key: string | null; status: number | 'lost'; replayed: string | null }[] = [];
  let loseNext = 0;
  const fetcher: FetchLike = async (url, init) => {
    const key = new Headers(init.headers).get('idempotency-key');
    const response = await fetch(url, init);
    const replayed = response.headers.get('idempotent-replayed');
    if (loseNext > 0) {
      loseNext--;
      await response.text();
      seen.push({ key, status: 'lost', replayed });
      // The request reached the app and ran; only its answer never arrived.
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    }
    seen.push({ key, status: response.status, replayed });
    return response;
  };
  return { fetcher, seen, loseAnswers: (n: number) => (loseNext = n) };
}

describe.each(ADAPTERS)('mindoff/client uploads files to a real app on %s', (adapter) => {
  let app: RunningApp;
  let client: MindoffClient<UploadApis>;
  beforeAll(async () => {
    app = await startApp(ClientUploadsModule, adapter);
    client = createMindoffClient<UploadApis>({ baseUrl: app.url });
  });
  afterAll(() => app.close());

  it('reads which APIs take files, and their fields, from the route table', async () => {
    const { apis } = await client.routes();
    expect(apis.media__profile['1'].files).toEqual(['avatar', 'photos']);
    expect(apis.media__receipt['1']).toMatchObject({
      files: ['scan'],
      idempotency: { required: true },
    });
    expect(apis.media__note['1']).not.toHaveProperty('files');
  });

  it('sends the payload as form fields the app types, and the files as parts run() receives', async () => {
    const result = await client.call('media__profile', {
      version: 1,
      payload: { user_name: 'asha', age: 31, tags: ['tea', 'cups'] },
      files: {
        avatar: { data: png, filename: 'me.png', type: 'image/png' },
        photos: [
          new File([new Uint8Array(gif)], 'one.gif', { type: 'image/gif' }),
          new Blob([new Uint8Array(png)], { type: 'image/png' }),
        ],
      },
    });
    expect(result).toMatchObject({ ok: true, code: 'SUCCESS', status: 200 });
    if (!result.ok) return;
    expect(result.data).toEqual({
      payload: { user_name: 'asha', age: 31, tags: ['tea', 'cups'] },
      avatar: { name: 'me.png', type: 'image/png', size: png.length, sha256: sha256(png) },
      photos: [
        { name: 'one.gif', type: 'image/gif', size: gif.length, sha256: sha256(gif) },
        { name: 'blob', type: 'image/png', size: png.length, sha256: sha256(png) },
      ],
    });
  });

  it('sends a list of one as one field, which the app reads as a list of one', async () => {
    const result = await client.call('media__profile', {
      version: 1,
      payload: { user_name: 'ravi', age: 40, tags: ['solo'], note: 'hi' },
      files: { avatar: { data: png, filename: 'r.png', type: 'image/png' } },
    });
    expect(result.ok && result.data.payload).toEqual({
      user_name: 'ravi',
      age: 40,
      tags: ['solo'],
      note: 'hi',
    });
    expect(result.ok && result.data.photos).toEqual([]);
  });

  it('answers a file of a type the API does not take with INVALID_PAYLOAD naming the field', async () => {
    const result = await client.call('media__profile', {
      version: 1,
      payload: { user_name: 'asha', age: 31, tags: ['x'] },
      files: {
        avatar: { data: new TextEncoder().encode('hello'), filename: 'a.txt', type: 'text/plain' },
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', status: 400 });
    expect(result.data).toEqual([expect.objectContaining({ path: 'files.avatar', code: 'type' })]);
  });

  it('answers a missing required file with INVALID_PAYLOAD (an untyped call)', async () => {
    const loose = createMindoffClient({ baseUrl: app.url });
    const result = await loose.call('media__profile', {
      version: 1,
      payload: { user_name: 'asha', age: 31, tags: ['x'] },
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', status: 400 });
    expect(result.data).toEqual([
      expect.objectContaining({ path: 'files.avatar', code: 'required' }),
    ]);
  });

  it('refuses files for a JSON API and an undeclared file field before any request', async () => {
    const { fetcher, seen } = recordingFetch();
    const loose = createMindoffClient({ baseUrl: app.url, fetch: fetcher });
    await loose.routes();
    const before = seen.length;
    await expect(
      loose.call('media__note', { version: 1, payload: { text: 'x' }, files: { a: new Blob([]) } }),
    ).rejects.toThrow('media__note v1 takes no files');
    await expect(
      loose.call('media__profile', { version: 1, files: { banner: new Blob([]) } }),
    ).rejects.toThrow(
      'media__profile v1 has no file field banner (its file fields: avatar, photos).',
    );
    expect(seen.length).toBe(before);
  });

  describe('an idempotent upload', () => {
    const scan = (bytes: Buffer = pdf) => ({
      scan: { data: bytes, filename: 'scan.pdf', type: 'application/pdf' },
    });

    it('is retried with the same key and form after a lost answer, and replays: run() ran once', async () => {
      const { fetcher, seen, loseAnswers } = recordingFetch();
      const keyed = createMindoffClient<UploadApis>({
        baseUrl: app.url,
        fetch: fetcher,
        retry: { attempts: 3, backoffMs: 10 },
      });
      await keyed.routes();
      const before = receiptRuns.length;
      loseAnswers(1);
      const result = await keyed.call('media__receipt', {
        version: 1,
        payload: { amount: 12 },
        files: scan(),
      });
      expect(result).toMatchObject({ ok: true, status: 200 });
      expect(result.ok && result.data.scan.sha256).toBe(sha256(pdf));
      const calls = seen.filter((s) => s.key !== null);
      expect(calls.map((s) => [s.status, s.replayed])).toEqual([
        ['lost', null],
        [200, 'true'],
      ]);
      expect(calls[1].key).toBe(calls[0].key);
      expect(receiptRuns.length).toBe(before + 1);
    });

    it('waits out a 409 in use with the same key and form, then gets the first call’s receipt', async () => {
      slowReceipts.reset();
      const { fetcher, seen } = recordingFetch();
      const keyed = createMindoffClient<UploadApis>({ baseUrl: app.url, fetch: fetcher });
      const key = randomUUID();
      const before = receiptRuns.length;
      const call = {
        version: 1,
        payload: { amount: 13, slow: true },
        files: scan(),
        idempotencyKey: key,
      } as const;
      const first = keyed.call('media__receipt', call);
      await waitUntil(() => receiptRuns.length === before + 1);
      const second = keyed.call('media__receipt', { ...call, retry: { attempts: 10 } });
      await waitUntil(() => seen.some((s) => s.status === 409));
      slowReceipts.open();
      const [a, b] = await Promise.all([first, second]);
      expect(a.ok && b.ok).toBe(true);
      expect(b.ok && b.data.receipt_id).toBe(a.ok && a.data.receipt_id);
      // The second call's first answer was the 409; a slow machine may see more than one.
      const statuses = seen.filter((s) => s.key === key).map((s) => s.status);
      expect(statuses[0]).toBe(409);
      expect(statuses.filter((status) => status === 200)).toHaveLength(2);
      expect(receiptRuns.length).toBe(before + 1);
    });

    it('answers IDEMPOTENCY_KEY_REUSED when the same key comes with another file', async () => {
      const key = randomUUID();
      const first = await client.call('media__receipt', {
        version: 1,
        payload: { amount: 14 },
        files: scan(),
        idempotencyKey: key,
      });
      expect(first.ok).toBe(true);
      const other = await client.call('media__receipt', {
        version: 1,
        payload: { amount: 14 },
        files: scan(otherPdf),
        idempotencyKey: key,
      });
      expect(other).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    });
  });
});
