/** Outcome of a request as the client sees it: success, a client-side failure, or a server fault. */
export type EnvelopeStatus = 'ok' | 'fail' | 'exception';

/** How a client should present the message (maps onto the usual alert colours). */
export type Category = 'danger' | 'warning' | 'info' | 'success';

/** The one shape every mindoff JSON answer takes. */
export interface Envelope<D = unknown> {
  status: EnvelopeStatus;
  message: { code: string; title: string; description: string; category: Category };
  data: D;
}

/** A response code as written in the built-in table or the app's `config/responses.csv`. */
export interface CatalogRow {
  code: string;
  title: string;
  description: string;
  httpStatus: number;
}

/** A response code in the catalog, with the envelope status derived from its HTTP status. */
export interface CatalogEntry {
  code: string;
  title: string;
  description: string;
  httpStatus: number;
  status: EnvelopeStatus;
}

/** What `ResponseCatalog.envelope()` gives the renderer: the HTTP status and the body to send. */
export interface EnvelopeResult<D = unknown> {
  httpStatus: number;
  body: Envelope<D>;
}

/** What `ResponseCatalog.envelopeJson()` gives: the HTTP status and the envelope as JSON text. */
export interface EnvelopeJson {
  httpStatus: number;
  json: string;
}
