import type { Envelope } from '../responses/envelope.interface';
import type { CallFailure, CallResult } from './call-result.type.js';
import type { EnvelopeAnswer } from './transport.js';

/**
 * Whether an envelope is the API's own success: a 2xx envelope that is not a task's state
 * (`QUEUED`, `QUEUE_TASK_*`, answered with 200 while a task is on its way or after it failed).
 *
 * @example
 * isApiSuccess({ status: 200, envelope: queuedAck, headers }); // false
 */
export function isApiSuccess(answer: EnvelopeAnswer): boolean {
  const { status, message } = answer.envelope;
  return status === 'ok' && message.code !== 'QUEUED' && !message.code.startsWith('QUEUE_TASK_');
}

/**
 * An envelope answer as a call result; `success` decides which envelopes are `ok` (by default the
 * API's own success).
 *
 * @example
 * toResult({ status: 200, envelope, headers }, (a) => a.envelope.message.code === 'QUEUED');
 */
export function toResult<D>(
  answer: EnvelopeAnswer,
  success: (answer: EnvelopeAnswer) => boolean = isApiSuccess,
): CallResult<D> {
  if (success(answer)) {
    const { status, headers } = answer;
    const envelope = answer.envelope as Envelope<D>;
    return {
      ok: true,
      code: envelope.message.code,
      status,
      data: envelope.data,
      envelope,
      headers,
    };
  }
  return toFailure(answer);
}

/** An envelope answer as a failure result, whatever it says. */
export function toFailure(answer: EnvelopeAnswer): CallFailure {
  const { envelope, status, headers } = answer;
  return { ok: false, code: envelope.message.code, status, data: envelope.data, envelope, headers };
}
