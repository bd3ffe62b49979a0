import { compileUploadRules } from '../uploads/upload-rules';
import { responseCodesFor, type ResponseCodeInputs } from './api-response-codes';

const api: ResponseCodeInputs = {
  method: 'POST',
  processMode: 'direct',
  auth: [],
  permissions: [],
  rate: null,
  maxPayloadBytes: 2 * 1024 * 1024,
  maxPayloadDepth: null,
  validation: 'strict',
  hasSchema: true,
  uploads: compileUploadRules({ avatar: { maxSize: 1 } }, 2),
};

describe('the response codes of an API with files', () => {
  it('describes the form refusals instead of the JSON ones', () => {
    const codes = responseCodesFor(api);
    const when = (code: string) => codes.find((c) => c.code === code)?.when;
    expect(codes.map((c) => c.code)).toEqual([
      'SUCCESS',
      'INVALID_METHOD',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'MALFORMED_PAYLOAD',
      'INVALID_PAYLOAD',
      'UNEXPECTED_ERR',
    ]);
    expect(when('PAYLOAD_TOO_LARGE')).toBe(
      "the body is over 2 MB, or a file is over its field's maxSize",
    );
    expect(when('UNSUPPORTED_MEDIA_TYPE')).toMatch(/not declared multipart\/form-data/);
    expect(when('INVALID_PAYLOAD')).toMatch(/^a file is missing.*, or the body does not match/);
  });

  it('keeps the JSON wording for APIs without files', () => {
    const codes = responseCodesFor({ ...api, uploads: null });
    expect(codes.find((c) => c.code === 'UNSUPPORTED_MEDIA_TYPE')?.when).toMatch(
      /application\/json/,
    );
  });
});
