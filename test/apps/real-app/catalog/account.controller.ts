import { Controller, Get } from '@nestjs/common';
import { AccountView } from './account.view';

/** `GET /api/account`: returns a class instance with an excluded field. */
@Controller('account')
export class AccountController {
  @Get()
  me(): AccountView {
    return new AccountView({ id: 1, email: 'asha@example.test', password_hash: 'bcrypt$secret' });
  }
}
