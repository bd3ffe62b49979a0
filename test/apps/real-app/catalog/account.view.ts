import { Exclude } from 'class-transformer';

/** The signed-in account; `ClassSerializerInterceptor` leaves `password_hash` out. */
export class AccountView {
  id!: number;
  email!: string;

  @Exclude()
  password_hash!: string;

  constructor(fields: AccountView) {
    Object.assign(this, fields);
  }
}
