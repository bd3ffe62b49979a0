import { HttpException } from '@nestjs/common';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { loadPassport } from './passport.loader';

type Callback = (error: unknown, user: unknown, info: unknown) => void;

/**
 * Runs the API's passport strategies in order (passport tries the next one when a strategy
 * fails) and resolves the user, or `null` when none authenticated and the request carried no
 * credentials. Credentials that every strategy refused are `AUTHENTICATION_FAILED`.
 */
export function authenticate(
  strategies: readonly string[],
  request: unknown,
  response: unknown,
  hasCredentials: boolean,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done: Callback = (error, user) => {
      if (error) reject(refusal(error));
      else if (user) resolve(user);
      else if (hasCredentials) reject(new MindoffHttpError('AUTHENTICATION_FAILED'));
      else resolve(null);
    };
    const middleware = loadPassport().authenticate([...strategies], { session: false }, done) as (
      req: unknown,
      res: unknown,
      next: (error?: unknown) => void,
    ) => void;
    middleware(request, response, (error) => done(error, false, undefined));
  });
}

/**
 * A strategy that throws a 401 (e.g. Nest's `UnauthorizedException`) refused the credentials;
 * anything else (a database that is down...) is an unexpected error, logged and answered 500.
 */
function refusal(error: unknown): unknown {
  if (error instanceof MindoffHttpError) return error;
  return error instanceof HttpException && error.getStatus() === 401
    ? new MindoffHttpError('AUTHENTICATION_FAILED')
    : error;
}

/** Default credential check: an `Authorization` header is present. */
export function hasAuthorizationHeader(request: { headers: Record<string, unknown> }): boolean {
  return request.headers.authorization !== undefined;
}
