/**
 * The methods a route of `method` answers, as `INVALID_METHOD` lists them and `Allow` says
 * (RFC 9110 §10.2.1): a GET route answers HEAD too (§9.3.2), the one pipeline and one `run()`.
 *
 * @example
 * allowedMethods('GET'); // ['GET', 'HEAD']
 * allowHeader(allowedMethods('POST')); // 'POST'
 */
export function allowedMethods(method: string): readonly string[] {
  return method === 'GET' ? GET_AND_HEAD : [method];
}

/** The `Allow` field value of `methods`. */
export function allowHeader(methods: readonly string[]): string {
  return methods.join(', ');
}

const GET_AND_HEAD: readonly string[] = Object.freeze(['GET', 'HEAD']);
