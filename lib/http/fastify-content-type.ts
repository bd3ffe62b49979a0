/**
 * What fastify is told of a Content-Type it cannot parse (an empty value, no `type/subtype`...) on a
 * mindoff route: "valid", so that fastify hands the request on rather than answering 415 itself
 * ahead of auth, the method and the rate limit. mindoff's pipeline then judges the type as it does
 * on express (`UNSUPPORTED_MEDIA_TYPE`, or `MALFORMED_PAYLOAD` for a repeated header). Like fastify
 * for an invalid type, it names no media type.
 */
const UNJUDGED = Object.freeze({
  isValid: true,
  isEmpty: false,
  mediaType: undefined,
  type: '',
  subtype: '',
  parameters: new Map<string, string>(),
});

let contentTypeKey: symbol | undefined;

/**
 * Keeps fastify from refusing the Content-Type of a request to a mindoff route. Fastify caches its
 * parse of the header under a symbol it does not export (`fastify.request.contentType`); the parse
 * is made through the public `mediaType` getter and, when invalid, replaced. Should a fastify
 * version rename the symbol, nothing changes: fastify answers such types 415 itself, as before.
 */
export function leaveContentTypeToPipeline(request: object): void {
  const typed = request as { headers?: Record<string, unknown>; mediaType?: unknown };
  if (typed.headers?.['content-type'] === undefined) return;
  void typed.mediaType;
  contentTypeKey ??= Object.getOwnPropertySymbols(request).find(
    (symbol) => symbol.description === 'fastify.request.contentType',
  );
  if (!contentTypeKey) return;
  const fields = request as Record<symbol, { isValid?: boolean } | undefined>;
  if (fields[contentTypeKey]?.isValid === false) fields[contentTypeKey] = UNJUDGED;
}
