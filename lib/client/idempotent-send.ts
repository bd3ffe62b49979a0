import type { ResolvedRetryPolicy } from './retry-policy.js';
import { MindoffClientError } from './mindoff-client.error.js';
import type { EnvelopeAnswer, Transport, TransportRequest } from './transport.js';

/** The header an idempotent call carries its key in. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** A new random key (a UUID) for one call. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Sends `request` with `key` as its `Idempotency-Key`, and sends it again with the same key while
 * `policy` allows: after a network failure or timeout (the app may or may not have run it; the
 * key makes the retry safe), a 409 `IDEMPOTENCY_KEY_IN_USE` or a 503 with `Retry-After` (waiting
 * what it asks). The last answer or error is the call's.
 *
 * @example
 * await sendIdempotent(transport, { method: 'POST', path: '/v1/payments/charge/', json }, newIdempotencyKey(), policy);
 */
export async function sendIdempotent(
  transport: Transport,
  request: TransportRequest,
  key: string,
  policy: ResolvedRetryPolicy,
): Promise<EnvelopeAnswer> {
  const keyed = { ...request, headers: { ...request.headers, [IDEMPOTENCY_KEY_HEADER]: key } };
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= policy.attempts;
    let answer: EnvelopeAnswer;
    try {
      answer = await transport.send(keyed);
    } catch (error) {
      const retriable =
        error instanceof MindoffClientError &&
        (error.kind === 'network' || error.kind === 'timeout');
      if (last || !retriable) throw error;
      await pause(policy.backoffMs(attempt), request.signal);
      continue;
    }
    const wait = retryAfterMs(answer);
    if (last || wait === undefined || wait > policy.maxWaitMs) return answer;
    await pause(wait, request.signal);
  }
}

/** How long an answer asks to wait before the same call is sent again; undefined: not again. */
function retryAfterMs(answer: EnvelopeAnswer): number | undefined {
  const inUse = answer.status === 409 && answer.envelope.message.code === 'IDEMPOTENCY_KEY_IN_USE';
  if (!inUse && answer.status !== 503) return undefined;
  const header = answer.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = header === null ? NaN : Date.parse(header);
  if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  // A 409 in use always means "soon"; a 503 without Retry-After is not retried.
  return inUse ? 1000 : undefined;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal));
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(aborted(signal as AbortSignal));
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}

function aborted(signal: AbortSignal): MindoffClientError {
  return new MindoffClientError('aborted', 'The call was aborted while waiting to retry.', {
    cause: signal.reason,
  });
}
