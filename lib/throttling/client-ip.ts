import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../interfaces/resolved-mindoff-options.interface';

/**
 * The client address a request came from, as express's `req.ip` reads it (`proxy-addr` parses
 * `X-Forwarded-For`): walking from the socket's peer towards the client, every trusted hop is
 * passed and the first untrusted one (or the farthest) is the client. Unlike express, an entry's
 * port is dropped (`198.51.100.7:40001`, `[2001:db8::1]:443`) and an entry that is no address at
 * all is skipped, as if absent. IPv4-mapped IPv6 is unwrapped, and IPv6 is reduced to its /64
 * network so one host cannot rotate addresses to dodge a limit.
 *
 * @example
 * clientIp(request, resolveTrustProxy(1, [])); // '203.0.113.9' from 'X-Forwarded-For: 203.0.113.9'
 */
export function clientIp(raw: IncomingMessage, trust: TrustProxy): string {
  const socketAddress = raw.socket?.remoteAddress ?? '';
  if (raw.headers['x-forwarded-for'] === undefined || !trust(socketAddress, 0)) {
    return normalize(socketAddress);
  }
  const chain = proxyaddr
    .all(raw)
    .slice(1)
    .map(withoutPort)
    .filter((address) => isIP(address) !== 0);
  let client = socketAddress;
  for (let hop = 0; hop < chain.length; hop++) {
    client = chain[hop]!;
    if (!trust(client, hop + 1)) break;
  }
  return normalize(client);
}

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::(\d{1,5}))?$/;

/** `ip:port` and `[v6]:port` (or `[v6]`) as the bare address; anything else unchanged. */
function withoutPort(entry: string): string {
  const found = IPV4_WITH_PORT.exec(entry) ?? BRACKETED_IPV6.exec(entry);
  if (!found) return entry;
  return found[2] === undefined || Number(found[2]) <= 65535 ? found[1]! : entry;
}

/** A valid address (the socket's, or a chain entry that passed `isIP`) as its counter's key. */
function normalize(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : ipv6Network(address);
}

/** The /64 network of a valid IPv6 address (zone dropped), e.g. `2001:db8:0:0::/64`. */
function ipv6Network(address: string): string {
  const bare = address.split('%')[0]!;
  const [head = '', tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part (`::1.2.3.4`) stands for the last two groups.
  const dotted = bare.includes('.') ? 1 : 0;
  const missing = 8 - left.length - right.length - dotted;
  const groups = bare.includes('::')
    ? [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => (group.includes('.') ? '0' : parseInt(group, 16).toString(16)))
    .join(':')}::/64`;
}
