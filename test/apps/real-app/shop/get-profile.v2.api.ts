import { MindoffApi } from 'mindoff';
import { GetProfileV1Api } from './get-profile.v1.api';

/** `GET /api/v2/shop/get_profile/`: the same answer; `@SkipThrottle()` is inherited. */
@MindoffApi({ urlName: 'shop__get_profile', name: 'Get Profile', method: 'GET' })
export class GetProfileV2Api extends GetProfileV1Api {}
