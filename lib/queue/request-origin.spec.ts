import type { IncomingMessage } from 'node:http';
import { resolveTrustProxy } from '../options/resolve-trust-proxy';
import { requestOrigin } from './request-origin';

const request = (headers: Record<string, string>, encrypted = false) =>
  ({ socket: { remoteAddress: '127.0.0.1', encrypted }, headers }) as unknown as IncomingMessage;
const trusting = resolveTrustProxy('loopback', []);
const distrusting = resolveTrustProxy('10.0.0.0/8', []);

describe('requestOrigin', () => {
  it('has no origin for a request that did not come through a trusted proxy, whatever its Host', () => {
    expect(requestOrigin(request({ host: 'evil.example' }), distrusting)).toBeUndefined();
    expect(
      requestOrigin(request({ host: 'evil.example' }), resolveTrustProxy(false, [])),
    ).toBeUndefined();
  });

  it("reads a trusted proxy's X-Forwarded-Proto and X-Forwarded-Host (the first of each), then Host", () => {
    const forwarded = {
      host: 'internal',
      'x-forwarded-proto': 'HTTPS, http',
      'x-forwarded-host': 'shop.example, x',
    };
    expect(requestOrigin(request(forwarded), trusting)).toBe('https://shop.example');
    expect(requestOrigin(request({ host: '[2001:db8::1]:8443' }, true), trusting)).toBe(
      'https://[2001:db8::1]:8443',
    );
    expect(
      requestOrigin(request({ host: 'shop.example', 'x-forwarded-proto': 'gopher' }), trusting),
    ).toBe('http://shop.example');
  });

  it('has no origin when the host a trusted proxy sends is not a host', () => {
    for (const host of ['evil.example/x', 'a@b', 'a b', 'shop.example:port', '-x.example', '']) {
      expect([
        host,
        requestOrigin(request({ host: 'ok', 'x-forwarded-host': host }), trusting),
      ]).toEqual([host, host === '' ? 'http://ok' : undefined]);
    }
  });
});
