import type { FactoryProvider } from '@nestjs/common';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { MindoffConfigurationError } from '../mindoff.messages';
import { MINDOFF_MODULE_OPTIONS } from '../mindoff.module-definition';
import { resolveOptions } from './resolve-options';

/**
 * Provides the module options with every default applied; wrong options stop the app at startup
 * with a `MindoffConfigurationError` that lists each problem and its fix.
 */
export const resolvedOptionsProvider: FactoryProvider<ResolvedMindoffOptions> = {
  provide: MINDOFF_RESOLVED_OPTIONS,
  inject: [MINDOFF_MODULE_OPTIONS],
  useFactory: (given: MindoffModuleOptions) => {
    const { options, problems } = resolveOptions(given);
    if (problems.length > 0) throw new MindoffConfigurationError(problems);
    return options;
  },
};
