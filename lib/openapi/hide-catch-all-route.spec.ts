import { DECORATORS } from '@nestjs/swagger';
import { handleMindoffRequest } from '../routing/mindoff-route.handler';
import { SWAGGER_EXCLUDE_ENDPOINT } from './hide-catch-all-route';

describe("mindoff's catch-all route in swagger's scan", () => {
  it("uses swagger's own exclude-endpoint key", () => {
    expect(SWAGGER_EXCLUDE_ENDPOINT).toBe(DECORATORS.API_EXCLUDE_ENDPOINT);
  });

  it('is excluded, so swagger never lists it once per HTTP method', () => {
    expect(Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handleMindoffRequest)).toEqual({
      disable: true,
    });
  });
});
