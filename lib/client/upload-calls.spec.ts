import type { ApiContext } from '../interfaces/api-context.type';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import type { MindoffContext, UploadedFile } from '../interfaces/mindoff-context.interface';
import type { MindoffVersionMap } from '../versioning/mindoff-versions';
import { envelopeAnswer } from '../../test/support/fake-fetch';
import { assertType, type Equal } from '../../test/support/type-equal';
import {
  createMindoffClient,
  type FetchLike,
  type MindoffApisOf,
  type MindoffClient,
  type MindoffRouteTable,
  type UploadFile,
  type UploadFiles,
} from './index';

// Type-level checks of upload calls: `npx tsc -p tsconfig.json --noEmit` fails if any is wrong
// (each `@ts-expect-error` line must be refused). The classes exist for their types.

export const avatar = {
  urlName: 'files__avatar',
  name: 'Avatar',
  method: 'POST',
  payloadSchema: { user_name: String },
  files: { avatar: { types: ['image/png'] }, banner: { required: false } },
} satisfies MindoffApiOptions;

export const gallery = {
  urlName: 'files__gallery',
  name: 'Gallery',
  method: 'PUT',
  files: { photos: { maxCount: 3, required: false }, cover: { maxCount: 2 } },
} satisfies MindoffApiOptions;

export class AvatarV1Api {
  async run({ payload, files }: ApiContext<typeof avatar>) {
    // ctx.files as the declaration types it: the required single file is there.
    assertType<Equal<typeof files.avatar, [UploadedFile]>>(true);
    assertType<Equal<typeof files.banner, [] | [UploadedFile]>>(true);
    return { user_name: payload.user_name, size: files.avatar[0].size };
  }
}
export class GalleryV1Api {
  async run({ files }: ApiContext<typeof gallery>) {
    assertType<Equal<typeof files.photos, UploadedFile[]>>(true);
    assertType<Equal<typeof files.cover, [UploadedFile, ...UploadedFile[]]>>(true);
    return { count: files.photos.length + files.cover.length };
  }
}
export class NoteV1Api {
  async run({ payload }: MindoffContext<{ text: string }>) {
    return { text: payload.text };
  }
}

export declare const AvatarVersions: MindoffVersionMap<{ 1: typeof AvatarV1Api }>;
export declare const GalleryVersions: MindoffVersionMap<{ 1: typeof GalleryV1Api }>;
export declare const NoteVersions: MindoffVersionMap<{ 1: typeof NoteV1Api }>;

type Apis = MindoffApisOf<{
  files__avatar: typeof AvatarVersions;
  files__gallery: typeof GalleryVersions;
  notes__add: typeof NoteVersions;
}>;

assertType<Equal<Apis['files__avatar'][1]['files'], { avatar: UploadFile; banner?: UploadFile }>>(
  true,
);
assertType<Equal<Apis['files__gallery'][1]['files'], { cover: UploadFiles; photos?: UploadFiles }>>(
  true,
);
assertType<Equal<'files' extends keyof Apis['notes__add'][1] ? true : false, false>>(true);

/** The typed upload calls that must compile, and those that must not (each `@ts-expect-error`). */
async function typedCalls(client: ReturnType<typeof createMindoffClient<Apis>>, png: Blob) {
  await client.call('files__avatar', {
    version: 1,
    payload: { user_name: 'asha' },
    files: { avatar: png },
  });
  await client.call('files__avatar', {
    version: 1,
    payload: { user_name: 'asha' },
    files: { avatar: { data: new Uint8Array(4), filename: 'me.png', type: 'image/png' } },
  });
  await client.call('files__gallery', { version: 1, files: { cover: [png, png] } });
  await client.call('files__gallery', { version: 1, files: { cover: png, photos: [] } });
  // @ts-expect-error the avatar file is required
  await client.call('files__avatar', { version: 1, payload: { user_name: 'a' }, files: {} });
  // @ts-expect-error the files are required
  await client.call('files__avatar', { version: 1, payload: { user_name: 'a' } });
  await client.call('files__avatar', {
    version: 1,
    payload: { user_name: 'a' },
    // @ts-expect-error photo is not a file field of files__avatar
    files: { avatar: png, photo: png },
  });
  await client.call('files__avatar', {
    version: 1,
    payload: { user_name: 'a' },
    // @ts-expect-error avatar takes one file
    files: { avatar: [png, png] },
  });
  await client.call('files__avatar', {
    version: 1,
    payload: { user_name: 'a' },
    // @ts-expect-error a file needs its name when given as bytes
    files: { avatar: { data: new Uint8Array(4) } },
  });
  // @ts-expect-error notes__add takes no files
  await client.call('notes__add', { version: 1, payload: { text: 'x' }, files: { a: png } });
  // An untyped client takes any file field (the app refuses the ones it does not declare).
  await createMindoffClient().call('any__api', { version: 1, files: { anything: png } });
}
void typedCalls;

const ROUTES: MindoffRouteTable = {
  files__avatar: {
    '1': {
      method: 'POST',
      paths: ['/v1/files/avatar/'],
      queued: false,
      files: ['avatar', 'banner'],
      idempotency: { required: false },
    },
  },
  files__gallery: {
    '1': {
      method: 'PUT',
      paths: ['/v1/files/gallery/'],
      queued: false,
      files: ['photos', 'cover'],
    },
  },
  notes__add: { '1': { method: 'POST', paths: ['/v1/notes/add/'], queued: false } },
};

interface Sent {
  headers: Headers;
  body: RequestInit['body'];
}

/** A client whose fetch records each request and answers with the next of `answers` (then SUCCESS). */
function serve(answers: Response[] = []) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (_url, init) => {
    sent.push({ headers: new Headers(init.headers), body: init.body });
    return answers.shift() ?? envelopeAnswer('SUCCESS', { ok: true });
  };
  const client = createMindoffClient<Apis>({
    baseUrl: 'http://api.test',
    fetch,
    routes: ROUTES,
    headers: { 'Content-Type': 'application/json' },
    retry: { attempts: 3, backoffMs: 0 },
  });
  return { client, sent };
}

async function partsOf(body: RequestInit['body']): Promise<[string, string][]> {
  expect(body).toBeInstanceOf(FormData);
  const parts: [string, string][] = [];
  for (const [name, value] of body as FormData) {
    parts.push([name, typeof value === 'string' ? value : `${value.name}:${await value.text()}`]);
  }
  return parts;
}

describe('upload calls', () => {
  const png = new File(['png-bytes'], 'me.png', { type: 'image/png' });

  it('sends an API with files as multipart/form-data: the payload as text fields, then the files', async () => {
    const { client, sent } = serve();
    await client.call('files__avatar', {
      version: 1,
      payload: { user_name: 'asha' },
      files: { avatar: png },
    });
    expect(await partsOf(sent[0].body)).toEqual([
      ['user_name', 'asha'],
      ['avatar', 'me.png:png-bytes'],
    ]);
    // No Content-Type of the client's: fetch writes the form's, with its boundary.
    expect(sent[0].headers.get('content-type')).toBeNull();
  });

  it('sends a form even with no file, as the app reads only forms there', async () => {
    const { client, sent } = serve();
    // Untyped here: the typed client requires gallery's cover.
    await (client as MindoffClient).call('files__gallery', { version: 1 });
    expect(await partsOf(sent[0].body)).toEqual([]);
  });

  it('refuses files for an API that reads JSON, before any request', async () => {
    const { client, sent } = serve();
    await expect(
      client.call('notes__add', {
        version: 1,
        payload: { text: 'x' },
        files: { a: png } as never,
      }),
    ).rejects.toThrow(
      new TypeError('notes__add v1 takes no files (it declares no files: it reads JSON).'),
    );
    expect(sent).toEqual([]);
  });

  it('sends the same form with the same key again when an idempotent upload is retried', async () => {
    const busy = new Response(
      JSON.stringify({
        status: 'exception',
        message: { code: 'SERVICE_UNAVAILABLE', title: '', description: '', category: 'danger' },
        data: null,
      }),
      { status: 503, headers: { 'retry-after': '0' } },
    );
    const { client, sent } = serve([busy]);
    const result = await client.call('files__avatar', {
      version: 1,
      payload: { user_name: 'asha' },
      files: { avatar: { data: new TextEncoder().encode('raw'), filename: 'a.png' } },
    });
    expect(result.ok).toBe(true);
    expect(sent).toHaveLength(2);
    const [first, second] = sent;
    expect(second.headers.get('idempotency-key')).toBe(first.headers.get('idempotency-key'));
    expect(second.body).not.toBe(first.body);
    expect(await partsOf(second.body)).toEqual(await partsOf(first.body));
    expect(await partsOf(second.body)).toEqual([
      ['user_name', 'asha'],
      ['avatar', 'a.png:raw'],
    ]);
  });
});
