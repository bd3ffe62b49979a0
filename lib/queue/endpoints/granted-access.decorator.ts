import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { TASK_ACCESS } from './task-access.guard';

/**
 * The handler's argument: what `TaskAccessGuard` granted (`TaskAccess` on an endpoint that names a
 * task, `ListAccess` on the list).
 */
export const GrantedAccess = createParamDecorator(
  (_: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<Record<symbol, unknown>>()[TASK_ACCESS],
);
