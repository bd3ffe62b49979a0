import type { ResponseCatalog } from '../../lib/responses';
import type { RawExchange } from '../support/raw-exchange';

/** One API of the sample app, as the fuzz test aims at it. */
export interface SampleApi {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** The code a valid request gets. */
  okCode: string;
  /** Deepest body it takes (the sample's own limits, or the default of 20). */
  maxDepth: number;
  /** Largest body in MB. */
  maxMb: number;
  /** `'strict'`: every key required, so a body that is not a valid one is refused for sure. */
  strict: boolean;
}

export const BODY_APIS: SampleApi[] = [
  {
    name: 'orders',
    method: 'POST',
    path: '/v1/orders/create_order/',
    okCode: 'SUCCESS',
    maxDepth: 20,
    maxMb: 10,
    strict: true,
  },
  {
    name: 'shop v1',
    method: 'POST',
    path: '/v1/shop/create_order/',
    okCode: 'ORDER_CREATED',
    maxDepth: 2,
    maxMb: 2,
    strict: true,
  },
  {
    name: 'shop v2',
    method: 'POST',
    path: '/v2/shop/create_order/',
    okCode: 'ORDER_CREATED',
    maxDepth: 2,
    maxMb: 2,
    strict: true,
  },
  {
    name: 'jobs',
    method: 'POST',
    path: '/v1/jobs/generate_inventory_report/',
    okCode: 'QUEUED',
    maxDepth: 20,
    maxMb: 10,
    strict: false,
  },
];

export const PROFILE: SampleApi = {
  name: 'profile',
  method: 'GET',
  path: '/v1/shop/get_profile/',
  okCode: 'SUCCESS',
  maxDepth: 20,
  maxMb: 10,
  strict: false,
};

export const MY_ORDERS: SampleApi = {
  ...PROFILE,
  name: 'my orders',
  path: '/v1/shop/get_my_orders/',
};

/** What a generated request may get back. */
export interface Expectation {
  /** The envelope codes it may answer, or `'4xx'` for any refusal in the catalog. */
  codes: readonly string[] | '4xx';
  /** Node's HTTP layer may refuse it before any route (a 4xx without envelope, or a closed socket). */
  httpLayer?: boolean;
  /** A HEAD request: no body comes back. */
  head?: boolean;
}

/** One generated request: the bytes to write and what may come back. */
export interface FuzzCase {
  kind: string;
  bytes: Buffer;
  expect: Expectation;
  endAfterWrite?: boolean;
}

export interface RequestParts {
  method: string;
  target: string;
  version?: string;
  /** Header lines as written (name and value), in order; Host and Connection are added unless present. */
  headers?: [string, string | Buffer][];
  body?: Buffer;
  /** How the body is framed: an honest Content-Length (default), chunked, none, or a given length. */
  framing?: 'length' | 'chunked' | 'none' | number;
}

/** The bytes of one HTTP/1.x request. */
export function httpRequest(parts: RequestParts): Buffer {
  const { method, target, version = 'HTTP/1.1', body, framing = 'length' } = parts;
  const headers = [...(parts.headers ?? [])];
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', 'localhost']);
  if (!has('connection')) headers.push(['Connection', 'close']);
  if (body !== undefined && framing === 'length')
    headers.push(['Content-Length', `${body.length}`]);
  if (typeof framing === 'number') headers.push(['Content-Length', `${framing}`]);
  if (framing === 'chunked') headers.push(['Transfer-Encoding', 'chunked']);
  const lines: Buffer[] = [Buffer.from(`${method} ${target} ${version}\r\n`, 'latin1')];
  for (const [name, value] of headers) {
    lines.push(Buffer.from(`${name}: `, 'latin1'), Buffer.from(value as string, 'latin1'));
    lines.push(Buffer.from('\r\n'));
  }
  lines.push(Buffer.from('\r\n'));
  if (body !== undefined) lines.push(framing === 'chunked' ? chunked(body) : body);
  return Buffer.concat(lines);
}

function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += 4096) {
    const piece = body.subarray(at, at + 4096);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

const CATEGORIES = new Set(['danger', 'warning', 'info', 'success']);

/** Why `answer` breaks the contract for `expectation`, or undefined when it keeps it. */
export function judge(
  catalog: ResponseCatalog,
  expectation: Expectation,
  answer: RawExchange,
): string | undefined {
  if (answer.timedOut) return 'no answer and no close within the timeout';
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (expectation.head) return answer.status === 0 ? 'HEAD got no answer' : undefined;
  const envelope = parseEnvelope(answer.body);
  if (envelope === undefined) {
    if (expectation.httpLayer && (answer.status === 0 || answer.status >= 400)) return undefined;
    return `answered ${answer.status} without an envelope: ${answer.body.toString().slice(0, 120)}`;
  }
  const problem = envelopeProblem(catalog, answer, envelope);
  if (problem) return problem;
  const code = envelope.message.code;
  if (expectation.codes === '4xx') {
    return answer.status >= 400 ? undefined : `answered ${answer.status} ${code}, expected a 4xx`;
  }
  return expectation.codes.includes(code)
    ? undefined
    : `answered ${answer.status} ${code}, expected one of ${expectation.codes.join(', ')}`;
}

interface Envelope {
  status: unknown;
  message: { code: string; title: unknown; description: unknown; category: unknown };
  data: unknown;
}

function parseEnvelope(body: Buffer): Envelope | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as Envelope;
    return typeof value?.message?.code === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function envelopeProblem(
  catalog: ResponseCatalog,
  answer: RawExchange,
  envelope: Envelope,
): string | undefined {
  const keys = Object.keys(envelope).sort().join();
  if (keys !== 'data,message,status') return `envelope keys are ${keys}`;
  const message = Object.keys(envelope.message).sort().join();
  if (message !== 'category,code,description,title') return `message keys are ${message}`;
  const entry = catalog.get(envelope.message.code);
  if (!entry) return `code ${envelope.message.code} is not in the catalog`;
  if (entry.httpStatus !== answer.status) {
    return `${entry.code} answered with HTTP ${answer.status}, the catalog says ${entry.httpStatus}`;
  }
  if (envelope.status !== entry.status)
    return `status ${String(envelope.status)} for ${entry.code}`;
  if (
    envelope.message.title !== entry.title ||
    envelope.message.description !== entry.description
  ) {
    return `title or description of ${entry.code} differ from the catalog`;
  }
  if (!CATEGORIES.has(envelope.message.category as string)) return 'unknown category';
  if (!/^application\/json/.test(answer.headers['content-type'] ?? '')) {
    return `content type ${answer.headers['content-type']}`;
  }
  return undefined;
}
