import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TrustProxy } from '../interfaces/resolved-mindoff-options.interface';

/** A host as a URL may carry it: a name or IPv4 address, or a bracketed IPv6, and a port. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * `proto://host` of a request as a trusted proxy states it, or undefined when the request did not
 * come through one: the `Host` header is the client's to write, so an origin is read only when
 * `trust` trusts the socket's peer (`X-Forwarded-Proto` / `X-Forwarded-Host` first, then `Host`),
 * and only when it is a well-formed host. Without it, task URLs are relative.
 *
 * @example
 * requestOrigin(raw, resolveTrustProxy('loopback', [])); // 'https://api.example.com' from X-Forwarded-*
 */
export function requestOrigin(raw: IncomingMessage, trust: TrustProxy): string | undefined {
  if (!trust(raw.socket?.remoteAddress ?? '', 0)) return undefined;
  const forwardedProto = first(raw.headers['x-forwarded-proto'])?.toLowerCase();
  const proto =
    forwardedProto === 'http' || forwardedProto === 'https'
      ? forwardedProto
      : (raw.socket as TLSSocket | undefined)?.encrypted
        ? 'https'
        : 'http';
  const host = first(raw.headers['x-forwarded-host']) ?? raw.headers.host;
  return host !== undefined && HOST.test(host) ? `${proto}://${host}` : undefined;
}

function first(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
