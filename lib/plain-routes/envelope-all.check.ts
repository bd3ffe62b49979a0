import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { applicationConfigOf } from '../http/nest-internals';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { appFilterBesideEnvelopeAll, MindoffConfigurationError } from '../mindoff.messages';
import { MindoffGlobalEnvelopeFilter } from './global-envelope.filter';

/**
 * With `envelope: 'all'`, refuses to start when the app registered global exception filters of
 * its own (`app.useGlobalFilters()`, `APP_FILTER`): Nest hands each exception to one filter only,
 * so either theirs or mindoff's would answer, and errors would come in two shapes.
 */
@Injectable()
export class EnvelopeAllCheck implements OnModuleInit {
  constructor(
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    if (this.options.envelope !== 'all') return;
    const filters = applicationConfigOf(this.moduleRef)?.getGlobalFilters() ?? [];
    const others = filters.filter(
      (filter) => filter && !(filter instanceof MindoffGlobalEnvelopeFilter),
    );
    if (others.length === 0) return;
    throw new MindoffConfigurationError(
      others.map((filter) => appFilterBesideEnvelopeAll(filter.constructor.name)),
    );
  }
}
