import type { IncomingMessage } from 'node:http';

/**
 * The client address a request came from. With `trustProxy` set, it is read from
 * `X-Forwarded-For` (`true`: the left-most entry; a number N: N proxies are trusted, so the N-th
 * entry from the right); otherwise the socket's address. IPv4-mapped IPv6 is unwrapped, and IPv6
 * is reduced to its /64 network so one host cannot rotate addresses to dodge a limit.
 */
export function clientIp(raw: IncomingMessage, trustProxy: boolean | number = false): string {
  const socketAddress = raw.socket?.remoteAddress ?? '';
  if (trustProxy === false || trustProxy === 0) return normalize(socketAddress);
  const header = raw.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (chain.length === 0) return normalize(socketAddress);
  const hops = trustProxy === true ? chain.length : trustProxy;
  return normalize(chain[Math.max(0, chain.length - hops)]);
}

function normalize(address: string): string {
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!address.includes(':')) return address;
  return ipv6Network(address);
}

function ipv6Network(address: string): string {
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}
