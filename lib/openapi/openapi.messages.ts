/** Why `MindoffOpenApi.createDocument` cannot run yet, and what to do instead. */
export const appNotStarted = (): string =>
  "MindoffOpenApi.createDocument: the app has not started, so its mindoff APIs are not compiled yet; pass it as a document factory, SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config)), or call it after await app.init().";

/** @nestjs/swagger is not installed. */
export const swaggerMissing = (): string =>
  'MindoffOpenApi needs @nestjs/swagger to build the API docs; install it: npm install @nestjs/swagger';
