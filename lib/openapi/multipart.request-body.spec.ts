import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { compileApi } from '../registry/compiled-api';
import { Optional } from '../validation';
import type { PayloadSchemaContext } from './payload.json-schema';
import { requestBodyFor } from './request-body';

class UploadAvatarV1Api {}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

const body = (fields: Partial<MindoffApiOptions>) =>
  requestBodyFor(
    compileApi(
      UploadAvatarV1Api,
      { urlName: 'files__upload_avatar', name: 'Upload', method: 'post', ...fields },
      {
        version: 1,
        apiPath: 'files/upload_avatar',
        apiPaths: ['files/upload_avatar'],
        versions: [1],
      },
      [],
    ),
    context,
  );

const context: PayloadSchemaContext = {
  dialect: '3.1',
  components: {},
  isSwaggerModel: () => false,
};

describe('the request body of an API with files', () => {
  it('is multipart/form-data: payload fields as text, files as binary, types as encoding', () => {
    expect(
      body({
        payloadSchema: { user_name: String, note: Optional(String) },
        payloadValidation: 'strict',
        maxPayloadSize: 2,
        files: { avatar: { maxSize: 1, types: ['image/png', 'image/jpeg'] } },
      }),
    ).toEqual({
      required: true,
      description:
        'multipart/form-data, at most 2 MB in all. The text fields are the payload (checked in strict mode); the file fields are avatar (required: avatar). Files are checked by declared type and, for png, jpeg, gif, webp and pdf, by their first bytes.',
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              user_name: { type: 'string' },
              note: { type: ['string', 'null'] },
              avatar: {
                type: 'string',
                format: 'binary',
                description: 'A file: image/png or image/jpeg, at most 1 MB.',
              },
            },
            required: ['user_name', 'avatar'],
          },
          encoding: { avatar: { contentType: 'image/png, image/jpeg' } },
        },
      },
    });
  });

  it('lists a field of several files as an array, optional fields out of required', () => {
    const described = body({
      files: { photos: { maxCount: 3, required: false }, doc: { types: ['application/pdf'] } },
    })!;
    const media = (described.content as Record<string, Json>)['multipart/form-data']!;
    expect(media.schema).toEqual({
      type: 'object',
      properties: {
        photos: {
          type: 'array',
          items: { type: 'string', format: 'binary' },
          maxItems: 3,
          description: 'Up to 3 files: any type, at most 10 MB each.',
        },
        doc: {
          type: 'string',
          format: 'binary',
          description: 'A file: application/pdf, at most 10 MB.',
        },
      },
      required: ['doc'],
    });
    expect(media.encoding).toEqual({ doc: { contentType: 'application/pdf' } });
    expect(described.description).toMatch(
      /^multipart\/form-data, at most 10 MB in all\. The text fields are the payload \(not validated\)/,
    );
  });

  it('says no text fields are taken when validation is on without a schema', () => {
    const described = body({ payloadValidation: 'basic', files: { f: { required: false } } })!;
    expect(described.required).toBe(false);
    expect(described.description).toMatch(/It takes no text fields; the file fields are f\./);
  });

  it('puts a payload schema that is no plain object beside the files (allOf)', () => {
    const described = body({
      payloadSchema: {
        '~standard': {
          version: 1,
          vendor: 'x',
          validate: (v: unknown) => ({ value: v }),
          jsonSchema: { input: () => ({ $ref: '#/x' }) },
        },
      } as never,
      payloadValidation: 'strict',
      files: { f: {} },
    })!;
    const schema = (described.content as Record<string, Json>)['multipart/form-data']!.schema;
    expect(schema.allOf).toHaveLength(2);
    expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/UploadAvatarV1ApiPayload' });
    expect(schema.allOf[1]).toMatchObject({ type: 'object', required: ['f'] });
  });
});
