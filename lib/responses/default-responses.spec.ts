import { DEFAULT_RESPONSES, ResponseCodes } from './default-responses';
import { isEnvelopeHttpStatus } from './envelope-status';

describe('DEFAULT_RESPONSES', () => {
  it('holds the 46 built-in codes, each once', () => {
    const codes = DEFAULT_RESPONSES.map((r) => r.code);
    expect(codes).toHaveLength(46);
    expect(new Set(codes).size).toBe(46);
  });

  it('gives every built-in code a title, a description and an HTTP status that can carry an envelope', () => {
    for (const row of DEFAULT_RESPONSES) {
      expect(row.title.trim()).not.toBe('');
      expect(row.description.trim()).not.toBe('');
      expect(isEnvelopeHttpStatus(row.httpStatus)).toBe(true);
    }
  });

  it('keeps the documented wording and status of a few codes', () => {
    const byCode = new Map(DEFAULT_RESPONSES.map((r) => [r.code, r]));
    expect(byCode.get('UNEXPECTED_ERR')).toEqual({
      code: 'UNEXPECTED_ERR',
      title: 'Uh oh!',
      description: 'An Unexpected Error has occurred.',
      httpStatus: 500,
    });
    expect(byCode.get('RATE_LIMITED')?.httpStatus).toBe(429);
    expect(byCode.get('QUEUE_SERVICE_UNAVAILABLE')?.httpStatus).toBe(503);
    expect(byCode.get('RATE_LIMIT_UNAVAILABLE')?.httpStatus).toBe(503);
    expect(byCode.get('PAYLOAD_TOO_LARGE')?.httpStatus).toBe(413);
    expect(byCode.get('CREATED')?.httpStatus).toBe(200);
    expect(byCode.get('IDEMPOTENCY_KEY_IN_USE')?.httpStatus).toBe(409);
    expect(byCode.get('IDEMPOTENCY_KEY_REUSED')?.httpStatus).toBe(422);
    expect(byCode.get('IDEMPOTENCY_UNAVAILABLE')?.httpStatus).toBe(503);
  });
});

describe('ResponseCodes', () => {
  it('maps each built-in code name to itself', () => {
    expect(ResponseCodes.SUCCESS).toBe('SUCCESS');
    expect(ResponseCodes.QUEUE_TASK_NOT_RETRIABLE).toBe('QUEUE_TASK_NOT_RETRIABLE');
    expect(Object.keys(ResponseCodes)).toEqual(DEFAULT_RESPONSES.map((r) => r.code));
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(ResponseCodes)).toBe(true);
  });
});
