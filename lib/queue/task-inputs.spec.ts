import { withoutInputs } from './task-inputs';

describe('withoutInputs', () => {
  it("drops a task's inputs but keeps which API it called and the id of the request that enqueued it", () => {
    expect(
      withoutInputs({
        urlName: 'jobs__report',
        version: 2,
        payload: { secret: 1 },
        query: { q: '1' },
        params: { id: '7' },
        user: { id: 1 },
        requestId: 'req-9',
      }),
    ).toEqual({
      urlName: 'jobs__report',
      version: 2,
      payload: null,
      query: {},
      params: {},
      user: null,
      requestId: 'req-9',
    });
  });
});
