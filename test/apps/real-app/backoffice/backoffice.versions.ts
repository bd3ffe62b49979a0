import { MindoffVersions } from 'mindoff';
import { StatsV1Api } from './stats.v1.api';

/** A version map that `RouterModule` mounts at `backoffice`. */
export const BackofficeVersions = MindoffVersions.register({ 1: StatsV1Api });
