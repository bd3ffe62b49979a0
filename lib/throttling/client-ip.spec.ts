import fc from 'fast-check';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { resolveTrustProxy } from '../options/resolve-trust-proxy';
import { clientIp } from './client-ip';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

const trust = (setting: Parameters<typeof resolveTrustProxy>[0]) => {
  const problems: string[] = [];
  const compiled = resolveTrustProxy(setting, problems);
  expect(problems).toEqual([]);
  return compiled;
};

/** Entries of X-Forwarded-For that are no address: each must be skipped. */
const GARBAGE = [
  '1:2:3:4:5:6:7:8::9',
  'unknown',
  '999.1.1.1',
  '[::1',
  '::1]:80',
  '1.2.3.4:99999',
  '%',
  '_',
  ':::',
  '01.2.3.4',
  'fe80::1%',
];
/** An entry as the address it names once a port is dropped (the forms proxies write). */
const bare = (entry: string) =>
  entry.replace(/^\[(.*)\](?::\d{1,5})?$/, '$1').replace(/^(\d+(?:\.\d+){3}):\d{1,5}$/, '$1');
const garbage = fc.oneof(
  fc.constantFrom(...GARBAGE),
  fc.stringMatching(/^[0-9a-fA-F:.%[\]]{1,45}$/).filter((entry) => isIP(bare(entry)) === 0),
);
const settings = fc.oneof(
  fc.constant<true>(true),
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom('loopback', 'uniquelocal', 'loopback, 10.0.0.0/8', '192.0.2.0/24'),
  fc.constant(['linklocal', '2001:db8::/32']),
);
const address = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('127.0.0.1', '10.1.2.3', '192.0.2.8'),
);

describe('clientIp', () => {
  it('uses the socket address and ignores X-Forwarded-For by default', () => {
    expect(clientIp(request('10.0.0.9', '1.2.3.4'), trust(false))).toBe('10.0.0.9');
  });
  it('unwraps IPv4-mapped IPv6', () => {
    expect(clientIp(request('::ffff:127.0.0.1'), trust(false))).toBe('127.0.0.1');
  });
  it('reduces IPv6 to its /64 network', () => {
    const none = trust(false);
    expect(clientIp(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), none)).toBe('2001:db8:1:2::/64');
    expect(clientIp(request('2001:db8::1'), none)).toBe('2001:db8:0:0::/64');
    expect(clientIp(request('::1.2.3.4'), none)).toBe('0:0:0:0::/64');
    expect(clientIp(request('fe80::1%eth0'), none)).toBe('fe80:0:0:0::/64');
  });
  it('takes the left-most forwarded address when every proxy is trusted', () => {
    expect(clientIp(request('10.0.0.9', '1.2.3.4, 5.6.7.8'), trust(true))).toBe('1.2.3.4');
  });
  it('trusts only N proxies when given a number, so a spoofed left part is ignored', () => {
    expect(clientIp(request('10.0.0.9', '6.6.6.6, 1.2.3.4, 5.6.7.8'), trust(2))).toBe('1.2.3.4');
  });
  it('stops at the first address outside the trusted ranges', () => {
    const chain = '6.6.6.6, 203.0.113.5, 10.0.0.2';
    expect(clientIp(request('127.0.0.1', chain), trust('loopback, 10.0.0.0/8'))).toBe(
      '203.0.113.5',
    );
    expect(clientIp(request('192.0.2.1', chain), trust('loopback'))).toBe('192.0.2.1');
  });
  it('falls back to the socket when the header is absent or holds no address', () => {
    expect(clientIp(request('10.0.0.9'), trust(true))).toBe('10.0.0.9');
    expect(clientIp(request('10.0.0.9', ' , unknown'), trust(true))).toBe('10.0.0.9');
  });
  it('skips the entry that answered 500 before (1:2:3:4:5:6:7:8::9)', () => {
    expect(clientIp(request('10.0.0.9', '1:2:3:4:5:6:7:8::9'), trust(true))).toBe('10.0.0.9');
    expect(clientIp(request('10.0.0.9', '1.2.3.4, 1:2:3:4:5:6:7:8::9'), trust(1))).toBe('1.2.3.4');
  });
  it('drops the port of ip:port and [v6]:port entries', () => {
    expect(clientIp(request('10.0.0.9', '198.51.100.7:40001'), trust(1))).toBe('198.51.100.7');
    expect(clientIp(request('10.0.0.9', '[2001:db8::7]:443'), trust(1))).toBe('2001:db8:0:0::/64');
    expect(clientIp(request('10.0.0.9', '[2001:db8::7]'), trust(1))).toBe('2001:db8:0:0::/64');
  });

  describe('properties', () => {
    it('never throws and always answers a string, whatever X-Forwarded-For holds', () => {
      fc.assert(
        fc.property(settings, fc.string({ unit: 'binary', maxLength: 200 }), (setting, header) => {
          const compiled = trust(setting);
          expect(typeof clientIp(request('10.0.0.9', header), compiled)).toBe('string');
        }),
        { numRuns: 2000 },
      );
    });

    it('agrees with proxy-addr (what express uses) on well-formed chains', () => {
      fc.assert(
        fc.property(
          settings,
          address,
          fc.array(address, { maxLength: 6 }),
          (setting, peer, chain) => {
            const raw = request(peer, chain.join(', '));
            const compiled = trust(setting);
            const expected = clientIp(request(proxyaddr(raw, compiled)), trust(false));
            expect(clientIp(raw, compiled)).toBe(expected);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('skips malformed entries wherever they stand, as if absent', () => {
      fc.assert(
        fc.property(
          settings,
          fc.array(address, { maxLength: 5 }),
          fc.array(fc.tuple(fc.nat(), garbage), { minLength: 1, maxLength: 4 }),
          (setting, chain, inserts) => {
            const spoiled = [...chain];
            for (const [at, entry] of inserts) spoiled.splice(at % (spoiled.length + 1), 0, entry);
            const compiled = trust(setting);
            expect(clientIp(request('127.0.0.1', spoiled.join(',')), compiled)).toBe(
              clientIp(request('127.0.0.1', chain.join(',')), compiled),
            );
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('counts ip:port and [v6]:port as their address', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.ipV4(), fc.ipV6()),
          fc.integer({ min: 0, max: 65535 }),
          (ip, port) => {
            const withPort = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
            const one = trust(1);
            expect(clientIp(request('10.0.0.9', withPort), one)).toBe(
              clientIp(request('10.0.0.9', ip), one),
            );
          },
        ),
        { numRuns: 500 },
      );
    });

    it('gives every address of one IPv6 /64 the same key, and other /64s another', () => {
      const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
      const groups = fc.array(group, { minLength: 4, maxLength: 4 });
      fc.assert(
        fc.property(groups, groups, groups, groups, (net, hostA, hostB, otherNet) => {
          const none = trust(false);
          const key = (prefix: string[], host: string[]) =>
            clientIp(request([...prefix, ...host].join(':')), none);
          expect(key(net, hostA)).toBe(key(net, hostB));
          expect(key(net, hostA)).toBe(
            `${net.map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`,
          );
          const same = otherNet.every((g, i) => parseInt(g, 16) === parseInt(net[i]!, 16));
          if (!same) expect(key(otherNet, hostA)).not.toBe(key(net, hostA));
        }),
        { numRuns: 500 },
      );
    });
  });
});
