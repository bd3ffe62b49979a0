import { Throttle } from '@nestjs/throttler';
import { MindoffApi } from 'mindoff';

/**
 * `GET /api/v1/shop/get_offers/`: the one mindoff API the app's global `ThrottlerGuard` counts
 * (2 per minute); every other API here is marked `@SkipThrottle()`.
 */
@Throttle({ default: { limit: 2, ttl: 60_000 } })
@MindoffApi({ urlName: 'shop__get_offers', name: 'Get Offers', method: 'GET' })
export class GetOffersV1Api {
  async run() {
    return [{ sku: 'tea', discount_percent: 10 }];
  }
}
