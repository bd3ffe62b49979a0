import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import type { Category, EnvelopeStatus } from '../responses';
import type { ApiAnswer } from './api-call.interface';

/** What an answer's envelope should say; only the fields given are checked. */
export interface ExpectedEnvelope {
  status?: EnvelopeStatus;
  code?: string;
  category?: Category;
  httpStatus?: number;
  /** Compared deeply with the envelope's `data`. */
  data?: unknown;
}

const SUCCESS: ExpectedEnvelope = { status: 'ok', code: 'SUCCESS', httpStatus: 200 };

/**
 * Asserts that `answer` is a mindoff envelope saying `expected` (default: ok, SUCCESS, HTTP 200).
 * Works under any test runner: a mismatch throws an `AssertionError` naming the request, every
 * differing field, and the body received.
 *
 * @example
 * expectEnvelope(answer, { status: 'fail', code: 'INVALID_PAYLOAD', category: 'danger', httpStatus: 400 });
 */
export function expectEnvelope(answer: ApiAnswer, expected: ExpectedEnvelope = SUCCESS): void {
  const body = answer.body as Record<string, unknown> | undefined;
  const message = body?.message as Record<string, unknown> | undefined;
  if (typeof body?.status !== 'string' || typeof message?.code !== 'string') {
    throw new AssertionError({
      message: `${answer.request} did not answer a mindoff envelope (HTTP ${answer.httpStatus}, ${answer.headers.get('content-type') ?? 'no content type'}):\n${excerpt(answer.text)}`,
      actual: answer.text,
      expected,
      operator: 'expectEnvelope',
    });
  }
  const received: ExpectedEnvelope = {
    status: body.status as EnvelopeStatus,
    code: message.code,
    category: message.category as Category,
    httpStatus: answer.httpStatus,
    data: body.data,
  };
  const keys = (Object.keys(expected) as (keyof ExpectedEnvelope)[]).filter(
    (key) => expected[key] !== undefined,
  );
  const wrong = keys.filter((key) => !isDeepStrictEqual(received[key], expected[key]));
  if (wrong.length === 0) return;
  const lines = wrong.map(
    (key) => `  ${key}: expected ${show(expected[key])}, got ${show(received[key])}`,
  );
  throw new AssertionError({
    message: `${answer.request} answered a different envelope:\n${lines.join('\n')}\nbody (HTTP ${answer.httpStatus}): ${excerpt(answer.text)}`,
    actual: Object.fromEntries(keys.map((key) => [key, received[key]])),
    expected: Object.fromEntries(keys.map((key) => [key, expected[key]])),
    operator: 'expectEnvelope',
  });
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function excerpt(text: string): string {
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
