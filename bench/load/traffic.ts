// What the load sends to the sample, and the one answer (or answers) each request must get.
// Bodies follow the sample's schemas (sample/orders, sample/shop, sample/jobs).
import type { RequestSpec } from './http-client';

/** An answer a kind of request may get: its HTTP status and the envelope's `message.code`. */
export interface Expected {
  status: number;
  code: string;
}

/** One kind of request: how the i-th one is built and what it must be answered. */
export interface Kind {
  name: string;
  /** `after`: sent once the load is over (not part of its rate). */
  group: 'direct' | 'queue' | 'abuse' | 'after';
  request(i: number): RequestSpec;
  expect: readonly Expected[];
}

const JSON_TYPE = { 'content-type': 'application/json' };
const seedOrder = JSON.stringify({
  customer_id: 'cst_123',
  items: [
    { sku: 'SKU-001', qty: 2 },
    { sku: 'SKU-002', qty: 1 },
  ],
});
const shopOrder = {
  customer_name: 'Asha',
  customer_email: 'asha@example.com',
  product_name: 'Tea',
  quantity: 2,
};
const SUCCESS = [{ status: 200, code: 'SUCCESS' }];

/** The APIs a well-behaved client calls, as fast as it gets answers. */
export const DIRECT: readonly Kind[] = [
  {
    name: 'GET shop/get_profile',
    group: 'direct',
    request: () => ({ method: 'GET', path: '/v1/shop/get_profile/' }),
    expect: SUCCESS,
  },
  {
    name: 'POST orders/create_order',
    group: 'direct',
    request: () => ({
      method: 'POST',
      path: '/v1/orders/create_order/',
      headers: JSON_TYPE,
      body: seedOrder,
    }),
    expect: SUCCESS,
  },
  {
    name: 'POST shop/create_order v1, v2',
    group: 'direct',
    request: (i) => ({
      method: 'POST',
      path: `/v${1 + (i % 2)}/shop/create_order/`,
      headers: JSON_TYPE,
      body: JSON.stringify({ ...shopOrder, quantity: 1 + (i % 5) }),
    }),
    expect: [{ status: 201, code: 'ORDER_CREATED' }],
  },
];

/** Enqueues the sample's report (queue mode): answered QUEUED with the task's id at once. */
export const REPORT: Kind = {
  name: 'POST jobs/generate_inventory_report',
  group: 'queue',
  request: (i) => ({
    method: 'POST',
    path: '/v1/jobs/generate_inventory_report/',
    headers: JSON_TYPE,
    body: JSON.stringify({ report_name: `load ${i}` }),
  }),
  expect: [{ status: 200, code: 'QUEUED' }],
};

/** The rows of the status streams (SSE), whose latency is the time to the first event. */
export const STREAM_KIND = 'GET mindoff/queue/<id>/stream/ (to the first event)';

// A valid order of exactly 2 MB (the shop's maxPayloadSize) and one byte: refused on its
// Content-Length before it is read. The client waits for that answer before sending the body:
// sent at once, the body races the server's close after its 413, and the client can get a reset
// (EPIPE, ECONNRESET) instead of the answer (no lingering close, RFC 9112 §9.6).
const OVERSIZED_BYTES = 2 * 1024 * 1024 + 1;
const oversized = Buffer.from(
  JSON.stringify({
    ...shopOrder,
    note: 'x'.repeat(OVERSIZED_BYTES - JSON.stringify({ ...shopOrder, note: '' }).length),
  }),
);

/**
 * The abusive clients: each sends one kind of bad request, on a connection of its own each time,
 * and must get its 4xx envelope. The bad-token client is blocked after `rateLimit.failedAuth`
 * (10/m) failures from its address, so 429 API_RATE_LIMITED is a right answer too.
 */
export const ABUSE: readonly Kind[] = [
  {
    name: 'malformed JSON',
    group: 'abuse',
    request: (i) => ({
      method: 'POST',
      path: '/v1/orders/create_order/',
      headers: JSON_TYPE,
      body: ['{"customer_id": ', '{"items": [}', 'not json', '{"a":1}}'][i % 4],
    }),
    expect: [{ status: 400, code: 'MALFORMED_PAYLOAD' }],
  },
  {
    name: 'oversized body (2 MB + 1 B)',
    group: 'abuse',
    request: () => ({
      method: 'POST',
      path: '/v1/shop/create_order/',
      headers: JSON_TYPE,
      body: oversized,
      holdBodyMs: 1000,
    }),
    expect: [{ status: 413, code: 'PAYLOAD_TOO_LARGE' }],
  },
  {
    name: 'bad or missing token',
    group: 'abuse',
    request: (i) => ({
      method: 'GET',
      path: '/v1/shop/get_my_orders/',
      headers: i % 3 === 2 ? undefined : { authorization: `Bearer stolen-${i}` },
    }),
    expect: [
      { status: 401, code: 'AUTHENTICATION_FAILED' },
      { status: 401, code: 'NOT_AUTHENTICATED' },
      { status: 429, code: 'API_RATE_LIMITED' },
    ],
  },
  {
    name: 'wrong method',
    group: 'abuse',
    request: (i) =>
      [
        { method: 'GET', path: '/v1/orders/create_order/' },
        { method: 'DELETE', path: '/v1/shop/get_profile/' },
        {
          method: 'PUT',
          path: '/v1/jobs/generate_inventory_report/',
          headers: JSON_TYPE,
          body: '{}',
        },
      ][i % 3],
    expect: [{ status: 405, code: 'INVALID_METHOD' }],
  },
  {
    name: 'invalid payload',
    group: 'abuse',
    request: (i) =>
      i % 2
        ? {
            method: 'POST',
            path: '/v1/orders/create_order/',
            headers: JSON_TYPE,
            body: '{"customer_id":"cst_1","items":[{"sku":"SKU-001","qty":1.5}]}',
          }
        : {
            method: 'POST',
            path: '/v1/shop/create_order/',
            headers: JSON_TYPE,
            body: JSON.stringify({ ...shopOrder, extra: { too: { deep: 1 } } }),
          },
    expect: [{ status: 400, code: 'INVALID_PAYLOAD' }],
  },
  {
    name: 'wrong content type',
    group: 'abuse',
    request: () => ({
      method: 'POST',
      path: '/v1/orders/create_order/',
      headers: { 'content-type': 'text/plain' },
      body: seedOrder,
    }),
    expect: [{ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }],
  },
];
