import { handleMindoffRequest } from '../routing/mindoff-route.handler';

/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_ENDPOINT`, written without loading the optional peer. */
export const SWAGGER_EXCLUDE_ENDPOINT = 'swagger/apiExcludeEndpoint';

// Swagger's scanner would list mindoff's one catch-all route once per HTTP method under every API
// path. Hide it; MindoffOpenApi adds each API with its own method from the registry instead.
Reflect.defineMetadata(SWAGGER_EXCLUDE_ENDPOINT, { disable: true }, handleMindoffRequest);
