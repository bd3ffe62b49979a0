import { MindoffQueueController } from '../queue/mindoff-queue.controller';
import { handleMindoffRequest } from '../routing/mindoff-route.handler';

/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_ENDPOINT`, written without loading the optional peer. */
export const SWAGGER_EXCLUDE_ENDPOINT = 'swagger/apiExcludeEndpoint';
/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_CONTROLLER`. */
export const SWAGGER_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

// Swagger's scanner would list mindoff's one catch-all route once per HTTP method under every API
// path. Hide it; MindoffOpenApi adds each API with its own method from the registry instead.
Reflect.defineMetadata(SWAGGER_EXCLUDE_ENDPOINT, { disable: true }, handleMindoffRequest);

// The task endpoints are described by MindoffOpenApi too (envelopes per status), when the app has
// queue-mode APIs.
Reflect.defineMetadata(SWAGGER_EXCLUDE_CONTROLLER, [true], MindoffQueueController);
