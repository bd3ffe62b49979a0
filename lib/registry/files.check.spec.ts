import { checkApiConfig } from './api-config.check';

const env = { hasRun: true, isStrategy: () => true };
const upload = { urlName: 'files__upload_avatar', name: 'Upload Avatar', method: 'post' };
const check = (extra: Record<string, unknown>) =>
  checkApiConfig('UploadAvatarV1Api', { ...upload, ...extra }, env);

describe('the startup check of files', () => {
  it('accepts sound file fields on a direct POST, PUT or PATCH', () => {
    for (const method of ['post', 'put', 'PATCH']) {
      expect(
        check({
          method,
          payloadSchema: { user_name: String },
          files: {
            avatar: { maxSize: 2, types: ['image/png', 'image/*'], maxCount: 1, required: true },
            docs: {},
          },
        }),
      ).toEqual([]);
    }
  });

  it.each([
    [
      { files: [] },
      "files [] must be an object of file fields, e.g. { avatar: { maxSize: 2, types: ['image/png', 'image/jpeg'], maxCount: 1 } }.",
    ],
    [{ files: {} }, 'files declares no file field; add one'],
    [
      { method: 'get', files: { avatar: {} } },
      "files is only read from a POST, PUT or PATCH body; a GET carries none: use method: 'post', or remove files.",
    ],
    [{ method: 'delete', files: { avatar: {} } }, 'a DELETE carries none'],
    [
      { processMode: 'queue', files: { avatar: {} } },
      "files cannot be queued (a task stores JSON only); use processMode: 'direct'",
    ],
    [
      { maxPayloadSize: null, files: { avatar: {} } },
      'maxPayloadSize cannot be null on an API with files: uploads are held in memory',
    ],
    [{ files: { avatar: 'png' } }, "files.avatar 'png' must be an object such as"],
    [
      { files: { avatar: { maxsize: 2 } } },
      'files.avatar.maxsize is not a file rule; the rules are maxSize, types, maxCount, required.',
    ],
    [
      { files: { avatar: { maxSize: 0 } } },
      'files.avatar.maxSize 0 must be a positive number of megabytes',
    ],
    [{ files: { avatar: { maxSize: '2' } } }, "files.avatar.maxSize '2' must be a positive number"],
    [
      { files: { avatar: { maxSize: 20 } } },
      "files.avatar.maxSize 20 is over the API's maxPayloadSize 10, which caps the whole request",
    ],
    [
      { maxPayloadSize: 1, files: { avatar: { maxSize: 2 } } },
      "maxSize 2 is over the API's maxPayloadSize 1",
    ],
    [{ files: { avatar: { maxCount: 0 } } }, 'files.avatar.maxCount 0 must be a whole number >= 1'],
    [{ files: { avatar: { maxCount: 1.5 } } }, 'files.avatar.maxCount 1.5 must be a whole number'],
    [
      { files: { avatar: { required: 'yes' } } },
      "files.avatar.required 'yes' must be true or false.",
    ],
    [
      { files: { avatar: { types: 'image/png' } } },
      "files.avatar.types 'image/png' must be a non-empty list",
    ],
    [{ files: { avatar: { types: [] } } }, 'files.avatar.types [] must be a non-empty list'],
    [
      { files: { avatar: { types: ['png'] } } },
      "files.avatar.types entry 'png' must be a content type 'type/subtype' (or 'type/*'), e.g. 'image/png'.",
    ],
    [{ files: { avatar: { types: ['image/png; q=1'] } } }, "entry 'image/png; q=1' must be"],
    [{ files: { avatar: { types: [7] } } }, 'files.avatar.types entry 7 must be'],
    [{ files: { ' ': {} } }, 'files has a blank field name'],
    [
      { payloadSchema: { avatar: String }, files: { avatar: {} } },
      'files.avatar is also a key of payloadSchema; a form field is either a file or a text value: rename one.',
    ],
  ])('reports %j, naming the class, the field and the fix', (extra, text) => {
    const problems = check(extra);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^UploadAvatarV1Api: (files|maxPayloadSize)/);
    expect(problems[0]).toContain(text);
  });

  it('lets a module default maxPayloadSize decide the cap (merged before the check)', () => {
    expect(check({ maxPayloadSize: 50, files: { avatar: { maxSize: 20 } } })).toEqual([]);
  });
});
