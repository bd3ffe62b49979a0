import { extname } from 'node:path';

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  'application/json': '.json',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'text/html': '.html',
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/zip': '.zip',
};

/** The content type of a file name by its extension; `application/octet-stream` when unknown. */
export function contentTypeFor(filename: string): string {
  return TYPE_BY_EXTENSION[extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/** The usual extension (with the dot) of a content type, ignoring parameters; `.bin` when unknown. */
export function extensionFor(contentType: string): string {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return EXTENSION_BY_TYPE[essence] ?? '.bin';
}

/**
 * `Content-Disposition: attachment` for `filename` (RFC 6266): an ASCII `filename="..."` with
 * quotes and backslashes escaped, plus `filename*=UTF-8''...` when the name is not plain ASCII.
 */
export function attachmentDisposition(filename: string): string {
  const name = filename.replace(/\p{Cc}/gu, '');
  const fallback = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
  const quoted = `attachment; filename="${fallback.replace(/["\\]/g, '\\$&')}"`;
  return fallback === name ? quoted : `${quoted}; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Percent-encodes everything outside RFC 5987 `attr-char`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
