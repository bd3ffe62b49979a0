/** Why `MindoffOpenApi.createDocument` cannot run yet, and what to do instead. */
export const appNotStarted = (): string =>
  "MindoffOpenApi.createDocument: the app has not started, so its mindoff APIs are not compiled yet; pass it as a document factory, SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config)), or call it after await app.init().";
