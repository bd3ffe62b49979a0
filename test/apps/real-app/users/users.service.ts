import { Injectable } from '@nestjs/common';
import type { CreateUserDto } from './create-user.dto';

/** A user as the API shows it. */
export interface User {
  id: number;
  name: string;
  age: number;
}

/** An in-memory user store, one per app instance, seeded with two users. */
@Injectable()
export class UsersService {
  private readonly users = new Map<number, User>([
    [1, { id: 1, name: 'Asha', age: 34 }],
    [2, { id: 2, name: 'Ravi', age: 29 }],
  ]);
  private nextId = 3;

  list(): User[] {
    return [...this.users.values()];
  }

  find(id: number): User | undefined {
    return this.users.get(id);
  }

  create(dto: CreateUserDto): User {
    const user = { id: this.nextId++, name: dto.name, age: dto.age };
    this.users.set(user.id, user);
    return user;
  }
}
