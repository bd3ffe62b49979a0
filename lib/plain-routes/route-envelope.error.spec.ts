import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  GatewayTimeoutException,
  GoneException,
  HttpException,
  InternalServerErrorException,
  Logger,
  MethodNotAllowedException,
  NotAcceptableException,
  NotFoundException,
  NotImplementedException,
  PayloadTooLargeException,
  PreconditionFailedException,
  RequestTimeoutException,
  ServiceUnavailableException,
  UnprocessableEntityException,
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

  it('maps HTTP exceptions by status to the codes of their meaning', () => {
    expect(
      [
        new BadRequestException(),
        new NotFoundException(),
        new MethodNotAllowedException(),
        new NotAcceptableException(),
        new RequestTimeoutException(),
        new ConflictException(),
        new GoneException(),
        new PreconditionFailedException(),
        new PayloadTooLargeException(),
        new UnsupportedMediaTypeException(),
        new UnprocessableEntityException(),
        new HttpException('slow down', 429),
        new NotImplementedException(),
        new BadGatewayException(),
        new ServiceUnavailableException(),
        new GatewayTimeoutException(),
      ].map(codeOf),
    ).toEqual([
      'VALIDATION_ERR',
      'RESOURCE_NOT_FOUND',
      'INVALID_METHOD',
      'NOT_ACCEPTABLE',
      'REQUEST_TIMEOUT',
      'CONFLICT',
      'GONE',
      'PRECONDITION_FAILED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'UNPROCESSABLE_ENTITY',
      'API_RATE_LIMITED',
      'NOT_IMPLEMENTED',
      'BAD_GATEWAY',
      'SERVICE_UNAVAILABLE',
      'GATEWAY_TIMEOUT',
    ]);
  });

  it('answers any other 4xx as VALIDATION_ERR and a plain 500 as UNEXPECTED_ERR, logged', () => {
    expect(codeOf(new HttpException('pay first', 402))).toBe('VALIDATION_ERR');
    expect(logged).not.toHaveBeenCalled();
    expect(codeOf(new InternalServerErrorException('pool exhausted'))).toBe('UNEXPECTED_ERR');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('pool exhausted'));
  });

  it('keeps the text of a 5xx the app chose as data.detail', () => {
    expect(routeEnvelopeError(new ServiceUnavailableException('maintenance'))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      data: { detail: 'maintenance' },
    });
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
