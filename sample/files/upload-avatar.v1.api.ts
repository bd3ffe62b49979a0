import { MindoffApi, type Infer, type MindoffContext } from 'mindoff';

const schema = { user_name: String };

/**
 * A multipart upload: the text field `user_name` is the payload, the file `avatar` (one png or
 * jpeg, at most 1 MB) arrives in `ctx.files`, in memory.
 */
@MindoffApi({
  urlName: 'files__upload_avatar',
  name: 'Upload Avatar',
  description: 'Upload Avatar API: multipart/form-data with user_name and one avatar image',
  method: 'POST',
  payloadSchema: schema,
  payloadValidation: 'strict',
  files: { avatar: { maxSize: 1, types: ['image/png', 'image/jpeg'], maxCount: 1 } },
  maxPayloadSize: 2,
})
export class UploadAvatarV1Api {
  async run({ payload, files }: MindoffContext<Infer<typeof schema>>) {
    const [avatar] = files.avatar;
    return {
      user_name: payload.user_name,
      file_name: avatar.name,
      content_type: avatar.type,
      size: avatar.size,
    };
  }
}
