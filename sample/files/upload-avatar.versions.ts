import { MindoffVersions } from 'mindoff';
import { UploadAvatarV1Api } from './upload-avatar.v1.api';

export const UploadAvatarVersions = MindoffVersions.register({ 1: UploadAvatarV1Api });
