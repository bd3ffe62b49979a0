import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

/**
 * Initialises an app built from `module` (on `adapter` when given, else express) and closes it:
 * the error its start-up threw, or undefined when it started.
 *
 * @example
 * expect(await initOutcome(BrokenModule)).toBeInstanceOf(MindoffConfigurationError);
 */
export async function initOutcome(module: unknown, adapter?: object): Promise<Error | undefined> {
  const ref = await Test.createTestingModule({ imports: [module as never] }).compile();
  const app: INestApplication = adapter
    ? ref.createNestApplication(adapter as never, { logger: false })
    : ref.createNestApplication({ logger: false });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    return error as Error;
  }
  await app.close();
  return undefined;
}
