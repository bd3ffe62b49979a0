import fc from 'fast-check';
import { METHODS } from 'node:http';
import { jsonText, validBody } from './hostile-fuzz.bodies';
import { JSON_TYPE, anyApi, api, make, ok, post, refused } from './hostile-fuzz.body-cases';
import { MY_ORDERS, PROFILE, httpRequest } from './hostile-fuzz.http';

// Generated requests aimed at the HTTP around the body: absurd headers, credentials, methods,
// versions, encoded paths, task endpoints, and GET bodies.

/** Headers Node's HTTP parser refuses before any route: no envelope can be expected. */
const ILLEGAL_HEADERS: [string, string][][] = [
  [['X-Huge', 'h'.repeat(20_000)]],
  Array.from({ length: 40 }, (_, i) => [`X-Many-${i}`, 'm'.repeat(500)] as [string, string]),
  [['X Bad', 'space in the name']],
  [['X-Bad(', 'paren in the name']],
  [['X-Ünï', 'non-ASCII name']],
  [['X-Nul', 'a\u0000b']],
  [['X-Del', 'a\u007fb']],
  [['Content-Length', '1']],
  [['Transfer-Encoding', 'chunked']],
  [['Expect', 'the-unexpected']],
];
/** Headers Node may or may not accept; if it does, the request is valid. */
const DOUBTFUL_HEADERS: [string, string][][] = [
  [['X-Latin', 'caf\u00e9']],
  [['Transfer-Encoding', 'identity']],
  [
    ['Host', 'localhost'],
    ['Host', 'example.com'],
  ],
  [['X-Folded', 'a\r\n b']],
];

export const absurdHeaders = fc
  .tuple(api, fc.nat(), fc.boolean())
  .chain(([target, pick, illegal]) =>
    validBody(target).map((body) => {
      const set = illegal ? ILLEGAL_HEADERS : DOUBTFUL_HEADERS;
      const bytes = post(target, jsonText(body), {
        headers: [JSON_TYPE, ...set[pick % set.length]!],
      });
      const expect = illegal
        ? { codes: '4xx' as const, httpLayer: true }
        : { ...ok(target), httpLayer: true };
      return make('absurd headers', bytes, expect);
    }),
  );

export const authorization = fc
  .tuple(
    fc.constantFrom('Bearer ', 'Basic ', 'bearer ', '', 'Bearer  '),
    fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~+/='), maxLength: 8_000 }),
  )
  .map(([scheme, token]) =>
    make(
      'authorization',
      httpRequest({
        method: 'GET',
        target: MY_ORDERS.path,
        headers: [['Authorization', scheme + token]],
      }),
      { codes: '4xx' },
    ),
  );

const OTHER_METHODS = METHODS.filter((m) => !['POST', 'GET', 'HEAD', 'CONNECT'].includes(m));

export const methods = fc
  .tuple(
    anyApi,
    fc.constantFrom(...OTHER_METHODS, 'GET', 'POST', 'HEAD', 'FOO', 'get', 'P0ST'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([target, method, withBody, typed]) => {
    const bytes = httpRequest({
      method,
      target: target.path,
      headers: typed ? [JSON_TYPE] : [],
      body: withBody ? Buffer.from('{"not":"read"}') : undefined,
    });
    if (method === 'HEAD') return make('methods', bytes, { codes: '4xx', head: true });
    if (method === target.method) {
      const codes = [target.okCode, 'INVALID_PAYLOAD', 'UNSUPPORTED_MEDIA_TYPE'];
      return make('methods', bytes, refused(...codes));
    }
    if (!METHODS.includes(method)) return make('methods', bytes, { codes: '4xx', httpLayer: true });
    // Fastify requires a Content-Type on QUERY before any route runs.
    const untypedQuery = method === 'QUERY' && !typed ? ['UNSUPPORTED_MEDIA_TYPE'] : [];
    return make('methods', bytes, refused('INVALID_METHOD', 'ROUTE_NOT_FOUND', ...untypedQuery));
  });

const VERSIONS = [
  '/v0/',
  '/v3/',
  '/v9/',
  '/v1.5/',
  '/v-1/',
  '/v/',
  '/v01/',
  '/v99999999999999999999/',
];
const HTTP_VERSIONS = [
  'HTTP/1.2',
  'HTTP/2.0',
  'HTTP/0.9',
  'HTTP/9.9',
  'HTTP/1',
  'HTTPS/1.1',
  'http/1.1',
];

export const versions = fc
  .tuple(anyApi, fc.constantFrom(...VERSIONS), fc.constantFrom(...HTTP_VERSIONS), fc.boolean())
  .chain(([target, version, http, apiVersion]) =>
    validBody(target).map((body) => {
      const parts = {
        method: target.method,
        headers: [JSON_TYPE],
        body: target.method === 'POST' ? Buffer.from(jsonText(body)) : undefined,
      };
      if (apiVersion) {
        const path = target.path.replace(/^\/v\d+\//, version);
        return make(
          'versions',
          httpRequest({ ...parts, target: path }),
          refused('INVALID_API_VERSION'),
        );
      }
      const bytes = httpRequest({ ...parts, target: target.path, version: http });
      return make('versions', bytes, { ...ok(target), httpLayer: true });
    }),
  );

/** The API's path in forms the router may or may not serve. */
function pathForms(path: string, pick: number): [string, boolean] {
  const [, version, app, name] = /^\/(v\d+)\/([^/]+)\/([^/]+)\/$/.exec(path)!;
  const encode = (s: string, i: number) =>
    s.slice(0, i) + `%${s.charCodeAt(i).toString(16).toUpperCase()}` + s.slice(i + 1);
  const forms: [string, boolean][] = [
    [`/${version}/${app}/${encode(name!, pick % name!.length)}/`, false],
    [`/%76${version!.slice(1)}/${app}/${name}/`, false],
    [`/${version}/${app}%2F${name}/`, false],
    [`/${version}/${app}/${name!.toUpperCase()}/`, false],
    [`//${version}//${app}/${name}`, false],
    [`/${version}/${app}/./${name}/`, false],
    [`/${version}/shop/../${app}/${name}/`, false],
    [`/${version}/${app}/${name}%ZZ/`, false],
    [`/${version}/${app}/${name}%/`, false],
    [`/${version}/${app}/${name}%E0%A4/`, false],
    [`/${version}/${app}/${name}%00/`, false],
    [`/${version}/${app}/%C0%AF${name}/`, false],
    [`/${version}/${app}/${name}/${'x'.repeat(5_000)}`, false],
    [`http://localhost/${version}/${app}/${name}/`, false],
    [`/${version}/${app}/${name}\u00e9/`, true],
  ];
  return forms[pick % forms.length]!;
}

export const encodedPaths = fc.tuple(anyApi, fc.nat()).chain(([target, pick]) =>
  validBody(target).map((body) => {
    const [path, rawBytes] = pathForms(target.path, pick);
    const bytes = httpRequest({
      method: target.method,
      target: path,
      headers: [JSON_TYPE],
      body: target.method === 'POST' ? Buffer.from(jsonText(body)) : undefined,
    });
    const codes = [target.okCode, 'ROUTE_NOT_FOUND', 'INVALID_API_VERSION'];
    // The sample serves orders/get_order (GET) at the pattern orders/:order_id, which takes any
    // one segment after orders/: another method there is INVALID_METHOD, a non-integer id
    // INVALID_PAYLOAD.
    if (target.path.includes('/orders/')) codes.push('INVALID_METHOD', 'INVALID_PAYLOAD');
    return make('encoded paths', bytes, { codes, httpLayer: rawBytes });
  }),
);

export const tasks = fc
  .tuple(
    fc.oneof(
      fc.uuid(),
      fc.stringMatching(/^[a-z0-9-]{1,40}$/),
      fc.constantFrom('%ZZ', '%2F..', 'x'.repeat(2_000)),
    ),
    fc.constantFrom('', 'stream/', 'stream-ticket/', 'cancel/', 'retry/'),
    fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
  )
  .map(([id, rest, method]) =>
    make('task endpoints', httpRequest({ method, target: `/mindoff/queue/${id}/${rest}` }), {
      codes: '4xx',
    }),
  );

/** GET reads no body: whatever is sent with it (and however it is typed) is ignored. */
export const getWithJunk = fc
  .tuple(
    fc.uint8Array({ maxLength: 2_000 }),
    fc.constantFrom<[string, string][]>(
      [],
      [JSON_TYPE],
      [['Content-Type', 'text/plain'], JSON_TYPE],
    ),
  )
  .map(([junk, headers]) =>
    make(
      'GET with a body',
      httpRequest({ method: 'GET', target: PROFILE.path, headers, body: Buffer.from(junk) }),
      ok(PROFILE),
    ),
  );
