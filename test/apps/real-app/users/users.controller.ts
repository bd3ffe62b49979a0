import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
} from '@nestjs/common';
import { CreateUserDto } from './create-user.dto';
import { UsersService, type User } from './users.service';

/** `GET /api/users`, `GET /api/users/:id`, `POST /api/users` (201 with the created user). */
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): User[] {
    return this.users.list();
  }

  @Get(':id')
  find(@Param('id', ParseIntPipe) id: number): User {
    const user = this.users.find(id);
    if (!user) throw new NotFoundException(`User ${id} does not exist`);
    return user;
  }

  @Post()
  create(@Body() dto: CreateUserDto): User {
    return this.users.create(dto);
  }
}
