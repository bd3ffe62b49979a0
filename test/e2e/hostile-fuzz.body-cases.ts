import fc from 'fast-check';
import {
  BAD_UTF8,
  INJECTIONS,
  jsonText,
  nestedText,
  validBody,
  withMembers,
  wrongTypeBody,
} from './hostile-fuzz.bodies';
import {
  BODY_APIS,
  PROFILE,
  httpRequest,
  type Expectation,
  type FuzzCase,
  type RequestParts,
  type SampleApi,
} from './hostile-fuzz.http';

// Generated requests aimed at the body rules: valid ones, malformed, mistyped, deep, wide,
// prototype-polluting, not UTF-8, wrongly typed, too large or abandoned.

export const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];
/** One of the sample's APIs that take a body. */
export const api = fc.constantFrom(...BODY_APIS);
/** One of those, or a GET API. */
export const anyApi = fc.constantFrom(...BODY_APIS, PROFILE);

/** The request is valid: the API's success code. */
export const ok = (target: SampleApi): Expectation => ({ codes: [target.okCode] });
/** The request is refused with one of `codes`. */
export const refused = (...codes: string[]): Expectation => ({ codes });
/** A JSON POST of `body` to `target`, with `extra` parts overriding the defaults. */
export const post = (target: SampleApi, body: string | Buffer, extra: Partial<RequestParts> = {}) =>
  httpRequest({
    method: 'POST',
    target: target.path,
    headers: [JSON_TYPE],
    body: Buffer.from(body),
    ...extra,
  });
/** A generated case of `kind`. */
export const make = (kind: string, bytes: Buffer, expect: Expectation, endAfterWrite = false) =>
  ({ kind, bytes, expect, endAfterWrite }) satisfies FuzzCase;

export const VALID_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'APPLICATION/JSON; CHARSET="utf8"',
  'application/json; foo=bar',
];
const QUERIES = ['', '?a=1', '?__proto__[polluted]=1&constructor[prototype][polluted]=1', '?a=%ZZ'];

/** A request the API accepts, with benign variations of its framing, headers and URL. */
export const valid = fc
  .record({
    target: api,
    type: fc.constantFrom(...VALID_TYPES),
    chunked: fc.boolean(),
    http10: fc.boolean(),
    slash: fc.boolean(),
    query: fc.constantFrom(...QUERIES),
    extra: fc.constantFrom<[string, string][]>(
      [],
      Array.from({ length: 100 }, (_, i) => ['X-Dup', `${i}`]),
      [['X-Big', 'b'.repeat(12_000)]],
      [["X-!#$%&'*+.^_|~", 'odd but legal']],
      [['Expect', '100-continue']],
    ),
  })
  .chain((r) =>
    validBody(r.target).map((body) => {
      const path = r.slash ? r.target.path : r.target.path.slice(0, -1);
      const bytes = httpRequest({
        method: 'POST',
        target: path + r.query,
        version: r.http10 ? 'HTTP/1.0' : 'HTTP/1.1',
        headers: [['Content-Type', r.type], ...r.extra],
        body: Buffer.from(jsonText(body)),
        framing: r.chunked && !r.http10 ? 'chunked' : 'length',
      });
      return make('valid', bytes, ok(r.target));
    }),
  );

/** Valid JSON text cut short, corrupted, or replaced with junk. */
export const malformed = fc
  .tuple(api, fc.nat(), fc.nat(), fc.constantFrom(...'{}[]",:\\x0 '))
  .chain(([target, cut, mode, junk]) =>
    fc
      .tuple(validBody(target), fc.string({ unit: fc.constantFrom(...'{}[]",:\\ 0-9aeflnrstu') }))
      .map(([body, garbage]) => {
        const json = jsonText(body);
        const variants = [
          json.slice(0, cut % json.length),
          json + junk.replace(' ', '}'),
          garbage,
          '\uFEFF' + json,
          json.slice(0, -1) + ',}',
          `[${'['.repeat(cut % 50_000)}`,
          json.replace(':', "'"),
          'NaN',
        ];
        const codes = ['MALFORMED_PAYLOAD', 'INVALID_PAYLOAD'];
        // A basic-mode API takes an empty or partial body: what is left may be valid.
        if (!target.strict) codes.push(target.okCode);
        return make(
          'malformed JSON',
          post(target, variants[mode % variants.length]!),
          refused(...codes),
        );
      }),
  );

export const wrongTypes = api.chain((target) =>
  wrongTypeBody(target).map((json) =>
    make('wrong types', post(target, json), refused('INVALID_PAYLOAD')),
  ),
);

export const deep = fc
  .tuple(
    api,
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 21, max: 300 }) },
      { weight: 1, arbitrary: fc.constantFrom(1_000, 5_000, 20_000, 100_000) },
    ),
    fc.nat(),
    fc.boolean(),
  )
  .chain(([target, depth, shape, withProtoKey]) =>
    validBody(target).map((body) => {
      // A `__proto__` key beside the deep member: the depth rule still answers, not a RangeError.
      const proto = withProtoKey ? ['"__proto__":{"polluted":"yes"}'] : [];
      const json = withMembers(jsonText(body), [...proto, `"deep":${nestedText(depth, shape)}`]);
      return make('deep', post(target, json), refused('INVALID_PAYLOAD'));
    }),
  );

/** Thousands of items or keys: all valid, or one wrong among them. */
export const wide = fc
  .tuple(api, fc.integer({ min: 100, max: 20_000 }), fc.nat(), fc.boolean())
  .chain(([target, count, at, spoiled]) =>
    validBody(target).map((body) => {
      let json: string;
      if (target.name === 'orders') {
        const items = Array.from({ length: count }, () => '{"sku":"s","qty":1}');
        if (spoiled) items[at % count] = '{"sku":"s","qty":"1"}';
        json = withMembers(jsonText({ customer_id: 'c' }), [`"items":[${items.join(',')}]`]);
      } else {
        const keys = Array.from({ length: count }, (_, i) => `"k${i}":${i}`);
        const first = Object.keys(body)[0] ?? 'report_name';
        json = withMembers(jsonText(spoiled ? { ...body, [first]: [] } : body), keys);
      }
      return make('wide', post(target, json), spoiled ? refused('INVALID_PAYLOAD') : ok(target));
    }),
  );

export const protoKeys = fc
  .tuple(api, fc.subarray(INJECTIONS, { minLength: 1 }))
  .chain(([target, injected]) =>
    validBody(target).map((body) => {
      const json = withMembers(
        jsonText(body),
        injected.map(([member]) => member),
      );
      const depth = Math.max(...injected.map(([, d]) => d));
      const expect = depth > target.maxDepth ? refused('INVALID_PAYLOAD') : ok(target);
      return make('__proto__ keys', post(target, json), expect);
    }),
  );

export const badUtf8 = fc
  .tuple(api, fc.constantFrom(...BAD_UTF8), fc.boolean())
  .chain(([target, bad, inString]) =>
    validBody(target).map((body) => {
      const json = withMembers(jsonText(body), ['"note":"a\u0001b"']);
      const [head, tail] = json.split('\u0001') as [string, string];
      const bytes = inString
        ? Buffer.concat([Buffer.from(head), Buffer.from(bad), Buffer.from(tail)])
        : Buffer.concat([Buffer.from(json.replace('\u0001', '')), Buffer.from(bad)]);
      return make('invalid UTF-8', post(target, bytes), refused('MALFORMED_PAYLOAD'));
    }),
  );

const WRONG_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'text/json',
  'json',
  '',
  '*/*',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=',
  'application/json; charset=utf-8; charset=ascii',
];

/** A valid body under a wrong, missing or repeated Content-Type. */
export const contentTypes = fc
  .tuple(api, fc.constantFrom(...WRONG_TYPES), fc.constantFrom(...VALID_TYPES), fc.nat())
  .chain(([target, wrong, right, mode]) =>
    validBody(target).map((body) => {
      const json = Buffer.from(jsonText(body));
      const queuedForm = target.name === 'jobs' && wrong.startsWith('multipart/');
      const variants: [[string, string][], Expectation][] = [
        [
          [['Content-Type', wrong]],
          refused(queuedForm ? 'VALIDATION_ERR' : 'UNSUPPORTED_MEDIA_TYPE'),
        ],
        [[], refused('UNSUPPORTED_MEDIA_TYPE')],
        [
          [
            ['Content-Type', right],
            ['content-type', right],
          ],
          refused('MALFORMED_PAYLOAD'),
        ],
        [
          [
            ['Content-Type', wrong],
            ['Content-Type', right],
          ],
          refused(queuedForm ? 'VALIDATION_ERR' : 'MALFORMED_PAYLOAD'),
        ],
      ];
      const [headers, expect] = variants[mode % variants.length]!;
      return make(
        'content types',
        httpRequest({ method: 'POST', target: target.path, headers, body: json }),
        expect,
      );
    }),
  );

/** A Content-Length over the API's limit, body never sent: refused before reading. */
export const oversize = fc
  .tuple(api, fc.integer({ min: 1, max: 1 << 30 }))
  .map(([target, over]) => {
    const length = target.maxMb * 1024 * 1024 + over;
    const bytes = httpRequest({
      method: 'POST',
      target: target.path,
      headers: [JSON_TYPE],
      framing: length,
    });
    return make('oversize', bytes, refused('PAYLOAD_TOO_LARGE'));
  });

/** Bodies that never fully arrive, or whose chunked framing breaks: the client may get nothing. */
export const abandoned = fc.tuple(api, fc.nat()).chain(([target, pick]) =>
  validBody(target).map((body) => {
    const json = jsonText(body);
    const forms = [
      httpRequest({
        method: 'POST',
        target: target.path,
        headers: [JSON_TYPE],
        body: Buffer.from(json),
        framing: Buffer.byteLength(json) + 10,
      }),
      Buffer.concat([
        httpRequest({
          method: 'POST',
          target: target.path,
          headers: [JSON_TYPE],
          framing: 'chunked',
        }),
        Buffer.from(`${(Buffer.byteLength(json) + 50).toString(16)}\r\n${json}`),
      ]),
      Buffer.concat([
        httpRequest({
          method: 'POST',
          target: target.path,
          headers: [JSON_TYPE],
          framing: 'chunked',
        }),
        Buffer.from(`zz\r\n${json}\r\n0\r\n\r\n`),
      ]),
    ];
    return make('abandoned', forms[pick % forms.length]!, { codes: '4xx', httpLayer: true }, true);
  }),
);
