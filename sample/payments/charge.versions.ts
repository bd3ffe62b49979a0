import { MindoffVersions } from 'mindoff';
import { ChargeV1Api } from './charge.v1.api';

export const ChargeVersions = MindoffVersions.register({ 1: ChargeV1Api });
