import { MindoffCliError } from './cli.error';
import { parseClientArgs } from './client-command.args';

describe('the arguments of mindoff client', () => {
  it('takes the document and defaults the rest', () => {
    expect(parseClientArgs(['http://127.0.0.1:3000/docs-json'])).toEqual({
      source: 'http://127.0.0.1:3000/docs-json',
      name: 'App',
      factory: 'createApiClient',
      headers: [],
      help: false,
    });
  });

  it('reads each option, as two words or with =', () => {
    expect(
      parseClientArgs([
        '--out=src/api/client.ts',
        'docs.json',
        '--name',
        'Shop',
        '--factory=createShopClient',
        '-H',
        'Authorization: Bearer a:b',
        '--header=x-tenant:  acme ',
      ]),
    ).toEqual({
      source: 'docs.json',
      out: 'src/api/client.ts',
      name: 'Shop',
      factory: 'createShopClient',
      headers: [
        ['Authorization', 'Bearer a:b'],
        ['x-tenant', 'acme'],
      ],
      help: false,
    });
    expect(parseClientArgs(['-o', 'x.ts', 'docs.json']).out).toBe('x.ts');
  });

  it('asks for help without needing a document', () => {
    expect(parseClientArgs(['--help']).help).toBe(true);
    expect(parseClientArgs(['docs.json', '-h']).help).toBe(true);
  });

  it.each([
    [[], /give one OpenAPI document/],
    [['a.json', 'b.json'], /give one OpenAPI document .*, not 2/],
    [['docs.json', '--out'], /--out needs a value/],
    [['docs.json', '--out='], /--out needs a value/],
    [['docs.json', '--verbose'], /unknown option --verbose/],
    [['docs.json', '--name', 'my-shop'], /--name my-shop must be an identifier/],
    [['docs.json', '--name', 'class'], /--name class must be an identifier/],
    [['docs.json', '--factory', 'delete'], /--factory delete must be an identifier/],
    [
      ['docs.json', '--name', 'Shop', '--factory', 'ShopApis'],
      /--factory ShopApis must be an identifier other than ShopApis/,
    ],
    [
      ['docs.json', '--header', 'no colon'],
      /--header must look like "Authorization: Bearer <token>"/,
    ],
    [['docs.json', '--header', 'bad name: x'], /--header must look like/],
  ])('refuses %j, saying the fix', (argv, message) => {
    expect(() => parseClientArgs(argv)).toThrow(MindoffCliError);
    expect(() => parseClientArgs(argv)).toThrow(message);
  });
});
