import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ResolvedMindoffOptions } from '../../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../../mindoff.constants';

/**
 * Staff on the task endpoints: a caller every one of `queue.adminPermissions` lets through may
 * reach every user's tasks. The permission classes are resolved once, like an API's permissions
 * (the app's provider when there is one, else a new instance).
 */
@Injectable()
export class StaffAccess implements OnModuleInit {
  private permissions: CanActivate[] = [];

  constructor(
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onModuleInit(): Promise<void> {
    this.permissions = await Promise.all(
      this.options.queue.adminPermissions.map(async (permission) => {
        try {
          return this.moduleRef.get(permission, { strict: false });
        } catch {
          return this.moduleRef.create(permission);
        }
      }),
    );
  }

  /** Whether the authenticated caller of `context` is staff (never, when no permission is set). */
  async isStaff(context: ExecutionContext, user: unknown): Promise<boolean> {
    if (this.permissions.length === 0 || user === null || user === undefined) return false;
    for (const permission of this.permissions) {
      const verdict = permission.canActivate(context);
      const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
      if (!allowed) return false;
    }
    return true;
  }
}
