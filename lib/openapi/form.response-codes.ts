import { megabytes } from './megabytes';

/**
 * The codes the form steps of an API with `files` can answer, in pipeline order, in place of the
 * JSON body's (the depth and schema codes follow as for JSON).
 *
 * @example
 * formCodes(2 * 1048576, add); // PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, MALFORMED_PAYLOAD, INVALID_PAYLOAD
 */
export function formCodes(
  maxPayloadBytes: number | null,
  add: (code: string, when: string) => void,
): void {
  if (maxPayloadBytes !== null) {
    add('PAYLOAD_TOO_LARGE', `the body is over ${megabytes(maxPayloadBytes)} MB`);
  }
  add('PAYLOAD_TOO_LARGE', "a file is over its field's maxSize");
  add(
    'UNSUPPORTED_MEDIA_TYPE',
    'the body is not declared multipart/form-data (JSON included: this API reads forms)',
  );
  add(
    'MALFORMED_PAYLOAD',
    'the form cannot be read (no boundary, cut short, a part without a name) or came with two Content-Type headers',
  );
  add(
    'INVALID_PAYLOAD',
    'a file is missing, undeclared, one too many or not of an accepted type (by its declared type or its first bytes), or the form has more than 1000 text fields',
  );
}
