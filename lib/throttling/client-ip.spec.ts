import type { IncomingMessage } from 'node:http';
import { clientIp } from './client-ip';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('clientIp', () => {
  it('uses the socket address and ignores X-Forwarded-For by default', () => {
    expect(clientIp(request('10.0.0.9', '1.2.3.4'))).toBe('10.0.0.9');
  });
  it('unwraps IPv4-mapped IPv6', () => {
    expect(clientIp(request('::ffff:127.0.0.1'))).toBe('127.0.0.1');
  });
  it('reduces IPv6 to its /64 network', () => {
    expect(clientIp(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'))).toBe('2001:db8:1:2::/64');
    expect(clientIp(request('2001:db8::1'))).toBe('2001:db8:0:0::/64');
  });
  it('takes the left-most forwarded address when every proxy is trusted', () => {
    expect(clientIp(request('10.0.0.9', '1.2.3.4, 5.6.7.8'), true)).toBe('1.2.3.4');
  });
  it('trusts only N proxies when given a number, so a spoofed left part is ignored', () => {
    expect(clientIp(request('10.0.0.9', 'spoofed, 1.2.3.4, 5.6.7.8'), 2)).toBe('1.2.3.4');
  });
  it('falls back to the socket when the header is absent', () => {
    expect(clientIp(request('10.0.0.9'), true)).toBe('10.0.0.9');
  });
});
