/** Metadata key written by `@MindoffEnvelope()` on a controller class or a route handler. */
export const MINDOFF_ENVELOPE_METADATA = 'mindoff:envelope';

/**
 * Set on a request by the envelope interceptor that answers it. An interceptor bound more than once
 * to one route (app-wide and on the class, or on the class and the handler) sees the mark and lets
 * the outermost one envelope the result, so no answer is enveloped twice.
 */
export const MINDOFF_ENVELOPED = Symbol('mindoff:enveloped');
