import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** `proto://host` of a request (forwarded headers only when proxies are trusted). */
export function baseUrl(raw: IncomingMessage, trustProxy: boolean | number | undefined): string {
  const forwardedProto = trustProxy ? first(raw.headers['x-forwarded-proto']) : undefined;
  const forwardedHost = trustProxy ? first(raw.headers['x-forwarded-host']) : undefined;
  const proto = forwardedProto ?? ((raw.socket as TLSSocket).encrypted ? 'https' : 'http');
  const host = forwardedHost ?? raw.headers.host ?? 'localhost';
  return `${proto}://${host}`;
}

function first(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
