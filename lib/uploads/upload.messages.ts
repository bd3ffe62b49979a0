// What the upload rules tell a client or a developer, as functions (see lib/mindoff.messages.ts).

export const duplicateFormType = (count: number): string =>
  `The request has ${count} Content-Type headers, so how to read its body is ambiguous; send exactly one: Content-Type: multipart/form-data; boundary=<boundary>.`;

export const missingFormType = (): string =>
  'The request has a body but no Content-Type header; this API takes multipart/form-data: send Content-Type: multipart/form-data; boundary=<boundary>.';

export const formReadByOthers = (className: string): string =>
  `${className}: the multipart body was read by another parser before mindoff (e.g. app.use(multer().any()) or a proxy middleware), so its files are gone; the request is refused rather than run without them. Keep other parsers off mindoff routes: mindoff reads uploads itself.`;

export const fieldNotUtf8 = (field: string): string =>
  `Form field '${field}' is not valid UTF-8; send text fields as UTF-8 (as JSON bodies are).`;
