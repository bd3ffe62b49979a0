/**
 * Why the payload step refused a request, from the refusal's code (and, for `INVALID_PAYLOAD`,
 * its issues): `size`, `depth`, `schema`, `malformed`, `media_type` or `not_allowed`; undefined
 * for a code that is no payload refusal.
 */
export function payloadRejection(code: string, data: unknown): string | undefined {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'size';
    case 'MALFORMED_PAYLOAD':
      return 'malformed';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'media_type';
    case 'PAYLOAD_NOT_ALLOWED':
      return 'not_allowed';
    case 'INVALID_PAYLOAD':
      return isTooDeep(data) ? 'depth' : 'schema';
    default:
      return undefined;
  }
}

function isTooDeep(data: unknown): boolean {
  return Array.isArray(data) && (data[0] as { code?: unknown } | undefined)?.code === 'too_deep';
}
