import { MindoffApi } from 'mindoff';

/** A public GET API. */
@MindoffApi({
  urlName: 'shop__get_profile',
  name: 'Get Profile',
  description: 'Get Profile API',
  method: 'GET',
})
export class GetProfileV1Api {
  async run() {
    return { name: 'Asha', email: 'asha@example.com', membership: 'gold' };
  }
}
