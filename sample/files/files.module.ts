import { Module } from '@nestjs/common';
import { UploadAvatarVersions } from './upload-avatar.versions';

/** The `files` app: multipart uploads, `/v<n>/files/...`. */
@Module({ imports: [UploadAvatarVersions] })
export class FilesModule {}
