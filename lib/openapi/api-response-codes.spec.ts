import type { CanActivate } from '@nestjs/common';
import { AllowAny } from '../permissions/allow-any.permission';
import { IsAuthenticated } from '../permissions/is-authenticated.permission';
import { parseRate, rateLimitPolicy } from '../throttling';
import { responseCodesFor, type ResponseCodeInputs } from './api-response-codes';

const api = (fields: Partial<ResponseCodeInputs> = {}): ResponseCodeInputs => ({
  method: 'POST',
  processMode: 'direct',
  auth: [],
  permissions: [],
  rate: rateLimitPolicy('orders__create_order:request', parseRate('30/m')),
  maxPayloadBytes: 10 * 1024 * 1024,
  maxPayloadDepth: null,
  validation: 'strict',
  hasSchema: true,
  ...fields,
});

const codes = (fields?: Partial<ResponseCodeInputs>, declared?: string[]) =>
  responseCodesFor(api(fields), declared).map(({ code }) => code);

describe('responseCodesFor', () => {
  it('lists, for a public POST API with a schema, the codes of the pipeline in its order', () => {
    expect(codes()).toEqual([
      'SUCCESS',
      'INVALID_METHOD',
      'API_RATE_LIMITED',
      'RATE_LIMIT_UNAVAILABLE',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'MALFORMED_PAYLOAD',
      'INVALID_PAYLOAD',
      'UNEXPECTED_ERR',
    ]);
  });

  it('reads no body codes for GET and DELETE, whose bodies are never read', () => {
    expect(codes({ method: 'GET' })).toEqual([
      'SUCCESS',
      'INVALID_METHOD',
      'API_RATE_LIMITED',
      'RATE_LIMIT_UNAVAILABLE',
      'UNEXPECTED_ERR',
    ]);
    expect(codes({ method: 'DELETE', rate: null })).toEqual([
      'SUCCESS',
      'INVALID_METHOD',
      'UNEXPECTED_ERR',
    ]);
  });

  it('drops the limits an API switched off', () => {
    const found = codes({ rate: null, maxPayloadBytes: null, validation: null });
    expect(found).not.toContain('API_RATE_LIMITED');
    expect(found).not.toContain('PAYLOAD_TOO_LARGE');
    expect(found).not.toContain('INVALID_PAYLOAD');
  });

  it('answers INVALID_PAYLOAD for a too deep body even without validation, saying why', () => {
    const found = responseCodesFor(api({ validation: null, maxPayloadDepth: 3 }));
    expect(found.find((c) => c.code === 'INVALID_PAYLOAD')?.when).toBe(
      'the body is nested deeper than 3 level(s)',
    );
    const both = responseCodesFor(api({ maxPayloadDepth: 3 }));
    expect(both.filter((c) => c.code === 'INVALID_PAYLOAD')).toHaveLength(1);
    expect(both.find((c) => c.code === 'INVALID_PAYLOAD')?.when).toMatch(
      /deeper than 3.*, or the body does not match/,
    );
  });

  it('answers PAYLOAD_NOT_ALLOWED when validation is on and there is no schema', () => {
    const found = codes({ hasSchema: false });
    expect(found).toContain('PAYLOAD_NOT_ALLOWED');
    expect(found).not.toContain('INVALID_PAYLOAD');
  });

  it('adds AUTHENTICATION_FAILED for auth, and NOT_AUTHENTICATED and PERMISSION_DENIED for refusing permissions', () => {
    const permission = new IsAuthenticated() as CanActivate;
    expect(codes({ auth: ['bearer'] })).toContain('AUTHENTICATION_FAILED');
    expect(codes({ auth: ['bearer'] })).not.toContain('PERMISSION_DENIED');
    expect(codes({ auth: ['bearer'], permissions: [permission] }).slice(0, 5)).toEqual([
      'SUCCESS',
      'API_RATE_LIMITED',
      'AUTHENTICATION_FAILED',
      'NOT_AUTHENTICATED',
      'PERMISSION_DENIED',
    ]);
    expect(codes({ permissions: [permission] })).not.toContain('NOT_AUTHENTICATED');
    expect(codes({ permissions: [permission] })).toContain('PERMISSION_DENIED');
  });

  it('counts failed authentications: an API with auth may answer API_RATE_LIMITED and RATE_LIMIT_UNAVAILABLE even without a request limit', () => {
    const found = responseCodesFor(api({ auth: ['bearer'], rate: null }));
    expect(found.find((c) => c.code === 'API_RATE_LIMITED')?.when).toBe(
      'too many failed authentications from the client address',
    );
    expect(found.map((c) => c.code)).toContain('RATE_LIMIT_UNAVAILABLE');
    expect(codes({ rate: null })).not.toContain('RATE_LIMIT_UNAVAILABLE');
  });

  it('adds no permission codes when every permission is AllowAny', () => {
    const found = codes({ auth: ['bearer'], permissions: [new AllowAny()] });
    expect(found).not.toContain('PERMISSION_DENIED');
    expect(found).not.toContain('NOT_AUTHENTICATED');
  });

  it('answers QUEUED instead of SUCCESS in queue mode, and may answer QUEUE_SERVICE_UNAVAILABLE', () => {
    expect(codes({ processMode: 'queue' })).toEqual([
      'QUEUED',
      'INVALID_METHOD',
      'API_RATE_LIMITED',
      'RATE_LIMIT_UNAVAILABLE',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'MALFORMED_PAYLOAD',
      'INVALID_PAYLOAD',
      'QUEUE_SERVICE_UNAVAILABLE',
      'UNEXPECTED_ERR',
    ]);
  });

  it("puts the API's declared codes after the success code, once each", () => {
    expect(
      codes({ method: 'GET', rate: null }, ['ORDER_CREATED', 'VALIDATION_ERR', 'SUCCESS']),
    ).toEqual(['SUCCESS', 'ORDER_CREATED', 'VALIDATION_ERR', 'INVALID_METHOD', 'UNEXPECTED_ERR']);
  });

  it("says when each code is answered, with the API's own figures", () => {
    const found = responseCodesFor(api({ maxPayloadBytes: 2 * 1024 * 1024 }));
    expect(found.find((c) => c.code === 'INVALID_METHOD')?.when).toBe('the method is not POST');
    expect(found.find((c) => c.code === 'API_RATE_LIMITED')?.when).toBe(
      'more than 30/m requests per user or IP',
    );
    expect(found.find((c) => c.code === 'PAYLOAD_TOO_LARGE')?.when).toBe('the body is over 2 MB');
  });
});
