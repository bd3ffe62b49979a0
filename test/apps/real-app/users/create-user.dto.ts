import { IsInt, IsString, MaxLength, Min } from 'class-validator';

/** The body of `POST /api/users`, checked by the app's global ValidationPipe. */
export class CreateUserDto {
  @IsString()
  @MaxLength(20)
  name!: string;

  @IsInt()
  @Min(0)
  age!: number;
}
