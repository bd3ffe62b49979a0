import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { authenticate } from './authenticate';

type AnyRequest = Record<string | symbol, unknown> & { raw?: IncomingMessage };

/**
 * Who is calling, for the API pipeline and the task endpoints alike: runs the given passport
 * strategies with the app's credential check and leaves the user on `request.user`.
 */
@Injectable()
export class Authenticator {
  constructor(@Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions) {}

  /**
   * The authenticated user, or `null` for an anonymous caller (or when there are no strategies).
   * Credentials every strategy refused are `AUTHENTICATION_FAILED`.
   */
  async user(strategies: readonly string[], request: AnyRequest, response: unknown) {
    if (strategies.length === 0) return null;
    const raw = (request.raw ?? request) as unknown as IncomingMessage;
    const user = await authenticate(
      strategies,
      request,
      response,
      this.options.hasCredentials(raw as never),
    );
    request.user = user ?? undefined;
    return user;
  }
}
