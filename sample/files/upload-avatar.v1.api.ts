import { MindoffApi, type ApiContext, type MindoffApiOptions } from 'mindoff';

const uploadAvatar = {
  urlName: 'files__upload_avatar',
  name: 'Upload Avatar',
  description: 'Upload Avatar API: multipart/form-data with user_name and one avatar image',
  method: 'POST',
  payloadSchema: { user_name: String },
  payloadValidation: 'strict',
  files: { avatar: { maxSize: 1, types: ['image/png', 'image/jpeg'] } },
  maxPayloadSize: 2,
} satisfies MindoffApiOptions;

/**
 * A multipart upload: the text field `user_name` is the payload, the file `avatar` (one png or
 * jpeg, at most 1 MB) arrives in `ctx.files`, in memory. `ApiContext` types both from the
 * declaration, and so `mindoff/client` knows the call takes one `avatar` file.
 */
@MindoffApi(uploadAvatar)
export class UploadAvatarV1Api {
  async run({ payload, files }: ApiContext<typeof uploadAvatar>) {
    const [avatar] = files.avatar;
    return {
      user_name: payload.user_name,
      file_name: avatar.name,
      content_type: avatar.type,
      size: avatar.size,
    };
  }
}
