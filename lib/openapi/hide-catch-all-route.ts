import { MindoffQueueController } from '../queue/endpoints/mindoff-queue.controller';

export { SWAGGER_EXCLUDE_ENDPOINT } from '../routing/mindoff-route.handler';
/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_CONTROLLER`. */
export const SWAGGER_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

// The task endpoints are described by MindoffOpenApi too (envelopes per status), when the app has
// queue-mode APIs.
Reflect.defineMetadata(SWAGGER_EXCLUDE_CONTROLLER, [true], MindoffQueueController);
