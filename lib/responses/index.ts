export type {
  CatalogEntry,
  CatalogRow,
  Category,
  Envelope,
  EnvelopeJson,
  EnvelopeResult,
  EnvelopeStatus,
} from './envelope.interface';
export { DEFAULT_RESPONSES, ResponseCodes, type DefaultResponseCode } from './default-responses';
export { defaultCategoryFor, envelopeStatusFor, isEnvelopeHttpStatus } from './envelope-status';
export { ResponsesCsvError } from './responses-csv.error';
export { loadResponsesCsv, parseResponsesCsv } from './responses-csv.loader';
export { ResponseCatalog } from './response.catalog';
export { attachmentDisposition, contentTypeFor, extensionFor } from './file-headers';
export {
  MindoffResponse,
  type FileMindoffResponse,
  type FileResponseFields,
  type FileSource,
  type JsonMindoffResponse,
  type JsonResponseFields,
  type MindoffResponseFields,
  type MindoffResponseKind,
  type TextMindoffResponse,
  type TextResponseFields,
} from './mindoff-response';
export { MindoffValidationError } from './mindoff-validation.error';
