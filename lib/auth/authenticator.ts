import { Inject, Injectable } from '@nestjs/common';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { RateLimiter } from '../throttling/rate-limiter';
import { authenticate } from './authenticate';
import { FailedAuthLimiter } from './failed-auth.limiter';
import { nodeRequestOf, type AdapterRequest } from '../http/adapter-request';

/**
 * Who is calling, for the API pipeline and the task endpoints alike: runs the given passport
 * strategies with the app's credential check and leaves the user on `request.user`. Failed
 * authentications count per client address (`rateLimit.failedAuth`), and an address over that
 * limit is refused before its credentials are checked.
 */
@Injectable()
export class Authenticator {
  private readonly failures: FailedAuthLimiter;

  constructor(
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    limiter: RateLimiter,
  ) {
    this.failures = new FailedAuthLimiter(limiter, options.rateLimit.failedAuth);
  }

  /**
   * The authenticated user, or `null` for an anonymous caller (or when there are no strategies).
   * Credentials every strategy refused are `AUTHENTICATION_FAILED`; an address with too many of
   * those is `API_RATE_LIMITED`.
   */
  async user(strategies: readonly string[], request: AdapterRequest, response: unknown) {
    if (strategies.length === 0) return null;
    const raw = nodeRequestOf(request);
    const hasCredentials = this.options.hasCredentials(raw as never);
    if (hasCredentials) await this.failures.admit(raw);
    let user: unknown;
    try {
      user = await authenticate(strategies, request, response, hasCredentials);
    } catch (error) {
      if (isRefusal(error)) await this.failures.failed(raw);
      throw error;
    }
    request.user = user ?? undefined;
    return user;
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof MindoffHttpError && error.code === 'AUTHENTICATION_FAILED';
}
