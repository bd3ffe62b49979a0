import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';

/**
 * Allows only requests with an authenticated user. Anonymous requests to an API that has `auth`
 * strategies get `NOT_AUTHENTICATED` (401); with no strategies, `PERMISSION_DENIED` (403).
 */
@Injectable()
export class IsAuthenticated implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ user?: unknown }>();
    return request.user !== undefined && request.user !== null;
  }
}
