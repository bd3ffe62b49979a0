/** Why `MindoffOpenApi.createDocument` cannot run yet, and what to do instead. */
export const appNotStarted = (): string =>
  "MindoffOpenApi.createDocument: the app has not started, so its mindoff APIs are not compiled yet; pass it as a document factory, SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config)), or call it after await app.init().";

export const unknownResponseCode = (className: string, code: string): string =>
  `${className}: @MindoffResponseCodes names '${code}', which is neither a built-in code nor a row of the app's responses.csv; add a row for it (code,title,description,http_status) or fix the name.`;
