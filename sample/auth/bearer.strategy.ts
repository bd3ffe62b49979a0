import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { DEMO_TOKENS, type DemoUser } from './demo-users';

/** `Authorization: Bearer <token>` against the demo token store. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  validate(token: string): DemoUser | false {
    return DEMO_TOKENS.get(token) ?? false;
  }
}
