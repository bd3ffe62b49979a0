// Derived from the baseline harness (/work/shared/baseline-bench/src/common/stack.ts): the
// pieces a Nest user writes today: token guard, per-user stock throttler guard, envelope
// interceptor. (The baseline's ajv pipe is left out.)
import {
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnauthorizedException,
} from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Observable, map } from 'rxjs';

interface BenchUser {
  id: string;
  username: string;
}

/** In-memory token store: `Authorization: Token <t>`. */
export const TOKENS = new Map<string, BenchUser>([
  ['tok_bench_123', { id: 'u_1', username: 'bench' }],
]);

@Injectable()
export class TokenAuthGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: BenchUser }>();
    const header = req.headers['authorization'];
    if (!header || !header.startsWith('Token ')) {
      throw new UnauthorizedException('Authentication credentials were not provided.');
    }
    const user = TOKENS.get(header.slice(6).trim());
    if (!user) throw new UnauthorizedException('Invalid token.');
    req.user = user;
    return true;
  }
}

/** Stock @nestjs/throttler guard (stock ThrottlerStorageService), keyed per user instead of per IP. */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as BenchUser | undefined;
    return user?.id ?? String(req.ip);
  }
}

@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(map((data: unknown) => ({ code: 200, category: 'success', message: 'OK', data })));
  }
}
