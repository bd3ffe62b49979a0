import { Logger } from '@nestjs/common';
import { BrokerUnavailableError } from './broker-unavailable.error';
import { toEnvelopeError } from './to-envelope-error';

const codeOf = (error: unknown) => toEnvelopeError(error).code;

describe('toEnvelopeError', () => {
  it('answers an unreachable queue broker with QUEUE_SERVICE_UNAVAILABLE', () => {
    expect(codeOf(new BrokerUnavailableError('down'))).toBe('QUEUE_SERVICE_UNAVAILABLE');
  });

  it('answers any 4xx refusal of fastify or a body parser by its kind, never as a 500', () => {
    const fastify = (code: string, statusCode: number) =>
      Object.assign(new Error(code), { code, statusCode });
    expect(codeOf(fastify('FST_ERR_SOMETHING_NEW', 413))).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(fastify('FST_ERR_SOMETHING_NEW', 400))).toBe('VALIDATION_ERR');
    expect(codeOf(fastify('FST_ERR_SOMETHING_NEW', 415))).toBe('UNSUPPORTED_MEDIA_TYPE');
    const parser = Object.assign(new Error('charset'), {
      type: 'charset.unsupported',
      status: 415,
    });
    expect(codeOf(parser)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps a framework 5xx and foreign errors with a status unexpected (logged)', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(codeOf(Object.assign(new Error('x'), { code: 'FST_ERR_X', statusCode: 500 }))).toBe(
        'UNEXPECTED_ERR',
      );
      expect(codeOf(Object.assign(new Error('db'), { statusCode: 400 }))).toBe('UNEXPECTED_ERR');
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      log.mockRestore();
    }
  });
});
