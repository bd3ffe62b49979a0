import { resolveOptions } from './resolve-options';
import { resolveTrustProxy } from './resolve-trust-proxy';

const compiled = (setting: Parameters<typeof resolveTrustProxy>[0]) => {
  const problems: string[] = [];
  const trust = resolveTrustProxy(setting, problems);
  return { trust, problems };
};

describe('resolveTrustProxy', () => {
  it('trusts no proxy by default, with false or with 0', () => {
    for (const setting of [undefined, false, 0] as const) {
      const { trust, problems } = compiled(setting);
      expect([trust('127.0.0.1', 0), problems]).toEqual([false, []]);
    }
  });

  it('trusts every hop with true, and the N nearest hops with a number', () => {
    expect(compiled(true).trust('203.0.113.1', 9)).toBe(true);
    const { trust } = compiled(2);
    expect([trust('203.0.113.1', 0), trust('203.0.113.1', 1), trust('203.0.113.1', 2)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('reads addresses, CIDR ranges and the named ranges, as a list or a comma-separated string', () => {
    const fromString = compiled('loopback, 10.0.0.0/8 ,uniquelocal').trust;
    const fromList = compiled(['loopback', '10.0.0.0/8', 'linklocal', '2001:db8::/32']).trust;
    expect(
      ['127.0.0.1', '10.9.9.9', '192.168.1.1', '203.0.113.1'].map((a) => fromString(a, 0)),
    ).toEqual([true, true, true, false]);
    expect(
      ['::1', '169.254.1.1', '2001:db8::5', '::ffff:10.1.1.1', 'junk'].map((a) => fromList(a, 0)),
    ).toEqual([true, true, true, true, false]);
  });

  it('takes a function as it is', () => {
    const own = (address: string) => address === '192.0.2.1';
    expect(compiled(own).trust).toBe(own);
  });

  it('reports a setting it cannot read, naming the option and the forms it takes', () => {
    for (const setting of ['300.1.1.1', '10.0.0.0/99', ['loopback', 'nearby'], -1, 1.5, { a: 1 }]) {
      const { trust, problems } = compiled(setting as never);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^MindoffModule: trustProxy .* cannot be used \(.+\); set it as for express's 'trust proxy': true, the number of proxies/,
      );
      expect(trust('127.0.0.1', 0)).toBe(false);
    }
  });

  it('stops the app at startup through resolveOptions', () => {
    expect(resolveOptions({ trustProxy: 'localhost' }).problems).toEqual([
      expect.stringMatching(
        /trustProxy "localhost" cannot be used \(invalid IP address: localhost\)/,
      ),
    ]);
  });
});
