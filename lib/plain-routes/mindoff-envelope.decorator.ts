import { applyDecorators, SetMetadata, UseFilters, UseInterceptors } from '@nestjs/common';
import { MINDOFF_ENVELOPE_METADATA } from './envelope.constants';
import { MindoffEnvelopeFilter } from './envelope.filter';
import { MindoffEnvelopeInterceptor } from './envelope.interceptor';

/**
 * Answers a plain controller (or one of its handlers) in mindoff's envelope: what a handler returns
 * becomes `data` of `SUCCESS`, and its exceptions become the catalog's error envelopes. Needs
 * `MindoffModule.forRoot()` in the app.
 *
 * @example
 * @MindoffEnvelope()
 * @Controller('orders')
 * export class OrdersController { @Get(':id') find(@Param('id') id: string) { return { id }; } }
 */
export function MindoffEnvelope(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(MINDOFF_ENVELOPE_METADATA, true),
    UseInterceptors(MindoffEnvelopeInterceptor),
    UseFilters(MindoffEnvelopeFilter),
  );
}
