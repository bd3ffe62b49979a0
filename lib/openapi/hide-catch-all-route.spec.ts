import { DECORATORS } from '@nestjs/swagger';
import { MindoffApi } from '../decorators/mindoff-api.decorator';
import { MINDOFF_HANDLER } from '../routing/mindoff-route.handler';
import { SWAGGER_EXCLUDE_ENDPOINT } from './hide-catch-all-route';

@MindoffApi({ urlName: 'docs__hidden', name: 'Hidden', method: 'GET' })
class HiddenV1Api {
  run() {
    return {};
  }
}

describe("mindoff's catch-all route in swagger's scan", () => {
  it("uses swagger's own exclude-endpoint key", () => {
    expect(SWAGGER_EXCLUDE_ENDPOINT).toBe(DECORATORS.API_EXCLUDE_ENDPOINT);
  });

  it('is excluded on every API class, so swagger never lists it once per HTTP method', () => {
    const handler = (HiddenV1Api.prototype as unknown as Record<string, object>)[MINDOFF_HANDLER];
    expect(Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handler)).toEqual({
      disable: true,
    });
  });
});
