import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The users resource: `/api/users`. */
@Module({ controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
