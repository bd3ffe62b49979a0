import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { EnvelopeAllCheck } from './envelope-all.check';
import { MindoffEnvelopeFilter } from './envelope.filter';
import { MindoffEnvelopeInterceptor } from './envelope.interceptor';
import { MindoffGlobalEnvelopeFilter } from './global-envelope.filter';

/**
 * What `MindoffModule` provides for the envelope of plain routes: the interceptor and filter that
 * `@MindoffEnvelope()` binds, and, with `envelope: 'all'`, the same interceptor and the global
 * envelope filter app-wide.
 *
 * The app-wide pair is registered through factories that give `null` unless `envelope` is `'all'`:
 * Nest keeps the `null` in its list of global enhancers but every consumer of that list skips
 * falsy entries, so in the default mode no global interceptor or filter of mindoff's ever runs. That matters for the filter: Nest hands an
 * exception to exactly one filter (the handler's, the class's, then the global ones,
 * last-registered first), so a catch-all global filter would take the place of the app's own.
 * Factories read the options after `forRootAsync` resolved them, so both registrations work alike.
 * With `'all'`, the app may have no global filter of its own (`EnvelopeAllCheck`).
 */
export const ENVELOPE_PROVIDERS: Provider[] = [
  EnvelopeAllCheck,
  MindoffEnvelopeInterceptor,
  MindoffEnvelopeFilter,
  MindoffGlobalEnvelopeFilter,
  {
    provide: APP_INTERCEPTOR,
    inject: [MINDOFF_RESOLVED_OPTIONS, MindoffEnvelopeInterceptor],
    useFactory: (options: ResolvedMindoffOptions, interceptor: MindoffEnvelopeInterceptor) =>
      options.envelope === 'all' ? interceptor : null,
  },
  {
    provide: APP_FILTER,
    inject: [MINDOFF_RESOLVED_OPTIONS, MindoffGlobalEnvelopeFilter],
    useFactory: (options: ResolvedMindoffOptions, filter: MindoffGlobalEnvelopeFilter) =>
      options.envelope === 'all' ? filter : null,
  },
];
