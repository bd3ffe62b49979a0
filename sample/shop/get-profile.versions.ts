import { MindoffVersions } from 'mindoff';
import { GetProfileV1Api } from './get-profile.v1.api';

export const GetProfileVersions = MindoffVersions.register({ 1: GetProfileV1Api });
