import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { duplicateFormType, missingFormType } from '../uploads/upload.messages';
import { countHeader } from './content-type.check';

const FORM_DATA = /^multipart\/form-data\s*(?:;|$)/i;
const ACCEPTED = ['multipart/form-data'];

/**
 * Refuses a body an API with `files` cannot read: more than one Content-Type header is
 * `MALFORMED_PAYLOAD`; none, or a type other than `multipart/form-data` (JSON included), is
 * `UNSUPPORTED_MEDIA_TYPE` naming multipart. The boundary is the parser's to judge.
 *
 * @example
 * checkFormDataType(raw); // passes 'multipart/form-data; boundary=x', throws on 'application/json'
 */
export function checkFormDataType(raw: IncomingMessage): void {
  const count = countHeader(raw.rawHeaders, 'content-type');
  if (count > 1) {
    throw new MindoffHttpError('MALFORMED_PAYLOAD', { error: duplicateFormType(count) });
  }
  const type = raw.headers['content-type'];
  if (type === undefined) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', {
      accepted: ACCEPTED,
      received: null,
      reason: missingFormType(),
    });
  }
  if (!FORM_DATA.test(type)) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', { accepted: ACCEPTED, received: type });
  }
}
