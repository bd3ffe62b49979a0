import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MINDOFF_CONTEXT } from '../mindoff.constants';

/** Hands `run()` the context the guard built, as its first argument. */
const MindoffCtx = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) =>
    (ctx.switchToHttp().getRequest() as Record<symbol, unknown>)[MINDOFF_CONTEXT],
);

/** The route-args metadata that makes Nest pass the mindoff context as `run()`'s first argument. */
export function contextParamMetadata(): Record<string, unknown> {
  class Holder {
    run(_ctx: unknown): void {}
  }
  MindoffCtx()(Holder.prototype, 'run', 0);
  return Reflect.getMetadata(ROUTE_ARGS_METADATA, Holder, 'run') as Record<string, unknown>;
}
