import { Injectable, type CanActivate } from '@nestjs/common';

/** Lets every request through (the default when an API lists no permissions). */
@Injectable()
export class AllowAny implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}
