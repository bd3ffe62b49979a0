import { SkipThrottle } from '@nestjs/throttler';
import { MindoffApi, type MindoffContext } from 'mindoff';

/** `GET /api/v1/shop/get_profile/`. */
@SkipThrottle()
@MindoffApi({ urlName: 'shop__get_profile', name: 'Get Profile', method: 'GET' })
export class GetProfileV1Api {
  async run({ version }: MindoffContext) {
    return { name: 'Asha', membership: 'gold', version };
  }
}
