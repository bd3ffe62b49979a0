import { createRealApp, type RealApp } from '../apps/real-app/real-app';
import { ADAPTERS, type AdapterName } from '../support/http-app';
import { exchange, type Exchange, type ExchangeAnswer } from '../support/http-exchange';

/** A request to one of the app's own routes and the status the app without mindoff answers. */
interface Probe extends Exchange {
  label: string;
  status: number | Record<AdapterName, number>;
}

const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});
const preflight = {
  origin: 'https://example.test',
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'content-type',
};
const MB = 1024 * 1024;

/** Sent in this order to both apps; the order matters for ids and throttler counters. */
const PROBES: Probe[] = [
  { label: 'the user list', method: 'GET', path: '/api/users', status: 200 },
  {
    label: 'the user list to a CORS origin',
    method: 'GET',
    path: '/api/users',
    headers: { origin: 'https://example.test' },
    status: 200,
  },
  { label: 'HEAD on the user list', method: 'HEAD', path: '/api/users', status: 200 },
  { label: 'a known user', method: 'GET', path: '/api/users/1', status: 200 },
  {
    label: 'an unknown user (NotFoundException)',
    method: 'GET',
    path: '/api/users/999',
    status: 404,
  },
  {
    label: 'a non-numeric user id (ParseIntPipe)',
    method: 'GET',
    path: '/api/users/abc',
    status: 400,
  },
  {
    label: 'a valid user create with 201',
    method: 'POST',
    path: '/api/users',
    ...json({ name: 'Mira', age: 41 }),
    status: 201,
  },
  {
    label: 'a create failing DTO validation',
    method: 'POST',
    path: '/api/users',
    ...json({ name: 'A name far longer than twenty', age: -1.5 }),
    status: 400,
  },
  {
    label: 'a create with an unknown extra field (forbidNonWhitelisted)',
    method: 'POST',
    path: '/api/users',
    ...json({ name: 'Mira', age: 41, role: 'admin' }),
    status: 400,
  },
  {
    label: 'a create with malformed JSON',
    method: 'POST',
    path: '/api/users',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"Mira",',
    status: 400,
  },
  {
    label: 'a create body over the framework default limit',
    method: 'POST',
    path: '/api/users',
    ...json({ name: 'Mira', age: 41, pad: 'x'.repeat(1.1 * MB) }),
    status: 413,
  },
  {
    label: 'an application/xml body to the JSON create route',
    method: 'POST',
    path: '/api/users',
    headers: { 'content-type': 'application/xml' },
    body: '<user><name>Mira</name></user>',
    status: { express: 400, fastify: 415 },
  },
  {
    label: 'an application/octet-stream body to the JSON create route',
    method: 'POST',
    path: '/api/users',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from([0, 1, 2, 3, 255]),
    status: { express: 400, fastify: 415 },
  },
  { label: 'a create with no body at all', method: 'POST', path: '/api/users', status: 400 },
  {
    label: 'a create with an empty JSON body',
    method: 'POST',
    path: '/api/users',
    headers: { 'content-type': 'application/json' },
    body: '',
    status: 400,
  },
  { label: 'a wrong method on the user list', method: 'DELETE', path: '/api/users', status: 404 },
  {
    label: 'the user list with a trailing slash (fastify routes it strictly by default)',
    method: 'GET',
    path: '/api/users/',
    status: { express: 200, fastify: 404 },
  },
  {
    label: 'a known user with a trailing slash',
    method: 'GET',
    path: '/api/users/1/',
    status: { express: 200, fastify: 404 },
  },
  {
    label: 'a create with a trailing slash',
    method: 'POST',
    path: '/api/users/',
    ...json({ name: 'Noor', age: 30 }),
    status: { express: 201, fastify: 404 },
  },
  { label: 'an unknown route under /api', method: 'GET', path: '/api/nope', status: 404 },
  { label: 'an unknown route outside /api', method: 'GET', path: '/nope', status: 404 },
  {
    label: 'a POST to an unknown route',
    method: 'POST',
    path: '/api/nope',
    ...json({ a: 1 }),
    status: 404,
  },
  {
    label: 'the health route excluded from the prefix',
    method: 'GET',
    path: '/health',
    status: 200,
  },
  { label: 'the health route under the prefix', method: 'GET', path: '/api/health', status: 404 },
  { label: 'the RouterModule route', method: 'GET', path: '/api/admin/reports', status: 200 },
  { label: 'version 1 of the items', method: 'GET', path: '/api/v1/items', status: 200 },
  { label: 'version 2 of the items', method: 'GET', path: '/api/v2/items', status: 200 },
  { label: 'an unknown version of the items', method: 'GET', path: '/api/v3/items', status: 404 },
  { label: 'the items without a version', method: 'GET', path: '/api/items', status: 404 },
  {
    label: 'an unknown path under a versioned segment',
    method: 'GET',
    path: '/api/v1/items/unknown',
    status: 404,
  },
  {
    label: 'a CORS preflight with Origin',
    method: 'OPTIONS',
    path: '/api/users',
    headers: preflight,
    status: 204,
  },
  {
    label: 'a CORS preflight from another origin',
    method: 'OPTIONS',
    path: '/api/users',
    headers: { ...preflight, origin: 'https://elsewhere.test' },
    status: 204,
  },
  {
    label: 'the raw-body echo',
    method: 'POST',
    path: '/api/echo/raw',
    headers: { 'content-type': 'application/json' },
    body: '{ "note" :  "spaced out" }',
    status: 200,
  },
  {
    label: 'the catch-all with dot segments towards a mindoff path',
    method: 'POST',
    path: '/api/echo/any/../../v1/shop/create_order/',
    ...json({ note: 'for the catch-all' }),
    status: 200,
  },
  {
    label: 'the catch-all in absolute form with dot segments towards a mindoff path',
    method: 'POST',
    path: 'http://shop.test/api/echo/any/../../v1/shop/create_order/',
    ...json({ note: 'for the catch-all' }),
    status: 200,
  },
  {
    label: 'the serializer route leaving out an excluded field',
    method: 'GET',
    path: '/api/account',
    status: 200,
  },
  {
    label: 'a route throwing a plain Error',
    method: 'GET',
    path: '/api/system/crash',
    status: 500,
  },
  {
    label: 'the throttled route, first call',
    method: 'GET',
    path: '/api/system/quota',
    status: 200,
  },
  {
    label: 'the throttled route, second call',
    method: 'GET',
    path: '/api/system/quota',
    status: 200,
  },
  {
    label: 'the throttled route over its limit',
    method: 'GET',
    path: '/api/system/quota',
    status: 429,
  },
];

/** Headers that change with time or the connection; compared separately, or not at all. */
const IGNORED = new Set(['date', 'keep-alive', 'connection']);
const LOOSE = new Set(['x-ratelimit-reset', 'retry-after']);

/** Every difference between two answers; retry times may differ by a second or two. */
function differences(without: ExchangeAnswer, withMindoff: ExchangeAnswer): string[] {
  const found: string[] = [];
  if (without.status !== withMindoff.status) {
    found.push(`status ${without.status} ≠ ${withMindoff.status}`);
  }
  if (without.text !== withMindoff.text) found.push('body differs');
  const names = new Set([...Object.keys(without.headers), ...Object.keys(withMindoff.headers)]);
  for (const name of [...names].sort()) {
    if (IGNORED.has(name)) continue;
    const a = without.headers[name];
    const b = withMindoff.headers[name];
    const same = LOOSE.has(name)
      ? a !== undefined && b !== undefined && Math.abs(Number(a) - Number(b)) <= 2
      : a === b;
    if (!same) found.push(`header ${name}: ${a ?? '(absent)'} ≠ ${b ?? '(absent)'}`);
  }
  return found;
}

const show = (answer: ExchangeAnswer) =>
  JSON.stringify({
    status: answer.status,
    headers: answer.headers,
    body: answer.text.slice(0, 2000),
  });

describe.each(ADAPTERS)('the app’s own routes on %s with and without mindoff', (adapter) => {
  let without: RealApp;
  let withMindoff: RealApp;
  beforeAll(async () => {
    [without, withMindoff] = await Promise.all([
      createRealApp({ adapter, mindoff: false }),
      createRealApp({ adapter, mindoff: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([without?.close(), withMindoff?.close()]);
  });

  it.each(PROBES)('answers $label identically', async (probe) => {
    const plain = await exchange(without.url, probe);
    const managed = await exchange(withMindoff.url, probe);
    const found = differences(plain, managed);
    const report = found.length
      ? [
          `${probe.method} ${probe.path} (${probe.label})`,
          ...found,
          `without mindoff: ${show(plain)}`,
          `with mindoff:    ${show(managed)}`,
        ].join('\n')
      : '';
    expect(report).toBe('');
    const expected = typeof probe.status === 'number' ? probe.status : probe.status[adapter];
    expect(plain.status).toBe(expected);
  });
});
