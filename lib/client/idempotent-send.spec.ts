import type { Envelope } from '../responses/envelope.interface';
import { sendIdempotent } from './idempotent-send';
import { MindoffClientError } from './mindoff-client.error';
import { resolveRetryPolicy } from './retry-policy';
import type { EnvelopeAnswer, Transport, TransportRequest } from './transport';

const envelope = (code: string): Envelope<unknown> => ({
  status: code === 'SUCCESS' ? 'ok' : 'fail',
  message: { code, title: '', description: '', category: 'info' },
  data: [],
});
const answer = (status: number, code: string, retryAfter?: string): EnvelopeAnswer => ({
  status,
  envelope: envelope(code),
  headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
});
const networkError = () => new MindoffClientError('network', 'down', { url: 'x' });

/** A transport that answers (or throws) each queued outcome in turn and records what it sent. */
function scripted(outcomes: (EnvelopeAnswer | Error)[]) {
  const sent: TransportRequest[] = [];
  const transport = {
    send: (request: TransportRequest) => {
      sent.push(request);
      const next = outcomes.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as EnvelopeAnswer);
    },
  } as unknown as Transport;
  return { transport, sent };
}

const request: TransportRequest = { method: 'POST', path: '/v1/payments/charge/', json: { a: 1 } };
const quick = resolveRetryPolicy({ attempts: 3, backoffMs: 0 });

describe('sendIdempotent', () => {
  it('sends the key as Idempotency-Key, and the same key on every retry', async () => {
    const { transport, sent } = scripted([networkError(), answer(200, 'SUCCESS')]);
    const result = await sendIdempotent(transport, request, 'key-1', quick);
    expect(result.status).toBe(200);
    expect(sent.map((r) => r.headers?.['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
  });

  it('retries a 409 IDEMPOTENCY_KEY_IN_USE and a 503 with Retry-After', async () => {
    const { transport, sent } = scripted([
      answer(409, 'IDEMPOTENCY_KEY_IN_USE', '0'),
      answer(503, 'IDEMPOTENCY_UNAVAILABLE', '0'),
      answer(200, 'SUCCESS'),
    ]);
    expect((await sendIdempotent(transport, request, 'k', quick)).status).toBe(200);
    expect(sent).toHaveLength(3);
  });

  it.each([
    ['a 422', answer(422, 'IDEMPOTENCY_KEY_REUSED')],
    ['a 409 of another code', answer(409, 'CONFLICT', '0')],
    ['a 503 without Retry-After', answer(503, 'SERVICE_UNAVAILABLE')],
    ['a 500', answer(500, 'UNEXPECTED_ERR', '0')],
  ])('answers %s at once, without retrying', async (_case, only) => {
    const { transport, sent } = scripted([only, answer(200, 'SUCCESS')]);
    expect(await sendIdempotent(transport, request, 'k', quick)).toBe(only);
    expect(sent).toHaveLength(1);
  });

  it('gives up after the policy attempts with the last outcome', async () => {
    const { transport, sent } = scripted([networkError(), networkError(), networkError()]);
    await expect(sendIdempotent(transport, request, 'k', quick)).rejects.toMatchObject({
      kind: 'network',
    });
    expect(sent).toHaveLength(3);
  });

  it('never retries an aborted call', async () => {
    const abort = new MindoffClientError('aborted', 'aborted', { url: 'x' });
    const { transport, sent } = scripted([abort, answer(200, 'SUCCESS')]);
    await expect(sendIdempotent(transport, request, 'k', quick)).rejects.toBe(abort);
    expect(sent).toHaveLength(1);
  });

  it('sends once with retry: false', async () => {
    const { transport, sent } = scripted([networkError(), answer(200, 'SUCCESS')]);
    await expect(
      sendIdempotent(transport, request, 'k', resolveRetryPolicy(false)),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(sent).toHaveLength(1);
  });

  it('does not wait a Retry-After longer than maxWaitMs', async () => {
    const policy = resolveRetryPolicy({ attempts: 3, backoffMs: 0, maxWaitMs: 1000 });
    const { transport, sent } = scripted([answer(503, 'IDEMPOTENCY_UNAVAILABLE', '120')]);
    expect((await sendIdempotent(transport, request, 'k', policy)).status).toBe(503);
    expect(sent).toHaveLength(1);
  });
});

describe('resolveRetryPolicy', () => {
  it('defaults to three tries, doubling 200 ms', () => {
    const policy = resolveRetryPolicy(undefined);
    expect(policy.attempts).toBe(3);
    expect([1, 2, 3].map(policy.backoffMs)).toEqual([200, 400, 800]);
  });
});
