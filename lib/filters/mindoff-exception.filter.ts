import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { toEnvelopeError } from '../errors/to-envelope-error';
import { requestTelemetry } from '../telemetry/request.telemetry';

/** Turns every failure on a mindoff route (pipeline refusals, handler errors) into its envelope. */
@Catch()
@Injectable()
export class MindoffExceptionFilter implements ExceptionFilter {
  constructor(private readonly sender: EnvelopeSender) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const { code, category, data, headers } = toEnvelopeError(
      exception,
      this.sender.requestIdOf(http.getRequest()),
    );
    this.sender.send(http.getResponse(), code, category, data, headers);
    requestTelemetry(http.getRequest())?.refused(code, data);
  }
}
