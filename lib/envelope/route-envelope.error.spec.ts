import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  Logger,
  MethodNotAllowedException,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { MindoffValidationError } from '../responses';
import { routeEnvelopeError } from './route-envelope.error';

const codeOf = (exception: unknown) => routeEnvelopeError(exception).code;

describe('routeEnvelopeError', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('maps HTTP exceptions by status to the catalog codes', () => {
    expect(
      [
        new BadRequestException(),
        new NotFoundException(),
        new MethodNotAllowedException(),
        new PayloadTooLargeException(),
        new UnsupportedMediaTypeException(),
        new HttpException('slow down', 429),
      ].map(codeOf),
    ).toEqual([
      'VALIDATION_ERR',
      'ROUTE_NOT_FOUND',
      'INVALID_METHOD',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'API_RATE_LIMITED',
    ]);
  });

  it('answers any other 4xx as VALIDATION_ERR and a 5xx as UNEXPECTED_ERR, logged', () => {
    expect(codeOf(new ConflictException())).toBe('VALIDATION_ERR');
    expect(logged).not.toHaveBeenCalled();
    expect(codeOf(new InternalServerErrorException('pool exhausted'))).toBe('UNEXPECTED_ERR');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('pool exhausted'));
  });

  it('keeps the message the app gave an exception as data.detail, but not the standard phrase', () => {
    expect(routeEnvelopeError(new NotFoundException('No order o_9')).data).toEqual({
      detail: 'No order o_9',
    });
    expect(routeEnvelopeError(new NotFoundException()).data).toEqual([]);
  });

  it("answers ThrottlerGuard's exception with API_RATE_LIMITED as a warning", () => {
    expect(routeEnvelopeError(new ThrottlerException())).toMatchObject({
      code: 'API_RATE_LIMITED',
      category: 'warning',
    });
  });

  it('answers a ValidationPipe rejection with INVALID_PAYLOAD and its issues', () => {
    const error = routeEnvelopeError(new BadRequestException(['qty must be a number']));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.data).toEqual([{ path: 'qty', code: 'schema', message: 'qty must be a number' }]);
  });

  it('answers a body parser error as its kind, also when Nest wrapped it', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected end'), {
      type: 'entity.parse.failed',
    });
    const fastifyError = Object.assign(new Error('Body is not valid JSON'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(codeOf(new BadRequestException('Unexpected end', { cause: parserError }))).toBe(
      'MALFORMED_PAYLOAD',
    );
    expect(codeOf(new HttpException('Body is not valid JSON', 400, { cause: fastifyError }))).toBe(
      'MALFORMED_PAYLOAD',
    );
  });

  it("keeps mindoff's own errors' codes and answers anything else as UNEXPECTED_ERR", () => {
    expect(codeOf(new MindoffValidationError({ code: 'VALIDATION_ERR' }))).toBe('VALIDATION_ERR');
    expect(routeEnvelopeError(new TypeError('x is undefined'))).toEqual({
      code: 'UNEXPECTED_ERR',
      data: [],
      headers: {},
    });
  });
});
